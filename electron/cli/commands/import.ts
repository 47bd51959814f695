// `keystash import FILE`: brings items in from another password manager's CSV export, a
// generic CSV (with --map), or a Keystash export (CSV or encrypted). Problems are listed by
// line; nothing is written unless every row is fine or --skip-problems accepts leaving them out.
import type { Command } from '../command';
import { usageError } from '../command';
import { EXIT } from '../exit-codes';
import { IMPORT_FORMATS, loadFile, parseMapSpec, readImportFile, runImport, type ImportFormat, type ImportResult } from '../../core/formats/import';

function progressPrinter(write: (s: string) => void, tty: boolean): (fraction: number, imported: number) => void {
  let lastStep = -1;
  return (fraction, imported) => {
    const pct = Math.floor(fraction * 100);
    if (tty) {
      write(`\rImporting… ${pct}% (${imported} items)${fraction >= 1 ? '\n' : ''}`);
    } else if (Math.floor(pct / 10) > lastStep) {
      // Off a terminal, one line per tenth keeps logs readable.
      lastStep = Math.floor(pct / 10);
      write(`Importing… ${pct}% (${imported} items)\n`);
    }
  };
}

function summary(r: ImportResult, dryRun: boolean): string {
  const verb = dryRun ? 'Would import' : r.committed ? 'Imported' : 'Imported nothing; would import';
  const parts = [`${verb} ${r.imported} item${r.imported === 1 ? '' : 's'} (${r.format} format)`];
  if (r.duplicates > 0) parts.push(`${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'} ${r.skipped - r.problems.length > 0 ? 'skipped' : 'imported anyway'}`);
  if (r.problems.length > 0) parts.push(`${r.problems.length} problem row${r.problems.length === 1 ? '' : 's'}`);
  return `${parts.join(', ')}.`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import items from another manager (CSV, KeePass .kdbx, Bitwarden .json, 1Password .1pux, Proton Pass) or a Keystash export',
  usage: 'import FILE [--format F] [--map SPEC] [--key-file F] [--dry-run] [--skip-problems] [--keep-duplicates] [--json]',
  details: `The format is recognised from the file (a CSV from its header row, Enpass's CSV, which has
none, from its rows); --format overrides a CSV's. JSON and zipped exports (Bitwarden .json, plain
or password-protected; 1Password .1pux; Proton Pass .zip or .json; CXF) are recognised from their
content. Formats:
  ${IMPORT_FORMATS.join(', ')}.
For any other CSV, map its columns (unmapped columns become custom fields):
  keystash import other.csv --map title=Name,username=Login,password=Pass,url=Site,notes=Notes,totp=OTP,folder=Group
Rows equal to an existing item (same title, username, URLs and password) or to an earlier
row are skipped unless --keep-duplicates. A row that cannot be read is listed with its line
number and nothing is imported, unless --skip-problems imports the good rows without them.
An encrypted Keystash export or a KeePass database (.kdbx, KDBX 3.1 or 4) asks for its
password (with --password-stdin: the line after the master password); --key-file gives a
KeePass database's key file. Attachments come along.

Examples:
  keystash import bitwarden_export.csv --dry-run
  keystash import passwords.csv --format chrome --json
  keystash import Passwords.kdbx --key-file Passwords.keyx`,
  options: {
    format: { type: 'string', value: 'F', help: `Source format: ${IMPORT_FORMATS.join(', ')}` },
    map: { type: 'string', value: 'SPEC', help: 'Column mapping for a generic CSV: target=Column,...' },
    'dry-run': { type: 'boolean', help: 'Show what would be imported; change nothing' },
    'skip-problems': { type: 'boolean', help: 'Import the good rows even if some rows have problems' },
    'keep-duplicates': { type: 'boolean', help: 'Import rows that duplicate existing items too' },
    'key-file': { type: 'string', value: 'F', help: 'The key file of a KeePass database' },
    json: { type: 'boolean', help: 'Print {format, imported, skipped, problems: [{line, reason}]} as JSON' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const a = ctx.args;
    const file = a.positional(0, 'FILE');
    const formatArg = a.string('format');
    if (formatArg !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(formatArg)) {
      throw usageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}.`);
    }
    const mapSpec = a.string('map');
    const mapping = mapSpec !== undefined ? parseMapSpec(mapSpec) : undefined;
    const format = (formatArg ?? (mapping ? 'generic' : undefined)) as ImportFormat | undefined;
    if (mapping && format !== 'generic') throw usageError('--map applies to --format generic only.');
    // Read (under the app's size limit) and decoded before the vault is opened: a missing or
    // unreadable file is reported without asking for the master password first.
    const loaded = loadFile(await readImportFile(file));
    const keyFilePath = a.string('key-file');
    if (keyFilePath !== undefined && !(loaded.encrypted && loaded.kind === 'kdbx')) throw usageError('--key-file applies to KeePass databases (.kdbx) only.');
    const keyFile = keyFilePath !== undefined ? await readImportFile(keyFilePath) : undefined;
    const vault = await ctx.vault();
    const prompts = { kdbx: 'KeePass database password', 'bitwarden-json': 'Bitwarden export password', keystash: 'Export password' } as const;
    const password = loaded.encrypted ? await ctx.input.secret(prompts[loaded.kind]) : undefined;
    const dryRun = a.flag('dry-run');
    const result = await runImport(vault, loaded, {
      ...(format ? { format } : {}),
      ...(mapping ? { mapping } : {}),
      ...(password ? { password } : {}),
      ...(keyFile ? { keyFile } : {}),
      dryRun,
      acceptProblems: a.flag('skip-problems'),
      skipDuplicates: !a.flag('keep-duplicates'),
      onProgress: progressPrinter((s) => process.stderr.write(s), process.stderr.isTTY === true),
    });
    if (a.flag('json')) {
      ctx.out.json({ format: result.format, imported: result.imported, skipped: result.skipped, duplicates: result.duplicates, problems: result.problems, dryRun, committed: result.committed });
    }
    for (const p of result.problems) ctx.out.note(`line ${p.line}: ${p.reason}`);
    ctx.out.note(summary(result, dryRun));
    if (!dryRun && !result.committed) {
      ctx.out.error('Some rows have problems (listed above); nothing was imported. Fix the file, or pass --skip-problems to import the other rows.');
      return EXIT.usage;
    }
    return EXIT.ok;
  },
};
