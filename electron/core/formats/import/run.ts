// The import itself, in two steps. The preview reads every row once, checks it, and keeps
// what it found: the counts, sample rows, problems and duplicates it reports, and every item
// as it will be saved. The commit saves those kept items in batches inside one transaction
// (all land or none do) without reading or parsing the file again, so what is saved is
// exactly what the preview showed, even if the file has changed on disk since.
import type { ItemData, ItemType } from '../../../../shared/domain';
import type { ItemRecordInput } from '../../items/import-batches';
import { totpProblem } from '../../items/totp';
import type { Vault } from '../../vault';
import { RowChecker, type ExistingItems } from './checker';
import { openSource, type LoadedFile, type SourceOptions } from './source';
import type { RowVisitor } from './types';
import type { DuplicateRow, ImportedItem, ImportPreview, ImportProblem, ImportResult, PreviewRow } from './types';

export const SAMPLE_ROWS = 20;
const BATCH = 2_000;

export interface CommitOptions {
  /** Skip rows that duplicate an item in the vault or an earlier row (default true). */
  skipDuplicates?: boolean;
  /** Import the good rows even when some rows have problems (they are skipped). */
  acceptProblems?: boolean;
  dryRun?: boolean;
  /** Called after each batch with the fraction of the items saved (0–1) and how many that is. */
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

/** One item as the preview checked it, ready to save. */
export interface KeptItem extends ItemRecordInput {
  /** Equal to a vault item or an earlier row: saved only when duplicates are not skipped. */
  duplicate: boolean;
}

/** A preview, and the items it checked, kept for the commit. */
export interface CheckedImport {
  preview: ImportPreview;
  /** Every row that became an item, in file order. */
  items: KeptItem[];
}

/** The record to save: the row's times and history with its parsed item. */
function keep(item: ImportedItem & { data: ItemData }, duplicate: boolean): KeptItem {
  const { data, input: _input, ...record } = item;
  return { ...record, input: data, duplicate };
}

/**
 * Reads the whole file, reports what an import would do, and keeps the checked items for
 * `commitImport`. Writes nothing.
 */
export async function previewImport(vault: Vault, file: LoadedFile, opts: SourceOptions = {}): Promise<CheckedImport> {
  const src = await openSource(file, opts);
  const checker = new RowChecker(existingItems(vault), totpProblem);
  const counts: Record<ItemType, number> = { login: 0, api_key: 0, note: 0 };
  const sample: PreviewRow[] = [];
  const problems: ImportProblem[] = [];
  const duplicates: DuplicateRow[] = [];
  const items: KeptItem[] = [];
  let rows = 0;
  const visit: RowVisitor = (line, outcome) => {
    rows++;
    const v = checker.check(outcome);
    if (v.kind === 'problem') return void problems.push({ line, reason: v.reason });
    if (v.kind === 'skip') return;
    items.push(keep(v.item, v.kind === 'duplicate'));
    if (v.kind === 'duplicate') duplicates.push({ line, title: v.title, of: v.of });
    else {
      counts[v.item.data.type]++;
      if (sample.length < SAMPLE_ROWS) sample.push(previewRow(line, v.item.data));
    }
  };
  // In slices: reading 100,000 rows takes over a second, and the app should keep answering
  // its window meanwhile.
  const cursor = src.rows();
  while (cursor.next(BATCH, visit)) await breathe();
  const { format, formatLabel, detected, encrypted, headers, mapping, ignoredColumns } = src;
  return {
    preview: { format, formatLabel, detected, encrypted, headers, mapping, ignoredColumns, rows, counts, sample, problems, duplicates },
    items,
  };
}

/**
 * Saves a preview's kept items. With problems and no `acceptProblems`, nothing is written.
 * Items are saved a batch at a time, all in one transaction, with a pause for the event loop
 * after each batch: `onProgress` reports every batch, and a window polling for progress gets
 * answers while the import runs.
 */
export async function commitImport(vault: Vault, checked: CheckedImport, opts: CommitOptions = {}): Promise<ImportResult> {
  const { preview } = checked;
  const skipDuplicates = opts.skipDuplicates ?? true;
  const chosen = skipDuplicates ? checked.items.filter((i) => !i.duplicate) : checked.items;
  const result = (imported: number, committed: boolean): ImportResult => ({
    format: preview.format,
    imported,
    skipped: preview.problems.length + (skipDuplicates ? preview.duplicates.length : 0),
    duplicates: preview.duplicates.length,
    problems: preview.problems,
    committed,
  });
  if (opts.dryRun) return result(chosen.length, false);
  if (preview.problems.length > 0 && !opts.acceptProblems) return result(0, false);
  async function* batches(): AsyncGenerator<ItemRecordInput[]> {
    let saved = 0;
    do {
      const batch = chosen.slice(saved, saved + BATCH);
      saved += batch.length;
      if (batch.length > 0) yield batch;
      // Reported once the batch is written (the generator resumes after the store's write).
      opts.onProgress?.(chosen.length === 0 ? 1 : saved / chosen.length, saved);
      if (saved < chosen.length) await breathe();
    } while (saved < chosen.length);
  }
  const imported = await vault.imports.run(batches(), `format ${preview.format}${preview.encrypted ? ' (encrypted)' : ''}`);
  return result(imported, true);
}

/** Previews and then commits in one go (the CLI, which shows no preview). */
export async function runImport(vault: Vault, file: LoadedFile, opts: SourceOptions & CommitOptions = {}): Promise<ImportResult> {
  return commitImport(vault, await previewImport(vault, file, opts), opts);
}
