// Items: encrypted detail records (one per item, secrets included, decrypted only on demand)
// plus encrypted index buckets of summaries (a few hundred items each). Unlock decrypts the
// buckets, not every item, which keeps 100,000 items within a second; a write re-encrypts one
// item and one bucket in a single transaction together with its usage event.
import { randomUUID } from 'node:crypto';
import {
  itemInputSchema,
  itemPatchSchema,
  PASSWORD_HISTORY_LIMIT,
  type EventSource,
  type Item,
  type ItemData,
  type ItemCounts,
  type ItemQuery,
  type ItemSummary,
  type ListedItem,
  type PasswordHistoryEntry,
} from '../../../shared/domain';
import { KeystashError } from '../errors';
import { decodeBucket, encodeBucket, fromRow, ROW_HAYSTACK, ROW_ID, toRow, type BucketRow } from './index-bucket';
import { haystackFor } from '../search/search-text';
import type { EventLog } from '../history/event-log';
import {
  changedFields,
  listedOf,
  nextPasswordHistory,
  summarize,
  type StoredDetail,
} from './model';
import { SummaryIndex } from '../search/summary-index';
import type { SessionKeys } from '../vault/session-keys';
import { assertValidTotp } from './totp';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../vault/db';
import { parseOrThrow } from '../validation';

export const BUCKET_SIZE = 256;
const INSERT_ITEM = 'INSERT INTO items (id, bucket, created_at, updated_at, deleted_at, last_used_at, detail) VALUES (?, ?, ?, ?, ?, NULL, ?)';

/** One imported item: the input plus, when the source has them, its original times and history. */
export interface ItemRecordInput {
  /**
   * The item, already parsed by itemInputSchema (the importer's RowChecker parses every row to
   * report problems by line). Parsing 100,000 rows a second time cost about 0.3 s.
   */
  input: ItemData;
  createdAt?: number;
  updatedAt?: number;
  deletedAt?: number | null;
  passwordHistory?: PasswordHistoryEntry[];
}

interface ItemRow {
  id: string;
  bucket: number;
  last_used_at: number | null;
  detail: Buffer;
}

/**
 * Which items each index bucket may speak for, as the item rows say: readable without the key,
 * so unlock reads it while Argon2 runs. (The buckets themselves are read one at a time while
 * decrypting: holding all of them at once cost 50 MB at 100,000 items.)
 */
export interface IndexSnapshot {
  dataVersion: number;
  /** Per bucket, the items whose rows name it: id → last-used time. Used up by one load. */
  groups: Map<number, Map<string, number | null>>;
}

const dataVersionOf = (db: Db): number => db.pragma('data_version', { simple: true }) as number;

export function readIndexSnapshot(db: Db): IndexSnapshot {
  const dataVersion = dataVersionOf(db);
  // Item rows say which bucket may speak for each item and hold its last-used time. SQLite
  // groups them per bucket as JSON arrays: one row per bucket instead of one JavaScript
  // object per item (that alone was ~0.2 s of unlocking 100,000 items).
  const groups = new Map<number, Map<string, number | null>>();
  const grouped = db.prepare('SELECT bucket, json_group_array(id) AS ids, json_group_array(last_used_at) AS used FROM items GROUP BY bucket');
  for (const g of grouped.iterate() as IterableIterator<{ bucket: number; ids: string; used: string }>) {
    const ids = JSON.parse(g.ids) as string[];
    const used = JSON.parse(g.used) as (number | null)[];
    groups.set(g.bucket, new Map(ids.map((id, i) => [id, used[i] ?? null])));
  }
  return { dataVersion, groups };
}

/** Counts per sidebar view; the shape the UI receives. */
export type VaultCounts = ItemCounts;

export class ItemStore {
  private readonly index = new SummaryIndex();
  private damaged: string[] = [];

  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
    private readonly events: EventLog,
    private readonly now: () => number,
    private readonly source: EventSource,
  ) {}

  /**
   * Decrypts every index bucket into memory. Returns the ids of items that failed integrity.
   * `snapshot` is the item listing read ahead of time (see readIndexSnapshot); it is used only
   * when no other connection has changed the file since.
   */
  load(snapshot?: IndexSnapshot): string[] {
    const read = snapshot && snapshot.dataVersion === dataVersionOf(this.db) ? snapshot : readIndexSnapshot(this.db);
    const byBucket = read.groups;
    const listed: ListedItem[] = [];
    const haystacks: string[] = [];
    const unlisted: string[] = [];
    for (const b of this.db.prepare('SELECT id, blob FROM index_buckets').iterate() as IterableIterator<{ id: number; blob: Buffer }>) {
      const rows = byBucket.get(b.id);
      if (!rows) continue;
      byBucket.delete(b.id);
      for (const r of this.keys.tryOpenWith('index', b.id, b.blob, decodeBucket) ?? []) {
        const id = r[ROW_ID];
        const used = rows.get(id);
        if (used === undefined) continue;
        rows.delete(id);
        listed.push(fromRow(r, used));
        haystacks.push(r[ROW_HAYSTACK]);
      }
      for (const id of rows.keys()) unlisted.push(id);
    }
    for (const rows of byBucket.values()) unlisted.push(...rows.keys());
    // Items no intact bucket listed fall back to their own record; detail blobs are read only here.
    const damaged: string[] = [];
    const rowOf = this.db.prepare('SELECT detail, last_used_at FROM items WHERE id = ?');
    for (const id of unlisted) {
      const row = rowOf.get(id) as { detail: Buffer; last_used_at: number | null } | undefined;
      const detail = row ? this.keys.tryOpen<StoredDetail>('item', id, row.detail) : null;
      if (row && detail && detail.item.id === id) {
        const summary = summarize(detail.item);
        listed.push(listedOf(summary, row.last_used_at));
        haystacks.push(haystackFor(summary));
      } else damaged.push(id);
    }
    this.index.replaceAll(listed, haystacks);
    this.damaged = damaged;
    return damaged;
  }

  damagedIds(): string[] {
    return [...this.damaged];
  }

  clear(): void {
    this.index.clear();
    this.damaged = [];
  }

  list(q: ItemQuery = {}): ListedItem[] {
    return this.index.list(q);
  }

  counts(): VaultCounts {
    const c: VaultCounts = { all: 0, favorites: 0, login: 0, api_key: 0, note: 0, trash: 0, tags: {}, folders: {} };
    for (const s of this.index.summaries()) {
      if (s.deletedAt !== null) {
        c.trash++;
        continue;
      }
      c.all++;
      c[s.type]++;
      if (s.favorite) c.favorites++;
      for (const t of s.tags) c.tags[t] = (c.tags[t] ?? 0) + 1;
      if (s.folder) c.folders[s.folder] = (c.folders[s.folder] ?? 0) + 1;
    }
    return c;
  }

  /** The item as the list shows it (no notes), from memory. */
  listed(id: string): ListedItem {
    const s = this.index.get(id);
    if (!s) throw new KeystashError('not-found', `No item with id ${id}.`);
    return s;
  }

  /** The item without its secrets but with its notes, which only its own record holds. */
  summary(id: string): ItemSummary {
    const { noteLine: _, ...listed } = this.listed(id);
    return { ...listed, notes: this.get(id).notes };
  }

  /** Every id whose entry is in memory (trash included). */
  ids(): string[] {
    return this.index.ids();
  }

  private readDetail(id: string): { detail: StoredDetail; bucket: number } {
    const row = this.db.prepare('SELECT id, bucket, detail FROM items WHERE id = ?').get(id) as ItemRow | undefined;
    if (!row) throw new KeystashError('not-found', `No item with id ${id}.`);
    const label = this.index.get(id)?.title;
    const detail = this.keys.open<StoredDetail>('item', id, row.detail, `Item ${label ? `“${label}” ` : ''}(${id})`, [id]);
    if (detail.item.id !== id) throw new KeystashError('integrity', `Item ${id} failed its integrity check.`, { itemIds: [id] });
    return { detail, bucket: row.bucket };
  }

  /** The whole decrypted item, secrets included. Callers decide what leaves the process. */
  get(id: string): Item {
    return this.readDetail(id).detail.item;
  }

  passwordHistory(id: string): PasswordHistoryEntry[] {
    return this.readDetail(id).detail.passwordHistory;
  }

  create(input: unknown): ItemSummary {
    const data = parseOrThrow(itemInputSchema, input, 'The item is not valid');
    assertValidTotp(data.totp);
    const now = this.now();
    const item: Item = { ...data, id: randomUUID(), createdAt: now, updatedAt: now, deletedAt: null };
    this.db.transaction(() => {
      const bucket = this.openBucket();
      this.db
        .prepare('INSERT INTO items (id, bucket, created_at, updated_at, deleted_at, last_used_at, detail) VALUES (?, ?, ?, ?, NULL, NULL, ?)')
        .run(item.id, bucket, now, now, this.keys.seal('item', item.id, { item, passwordHistory: [] } satisfies StoredDetail));
      this.rewriteBucket(bucket, (rows) => [...rows, toRow(summarize(item))]);
      this.events.append({ kind: 'create', source: this.source, itemId: item.id, detail: { title: item.title } });
    }).immediate();
    return this.remember(item, null);
  }

  /**
   * Creates many already-validated items in one transaction, filling buckets as it goes, so an
   * import of 100,000 rows encrypts each bucket once. All land, or none do.
   */
  createMany(inputs: unknown[], event: { kind: 'import'; detail: { note: string; count: number } }): ItemSummary[] {
    const data = inputs.map((input, i) => {
      const d = parseOrThrow(itemInputSchema, input, `Item ${i + 1} is not valid`);
      assertValidTotp(d.totp, `Item ${i + 1}`);
      return d;
    });
    const now = this.now();
    const items: Item[] = data.map((d) => ({ ...d, id: randomUUID(), createdAt: now, updatedAt: now, deletedAt: null }));
    this.db.transaction(() => {
      this.insertRecords(
        this.db.prepare(INSERT_ITEM),
        items.map((item) => ({ item, passwordHistory: [] })),
      );
      this.events.append({ kind: event.kind, source: this.source, detail: event.detail });
    }).immediate();
    return items.map((item) => this.remember(item, null));
  }

  /**
   * Imports the records `batches` hands over, all inside one transaction: a file of 100,000
   * rows streams through without every row being held at once, and all land or none do. A
   * record may carry its original times and password history (Keystash's own exports). One
   * `import` event records the note and the count. Returns how many were saved.
   *
   * The transaction stays open across the awaits between batches, so this store must own its
   * connection (Vault.importBatches opens one): nothing else may write on it meanwhile.
   * `stillWanted` runs after every await and throws to abandon the import (the vault locked);
   * the transaction is then rolled back and nothing is written.
   */
  async importBatches(batches: AsyncIterable<ItemRecordInput[]>, note: string, stillWanted: () => void): Promise<number> {
    const now = this.now();
    let saved = 0;
    // A larger page cache keeps the growing item tree in memory instead of spilling it to the
    // WAL page by page (about half the time at 100,000 rows). The connection is this import's.
    this.db.pragma('cache_size = -65536');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const insert = this.db.prepare(INSERT_ITEM);
      for await (const batch of batches) {
        stillWanted();
        saved += this.writeImportBatch(insert, batch, now, saved);
      }
      stillWanted();
      this.events.append({ kind: 'import', source: this.source, detail: { note, count: saved } });
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
    return saved;
  }

  private writeImportBatch(insert: Statement, batch: ItemRecordInput[], now: number, before: number): number {
    const records = batch.map((r, i) => {
      const data = r.input;
      assertValidTotp(data.totp, `Item ${before + i + 1}`);
      const createdAt = r.createdAt ?? now;
      const item: Item = { ...data, id: randomUUID(), createdAt, updatedAt: r.updatedAt ?? createdAt, deletedAt: r.deletedAt ?? null };
      return { item, passwordHistory: (r.passwordHistory ?? []).slice(0, PASSWORD_HISTORY_LIMIT) };
    });
    // Inserting in key order touches far fewer pages of the WITHOUT ROWID tree.
    records.sort((a, b) => (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
    this.insertRecords(insert, records);
    return records.length;
  }

  /** Inserts new items, filling the open bucket and then new ones, each bucket encrypted once. */
  private insertRecords(insert: Statement, records: StoredDetail[]): void {
    let i = 0;
    while (i < records.length) {
      const bucket = this.openBucket();
      const row = this.db.prepare('SELECT size FROM index_buckets WHERE id = ?').get(bucket) as { size: number } | undefined;
      const chunk = records.slice(i, i + BUCKET_SIZE - (row?.size ?? 0));
      for (const r of chunk) {
        insert.run(r.item.id, bucket, r.item.createdAt, r.item.updatedAt, r.item.deletedAt, this.keys.seal('item', r.item.id, r satisfies StoredDetail));
      }
      const added = chunk.map((r) => toRow(summarize(r.item)));
      this.rewriteBucket(bucket, (rows) => [...rows, ...added]);
      i += chunk.length;
    }
  }

  /** The item with its password history, for exports. Callers decide what leaves the process. */
  detail(id: string): StoredDetail {
    return this.readDetail(id).detail;
  }

  /** Applies a partial update; secrets that change keep their previous value in history. */
  update(id: string, patch: unknown): ItemSummary {
    const changes = parseOrThrow(itemPatchSchema, patch, 'The changes are not valid');
    let saved: Item | null = null;
    this.db.transaction(() => {
      const { detail, bucket } = this.readDetail(id);
      const before = detail.item;
      const { id: _id, createdAt, updatedAt: _u, deletedAt, type, ...rest } = { ...before, ...changes };
      const data = parseOrThrow(itemInputSchema, { type, ...rest }, 'The item is not valid');
      assertValidTotp(data.totp);
      const after: Item = { ...data, id, createdAt, updatedAt: this.now(), deletedAt };
      const changed = changedFields(before, after);
      if (changed.length === 0) {
        saved = before;
        return;
      }
      const history = nextPasswordHistory(before, after, detail.passwordHistory, after.updatedAt);
      this.writeItem(after, bucket, history);
      this.events.append({ kind: 'edit', source: this.source, itemId: id, detail: { title: after.title, note: changed.join(', ') } });
      saved = after;
    }).immediate();
    return this.remember(saved as unknown as Item, this.index.get(id)?.lastUsedAt ?? null);
  }

  trash(id: string): ItemSummary {
    return this.setDeleted(id, this.now(), 'delete');
  }

  restore(id: string): ItemSummary {
    return this.setDeleted(id, null, 'restore');
  }

  private setDeleted(id: string, deletedAt: number | null, kind: 'delete' | 'restore'): ItemSummary {
    let saved: Item | null = null;
    this.db.transaction(() => {
      const { detail, bucket } = this.readDetail(id);
      if ((detail.item.deletedAt !== null) === (deletedAt !== null)) {
        throw new KeystashError('invalid-input', kind === 'delete' ? `“${detail.item.title}” is already in the trash.` : `“${detail.item.title}” is not in the trash.`);
      }
      saved = { ...detail.item, deletedAt };
      this.writeItem(saved, bucket, detail.passwordHistory);
      this.events.append({ kind, source: this.source, itemId: id, detail: { title: detail.item.title } });
    }).immediate();
    return this.remember(saved as unknown as Item, this.index.get(id)?.lastUsedAt ?? null);
  }

  /** Removes an item for good, with its detail and password history. */
  purge(id: string): void {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT bucket FROM items WHERE id = ?').get(id) as { bucket: number } | undefined;
      if (!row) throw new KeystashError('not-found', `No item with id ${id}.`);
      const title = this.index.get(id)?.title;
      this.db.prepare('DELETE FROM items WHERE id = ?').run(id);
      this.rewriteBucket(row.bucket, (rows) => rows.filter((r) => r[ROW_ID] !== id));
      this.events.append({ kind: 'purge', source: this.source, itemId: id, detail: title ? { title } : {} });
    }).immediate();
    this.index.delete(id);
  }

  /** Moves the item's last-used time; runs inside the caller's transaction. */
  markUsed(id: string, at: number): void {
    this.db.prepare('UPDATE items SET last_used_at = ? WHERE id = ?').run(at, id);
    this.index.touch(id, at);
  }

  private writeItem(item: Item, bucket: number, passwordHistory: PasswordHistoryEntry[]): void {
    this.db
      .prepare('UPDATE items SET updated_at = ?, deleted_at = ?, detail = ? WHERE id = ?')
      .run(item.updatedAt, item.deletedAt, this.keys.seal('item', item.id, { item, passwordHistory } satisfies StoredDetail), item.id);
    const changed = toRow(summarize(item));
    this.rewriteBucket(bucket, (rows) => {
      const i = rows.findIndex((r) => r[ROW_ID] === item.id);
      return i === -1 ? [...rows, changed] : rows.map((r, j) => (j === i ? changed : r));
    });
  }

  /** The bucket a new item goes to: the newest one with room, or a new one. */
  private openBucket(): number {
    const open = this.db.prepare('SELECT id FROM index_buckets WHERE size < ? ORDER BY id DESC LIMIT 1').get(BUCKET_SIZE) as { id: number } | undefined;
    if (open) return open.id;
    const max = this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM index_buckets').get() as { id: number };
    return max.id + 1;
  }

  /**
   * Re-encrypts one bucket from what the file holds now, so concurrent writers never lose
   * items. Rows the change keeps are written back as they were read, search text included.
   */
  private rewriteBucket(bucket: number, change: (rows: BucketRow[]) => BucketRow[]): void {
    const row = this.db.prepare('SELECT blob FROM index_buckets WHERE id = ?').get(bucket) as { blob: Buffer } | undefined;
    const opened = row ? this.keys.tryOpenWith('index', bucket, row.blob, decodeBucket) : [];
    let next = change(opened ?? this.rebuiltBucket(bucket));
    // A rebuilt bucket may already hold the item being added; keep one row per id.
    if (!opened) next = [...new Map(next.map((r) => [r[ROW_ID], r])).values()];
    if (next.length === 0) {
      this.db.prepare('DELETE FROM index_buckets WHERE id = ?').run(bucket);
      return;
    }
    this.db
      .prepare('INSERT INTO index_buckets (id, size, blob) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET size = excluded.size, blob = excluded.blob')
      .run(bucket, next.length, this.keys.sealBytes('index', bucket, encodeBucket(next)));
  }

  /**
   * A damaged bucket is only an index: it is rebuilt from the authenticated item records it
   * covers, so one bad block does not block every later write to its items. Items whose own
   * record fails stay out of it (unlock reports them as damaged either way).
   */
  private rebuiltBucket(bucket: number): BucketRow[] {
    const rows = this.db.prepare('SELECT id, detail FROM items WHERE bucket = ?').all(bucket) as Pick<ItemRow, 'id' | 'detail'>[];
    const out: BucketRow[] = [];
    for (const row of rows) {
      const detail = this.keys.tryOpen<StoredDetail>('item', row.id, row.detail);
      if (detail && detail.item.id === row.id) out.push(toRow(summarize(detail.item)));
    }
    return out;
  }

  private remember(item: Item, lastUsedAt: number | null): ItemSummary {
    const summary = summarize(item);
    this.index.set(listedOf(summary, lastUsedAt), haystackFor(summary));
    return { ...summary, lastUsedAt };
  }
}
