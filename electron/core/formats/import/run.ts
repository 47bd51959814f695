// The import itself: preview (what would happen, nothing written) and commit (rows saved in
// batches inside one transaction; all land or none do). Both walk the file the same way, so
// the preview's counts, problems and duplicates are exactly what the commit will do.
import type { ItemData, ItemType } from '../../../../shared/domain';
import type { ItemRecordInput } from '../../items/import-batches';
import { totpProblem } from '../../items/totp';
import type { Vault } from '../../vault';
import { RowChecker, type ExistingItems } from './checker';
import { eachRow, openSource, type RowVisitor, type SourceOptions } from './source';
import type { DuplicateRow, ImportedItem, ImportPreview, ImportProblem, ImportResult, PreviewRow } from './types';

export const SAMPLE_ROWS = 20;
const BATCH = 2_000;

export interface CommitOptions extends SourceOptions {
  /** Skip rows that duplicate an item in the vault or an earlier row (default true). */
  skipDuplicates?: boolean;
  /** Import the good rows even when some rows have problems (they are skipped). */
  acceptProblems?: boolean;
  dryRun?: boolean;
  /** Called after each batch with the fraction of the file read (0–1) and rows imported so far. */
  onProgress?: (fraction: number, imported: number) => void;
}

function existingItems(vault: Vault): ExistingItems {
  return {
    list: () => vault.items.list({}),
    record: (id) => {
      const item = vault.items.withSecrets(id);
      return { password: item.password, secret: item.secret, notes: item.notes };
    },
  };
}

function previewRow(line: number, d: ItemData): PreviewRow {
  return {
    line,
    type: d.type,
    title: d.title,
    username: d.username,
    urls: d.urls,
    folder: d.folder,
    favorite: d.favorite,
    hasPassword: d.password !== '',
    hasTotp: d.totp !== '',
    hasSecret: d.secret !== '',
    notes: d.notes.length > 500 ? `${d.notes.slice(0, 500)}…` : d.notes,
    fields: d.fields.map((f) => ({ name: f.name, concealed: f.concealed, value: f.concealed ? null : f.value })),
  };
}

/** Lets the event loop run (in the app: answer the window, including progress requests). */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Reads the whole file and reports what an import would do. Writes nothing. */
export async function previewImport(vault: Vault, bytes: Uint8Array, opts: SourceOptions = {}): Promise<ImportPreview> {
  const src = await openSource(bytes, opts);
  const checker = new RowChecker(existingItems(vault), totpProblem);
  const counts: Record<ItemType, number> = { login: 0, api_key: 0, note: 0 };
  const sample: PreviewRow[] = [];
  const problems: ImportProblem[] = [];
  const duplicates: DuplicateRow[] = [];
  let rows = 0;
  const visit: RowVisitor = (line, outcome) => {
    rows++;
    const v = checker.check(outcome);
    if (v.kind === 'problem') problems.push({ line, reason: v.reason });
    else if (v.kind === 'duplicate') duplicates.push({ line, title: v.title, of: v.of });
    else {
      counts[v.item.data.type]++;
      if (sample.length < SAMPLE_ROWS) sample.push(previewRow(line, v.item.data));
    }
  };
  // In slices, like the commit: reading 100,000 rows takes over a second, and the app should
  // keep answering its window meanwhile.
  const cursor = src.rows();
  while (cursor.next(BATCH, visit)) await breathe();
  return {
    format: src.format,
    formatLabel: src.formatLabel,
    detected: src.detected,
    encrypted: src.encrypted,
    headers: src.headers,
    mapping: src.mapping,
    ignoredColumns: src.ignoredColumns,
    rows,
    counts,
    sample,
    problems,
    duplicates,
  };
}

class ProblemsRefused extends Error {}

/** The record to save: the row's times and history with its parsed item. */
function strip(item: ImportedItem & { data: ItemData }): ItemRecordInput {
  const { data, input: _input, ...record } = item;
  return { ...record, input: data };
}


/**
 * Imports the file. With problems and no `acceptProblems`, nothing is written. Rows are read,
 * checked and saved a batch at a time, all in one transaction, with a pause for the event
 * loop after each batch: `onProgress` reports every batch, and a window polling for progress
 * gets answers while the import runs.
 */
export async function commitImport(vault: Vault, bytes: Uint8Array, opts: CommitOptions = {}): Promise<ImportResult> {
  const src = await openSource(bytes, opts);
  const checker = new RowChecker(existingItems(vault), totpProblem);
  const skipDuplicates = opts.skipDuplicates ?? true;
  const problems: ImportProblem[] = [];
  let duplicates = 0;
  let accepted = 0;
  const visitor = (take: (r: ItemRecordInput) => void, progress: (fraction: number) => void): RowVisitor => {
    return (line, outcome, fraction) => {
      const v = checker.check(outcome);
      if (v.kind === 'problem') problems.push({ line, reason: v.reason });
      else if (v.kind === 'duplicate') {
        duplicates++;
        if (!skipDuplicates) {
          accepted++;
          take(strip(v.item));
        }
      } else {
        accepted++;
        take(strip(v.item));
      }
      progress(fraction);
    };
  };
  const result = (imported: number, committed: boolean): ImportResult => ({
    format: src.format,
    imported,
    skipped: problems.length + (skipDuplicates ? duplicates : 0),
    duplicates,
    problems,
    committed,
  });
  if (opts.dryRun) {
    eachRow(src, visitor(() => undefined, () => undefined));
    return result(accepted, false);
  }
  async function* batches(): AsyncGenerator<ItemRecordInput[]> {
    const cursor = src.rows();
    let fraction = 0;
    let more = true;
    while (more) {
      const batch: ItemRecordInput[] = [];
      more = cursor.next(
        BATCH,
        visitor(
          (r) => batch.push(r),
          (f) => (fraction = f),
        ),
      );
      if (batch.length > 0) yield batch;
      opts.onProgress?.(more ? fraction : 1, accepted);
      if (more) await breathe();
    }
    if (problems.length > 0 && !opts.acceptProblems) throw new ProblemsRefused();
  }
  try {
    const imported = await vault.imports.run(batches(), `format ${src.format}${src.encrypted ? ' (encrypted)' : ''}`);
    return result(imported, true);
  } catch (err) {
    if (err instanceof ProblemsRefused) return result(0, false);
    throw err;
  }
}
