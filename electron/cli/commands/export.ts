// `keystash export FILE --format F`: writes the vault to a file. Plain formats hold every
// secret unencrypted, so the command asks for confirmation on a terminal and needs --yes
// elsewhere; the file is created with mode 0600 and an existing file is replaced only with
// --force. `--format keystash` writes an encrypted, password-protected export instead.
import readline from 'node:readline';
import { DEFAULT_KDF } from '../../../shared/domain';
import { KeystashError } from '../../core/errors';
import { VAULT_EXPORT_FORMATS, exportVault, type ExportFormat } from '../../core/formats/export/run';
import { readImportFile } from '../../core/formats/import';
import type { Command, CommandContext } from '../command';
import { usageError } from '../command';
import { EXIT } from '../exit-codes';
import { KDF_OPTIONS, kdfFromArgs } from '../kdf-options';
import { promptHidden } from '../tty-prompt';

async function confirmOnTerminal(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

async function exportPassword(ctx: CommandContext): Promise<string> {
  if (ctx.input.passwordFromStdin || process.stdin.isTTY !== true) return ctx.input.secret('Export password');
  const first = await promptHidden('Password for the export file: ');
  const again = await promptHidden('Repeat the password: ');
  if (first !== again) throw new KeystashError('invalid-input', 'The two passwords do not match; nothing was exported.');
  return first;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the vault to CSV, Bitwarden CSV, JSON or an encrypted Keystash file',
  usage: 'export FILE --format csv|bitwarden|json|keystash|kdbx|cxf [--key-file F] [--yes] [--force] [--json]',
  details: `Formats:
  csv        Keystash's own lossless CSV (every field, times and password history)
  bitwarden  Bitwarden's individual-vault CSV, for moving to Bitwarden or most other managers
  json       {"items": [...]} in the --json item shape, with every secret
  keystash   encrypted with a password you choose (Argon2id + XChaCha20-Poly1305);
             import it on another machine with \`keystash import FILE\`
  kdbx       a KeePass database (KDBX 4, Argon2id) for KeePassXC, KeePass or KeeWeb,
             protected by a password you choose and, with --key-file, a key file
  cxf        the FIDO Credential Exchange Format (CXF 1.0) JSON; a zip (index.json and
             documents/) when items have files
csv, bitwarden, json and cxf files are NOT encrypted. On a terminal you are asked to confirm;
otherwise pass --yes. The file is created readable only by you (0600). An existing file is
never replaced unless you pass --force. Items in the trash are exported only by keystash and kdbx (its recycle bin).
Spreadsheet formulas are defused: cells starting with = + - @ get a leading apostrophe.

Examples:
  keystash export backup.keystash-export --format keystash
  keystash export vault.csv --format csv --yes
  keystash export vault.kdbx --format kdbx --key-file vault.keyx`,
  options: {
    format: { type: 'string', value: 'F', help: `One of ${VAULT_EXPORT_FORMATS.join(', ')}` },
    yes: { type: 'boolean', help: 'Confirm writing secrets unencrypted (csv, bitwarden, json; needed when not on a terminal)' },
    force: { type: 'boolean', help: 'Replace FILE if it already exists' },
    'key-file': { type: 'string', value: 'F', help: 'kdbx: a key file the database will also need' },
    json: { type: 'boolean', help: 'Print {format, file, count, encrypted} as JSON' },
    ...KDF_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const a = ctx.args;
    const file = a.positional(0, 'FILE');
    const format = a.string('format');
    if (format === undefined || !(VAULT_EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw usageError(`--format is required: one of ${VAULT_EXPORT_FORMATS.join(', ')}.`);
    }
    const kdf = kdfFromArgs(a, DEFAULT_KDF);
    const encrypted = format === 'keystash' || format === 'kdbx';
    const keyFilePath = a.string('key-file');
    if (keyFilePath !== undefined && format !== 'kdbx') throw usageError('--key-file applies to --format kdbx only.');
    const keyFile = keyFilePath !== undefined ? await readImportFile(keyFilePath) : undefined;
    const interactive = process.stdin.isTTY === true && !ctx.input.passwordFromStdin;
    // Only the plain formats need the confirmation: the encrypted one is protected by its password.
    if (!encrypted && !a.flag('yes') && !interactive) {
      throw usageError('This export writes every secret to a file UNENCRYPTED; pass --yes to confirm (there is no terminal to ask on).');
    }
    const vault = await ctx.vault();
    if (!encrypted && !a.flag('yes')) {
      if (!(await confirmOnTerminal(`${file} will hold every password and secret UNENCRYPTED. Continue? [y/N] `))) {
        ctx.out.note('Nothing was exported.');
        return EXIT.usage;
      }
    }
    const password = encrypted ? await exportPassword(ctx) : undefined;
    const result = await exportVault(vault, file, {
      format: format as ExportFormat,
      ...(password ? { password } : {}),
      ...(keyFile ? { keyFile } : {}),
      ...(kdf ? { kdf } : {}),
      overwrite: a.flag('force'),
    });
    if (a.flag('json')) ctx.out.json(result);
    ctx.out.note(`Exported ${result.count} item${result.count === 1 ? '' : 's'} to ${file}${encrypted ? ' (encrypted)' : ' (not encrypted: keep it safe and delete it when done)'}.`);
    return EXIT.ok;
  },
};
