// Index buckets on disk: each holds the encrypted list rows (index-bucket.ts) of up to
// BUCKET_SIZE items. Unlock decrypts the buckets, not every item, which keeps 100,000 items
// within a second; a write re-encrypts only the bucket it touches, from what the file holds
// at that moment. Items no intact bucket lists fall back to their own record.
import type { ListedItem } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { SummaryIndex } from '../search/summary-index';
import { haystackFor } from '../search/search-text';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { decodeBucket, encodeBucket, fromRow, ROW_HAYSTACK, ROW_ID, toRow, type BucketRow } from './index-bucket';
import { listedOf, summarize, type ItemRecord } from './model';
import { sealRecord, tryRecord } from './records';

export const BUCKET_SIZE = 256;

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

/** Work unlock can do before it has the key; a failed read just means the load reads it later. */
export function readAhead(db: Db): IndexSnapshot | undefined {
  try {
    return readIndexSnapshot(db);
  } catch {
    return undefined;
  }
}

export class IndexBuckets {
  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
  ) {}

  /**
   * Decrypts every bucket into `index`. Returns the ids of items that failed integrity.
   * `snapshot` is the item listing read ahead of time (see readIndexSnapshot); it is used only
   * when no other connection has changed the file since.
   */
  loadInto(index: SummaryIndex, snapshot?: IndexSnapshot): string[] {
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
    // Items no intact bucket listed fall back to their own record; item records are read only here.
    const damaged: string[] = [];
    const rowOf = this.db.prepare('SELECT detail, last_used_at FROM items WHERE id = ?');
    for (const id of unlisted) {
      const row = rowOf.get(id) as { detail: Buffer; last_used_at: number | null } | undefined;
      const record = row ? tryRecord(this.keys, id, row.detail) : null;
      if (row && record) {
        const summary = summarize(record.item);
        listed.push(listedOf(summary, row.last_used_at));
        haystacks.push(haystackFor(summary));
      } else damaged.push(id);
    }
    index.replaceAll(listed, haystacks);
    return damaged;
  }

  /** The bucket a new item goes to: the newest one with room, or a new one. */
  openBucket(): number {
    const open = this.db.prepare('SELECT id FROM index_buckets WHERE size < ? ORDER BY id DESC LIMIT 1').get(BUCKET_SIZE) as { id: number } | undefined;
    if (open) return open.id;
    const max = this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM index_buckets').get() as { id: number };
    return max.id + 1;
  }

  /** Inserts new items, filling the open bucket and then new ones, each bucket encrypted once. */
  append(insert: Statement, records: ItemRecord[]): void {
    let i = 0;
    while (i < records.length) {
      const bucket = this.openBucket();
      const row = this.db.prepare('SELECT size FROM index_buckets WHERE id = ?').get(bucket) as { size: number } | undefined;
      const chunk = records.slice(i, i + BUCKET_SIZE - (row?.size ?? 0));
      for (const r of chunk) {
        insert.run(r.item.id, bucket, r.item.createdAt, r.item.updatedAt, r.item.deletedAt, sealRecord(this.keys, r));
      }
      const added = chunk.map((r) => toRow(summarize(r.item)));
      this.rewrite(bucket, (rows) => [...rows, ...added]);
      i += chunk.length;
    }
  }

  /**
   * Re-encrypts one bucket from what the file holds now, so concurrent writers never lose
   * items. Rows the change keeps are written back as they were read, search text included.
   */
  rewrite(bucket: number, change: (rows: BucketRow[]) => BucketRow[]): void {
    const row = this.db.prepare('SELECT blob FROM index_buckets WHERE id = ?').get(bucket) as { blob: Buffer } | undefined;
    const opened = row ? this.keys.tryOpenWith('index', bucket, row.blob, decodeBucket) : [];
    let next = change(opened ?? this.rebuilt(bucket));
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
  private rebuilt(bucket: number): BucketRow[] {
    const rows = this.db.prepare('SELECT id, detail FROM items WHERE bucket = ?').all(bucket) as { id: string; detail: Buffer }[];
    const out: BucketRow[] = [];
    for (const row of rows) {
      const record = tryRecord(this.keys, row.id, row.detail);
      if (record) out.push(toRow(summarize(record.item)));
    }
    return out;
  }
}
