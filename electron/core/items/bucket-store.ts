// Index buckets on disk: each holds the encrypted list rows (index-bucket.ts) of up to
// BUCKET_SIZE items, with each item's record version and digest. The manifest
// (vault/manifest.ts) authenticates each bucket's version and digest, so together they say
// exactly which item records are current. Unlock decrypts the buckets, not every item, which
// keeps 100,000 items within a second, and compares them with the item rows: a missing item,
// an older version, an item no bucket lists, or a stale bucket is reported by name. A write
// re-encrypts only the bucket it touches, from what the file holds at that moment.
import type { IntegrityProblem } from '../../../shared/integrity';
import type { Statement } from 'better-sqlite3';
import { ColumnEntries } from '../search/column-entries';
import { IndexEntry } from '../search/index-entry';
import type { SummaryIndex } from '../search/summary-index';
import { haystackFor } from '../search/search-text';
import type { SessionKeys } from '../vault/session-keys';
import { readMapped, type Db } from '../vault/db';
import { digestOf, Manifest, sealedDigest, type ManifestBody, type ManifestEntry } from '../vault/manifest';
import { fromRow, ROW_HAYSTACK, ROW_ID, ROW_VERSION, toRow, type BucketRow } from './index-bucket';
import { decodeBucket, decodeForLoad, encodeBucket, recordsListed } from './bucket-codec';
import { BucketColumns, type DetachedRows } from './bucket-columns';
import { rowChunkCipher } from './row-chunk-cipher';
import { rebuiltRows } from './bucket-rebuild';
import { agrees, dataVersionOf, readIndexSnapshot, readSealedBuckets, type BucketBlob, type IndexSnapshot } from './index-snapshot';
import { listedOf, summarize, type ItemRecord } from './model';
import { problem } from './integrity-problems';
import { sealRecord, tryRecord, type RecordCheck } from './records';
import { statement } from '../vault/statements';

export const BUCKET_SIZE = 256;

export interface LoadResult {
  damaged: string[];
  problems: IntegrityProblem[];
}

/** The rows of the bucket this session wrote last, with the version and digest it was stored under. */
interface WrittenBucket {
  bucket: number;
  version: number;
  digest: string;
  rows: readonly BucketRow[];
}

interface ItemRowInfo {
  id: string;
  version: number;
  used: number | null;
  detail?: Buffer;
}

export class IndexBuckets {
  private readonly manifest: Manifest;
  /** id → the version and digest of the item's current record, as an authenticated bucket lists it. */
  private readonly expected = new Map<string, ManifestEntry>();
  /**
   * New items all go to the newest bucket, so adding items one at a time rewrites the same
   * bucket again and again: its rows are kept from the last write instead of being decrypted,
   * inflated and parsed each time. Used only while the file still holds exactly that blob.
   */
  private lastWritten: WrittenBucket | null = null;

  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
  ) {
    this.manifest = new Manifest(db, keys);
  }

  /**
   * Decrypts every bucket into `index` and checks the item rows against them. `snapshot` is
   * the item listing read ahead of time (see readIndexSnapshot); it is used only when no other
   * connection has changed the file since.
   */
  loadInto(index: SummaryIndex, snapshot?: IndexSnapshot): LoadResult {
    const read = snapshot && snapshot.dataVersion === dataVersionOf(this.db) ? snapshot : readIndexSnapshot(this.db);
    const byBucket = read.groups;
    const entries: IndexEntry[] = [];
    const fromColumns = new ColumnEntries(read.items);
    const damaged: string[] = [];
    const problems: IntegrityProblem[] = [];
    const flag = (p: IntegrityProblem, itemId?: string): void => {
      problems.push(p);
      if (itemId) damaged.push(itemId);
    };
    this.expected.clear();
    const m = this.manifest.tryRead();
    if (!m) flag(problem('altered-manifest', 'manifest'));
    const seen = new Set<string>();
    // Every bucket is read in one pass, from the file mapped into memory (db.ts readMapped),
    // unless the read-ahead has them: it and this load read the same state of the file.
    const blobs = read === snapshot ? snapshot.blobs : undefined;
    readMapped(this.db, () => {
      for (const b of blobs ?? readSealedBuckets(this.db)) {
        seen.add(String(b.id));
        const decoded = m ? this.openChecked(m, b.id, b, decodeForLoad) : null;
        if (!decoded) {
          // Its items fall back to their own records below, and unlock says why.
          if (m) flag(problem('stale-bucket', `bucket ${b.id}`, m.buckets[b.id] ? 'is older than the vault’s manifest or was altered' : 'is unknown to the vault’s manifest'));
          continue;
        }
        const group = byBucket.get(b.id);
        byBucket.delete(b.id);
        // Reads check records against the bucket as the file holds it then (checkRecord); nothing is kept per item here.
        if (decoded instanceof BucketColumns && group && agrees(decoded, group)) {
          const rows = decoded.rowTexts();
          const order = decoded.titleOrder;
          for (let j = 0; j < decoded.n; j++) {
            const k = order ? (order[j] as number) : j;
            const used = group.used[k] ?? -1;
            fromColumns.add(decoded, k, used === -1 ? null : used, rows);
          }
        } else {
          this.checkRows(b.id, decoded instanceof BucketColumns ? decoded.rows() : decoded, entries, flag);
        }
      }
    });
    if (m) for (const id of Object.keys(m.buckets)) if (!seen.has(id)) flag(problem('stale-bucket', `bucket ${id}`, 'is missing from the file'));
    // Items no intact bucket listed fall back to their own record; item records are read only here.
    for (const bucket of byBucket.keys()) {
      for (const row of this.itemsIn(bucket, true)) {
        if (m && !m.buckets[bucket]) {
          flag(problem('unknown-record', row.id, `names bucket ${bucket}, which the vault does not have (a deleted item put back?)`), row.id);
          continue;
        }
        const record = row.detail ? tryRecord(this.keys, row.id, row.detail, row.version) : null;
        if (!row.detail || !record) {
          damaged.push(row.id);
          continue;
        }
        const summary = summarize(record.item);
        entries.push(IndexEntry.of(listedOf(summary, row.used), haystackFor(summary)));
        this.expected.set(row.id, [row.version, digestOf(row.detail)]);
      }
    }
    // Items of buckets that agree first, in title order; then any checked item by item.
    const made = fromColumns.make();
    if (entries.length === 0) index.replaceAll(made.entries, made.segments ?? true);
    else index.replaceAll([...made.entries, ...entries]);
    return { damaged, problems };
  }

  /**
   * Checks a bucket that does not agree with the item rows as a whole (or predates version 3)
   * item by item, to say which item is missing, older or unknown.
   */
  private checkRows(bucket: number, decoded: readonly BucketRow[], entries: IndexEntry[], flag: (p: IntegrityProblem, itemId?: string) => void): void {
    const rows = new Map(this.itemsIn(bucket, false).map((r) => [r.id, r]));
    for (const r of decoded) {
      const id = r[ROW_ID];
      const row = rows.get(id);
      if (!row) {
        flag(problem('missing-item', id, '', r[2]), id);
        continue;
      }
      rows.delete(id);
      entries.push(IndexEntry.of(fromRow(r, row.used), r[ROW_HAYSTACK]));
      if (row.version !== r[ROW_VERSION]) flag(problem('older-version', id, `is version ${row.version}; the vault wrote version ${r[ROW_VERSION]}`, r[2]), id);
    }
    for (const id of rows.keys()) flag(problem('unknown-record', id, `names bucket ${bucket}, which does not list it`), id);
  }

  /** The item rows that name `bucket`, with their records when `withDetail`. */
  private itemsIn(bucket: number, withDetail: boolean): ItemRowInfo[] {
    const columns = withDetail ? 'id, version, last_used_at AS used, detail' : 'id, version, last_used_at AS used';
    return this.db.prepare(`SELECT ${columns} FROM items WHERE bucket = ?`).all(bucket) as ItemRowInfo[];
  }

  /** Whether a stored item record is the one an authenticated bucket lists (records.ts RecordCheck). */
  readonly checkRecord: RecordCheck = (id, bucket, version, detail) => {
    const digest = digestOf(detail);
    const known = this.expected.get(id);
    if (known && known[0] === version && known[1] === digest) return null;
    // Another process may have written since the list was loaded: ask the bucket as the file holds it now.
    const current = this.listedIn(bucket, id);
    if (current) {
      this.expected.set(id, current);
      if (current[0] === version && current[1] === digest) return null;
    }
    const want = current ?? known;
    if (!want) return 'unknown record: no authenticated index lists it (a deleted or purged item put back?)';
    if (version < want[0]) return `older version: the stored record is version ${version}, the vault wrote version ${want[0]} (an older copy was put back)`;
    return 'the stored record is not the one the vault wrote';
  };

  /** The bucket a new item goes to: the newest one with room, or a new one. */
  openBucket(): number {
    const open = statement(this.db, 'SELECT id FROM index_buckets WHERE size < ? ORDER BY id DESC LIMIT 1').get(BUCKET_SIZE) as { id: number } | undefined;
    if (open) return open.id;
    const max = this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM index_buckets').get() as { id: number };
    return max.id + 1;
  }

  /** Inserts new items (record version 1), filling the open bucket and then new ones, each bucket encrypted once. */
  append(insert: Statement, records: ItemRecord[]): void {
    let i = 0;
    while (i < records.length) {
      const bucket = this.openBucket();
      const row = this.db.prepare('SELECT size FROM index_buckets WHERE id = ?').get(bucket) as { size: number } | undefined;
      const chunk = records.slice(i, i + BUCKET_SIZE - (row?.size ?? 0));
      const added = chunk.map((r) => {
        const sealed = sealRecord(this.keys, r, 1);
        insert.run(r.item.id, bucket, r.item.createdAt, r.item.updatedAt, r.item.deletedAt, 1, sealed);
        return toRow(summarize(r.item), 1, digestOf(sealed));
      });
      this.rewrite(bucket, (rows) => [...rows, ...added]);
      i += chunk.length;
    }
  }

  /**
   * Re-encrypts one bucket, with the next version, from what the file holds now, so concurrent
   * writers never lose items, and records it in the manifest. Rows the change keeps are written
   * back as they were read. An altered manifest refuses every write.
   */
  rewrite(bucket: number, change: (rows: BucketRow[]) => BucketRow[]): void {
    const m = this.manifest.read();
    const row = statement(this.db, 'SELECT version, blob, rows FROM index_buckets WHERE id = ?').get(bucket) as BucketBlob | undefined;
    const want = m.buckets[bucket];
    const opened = row ? (this.keptRows(m, bucket, row) ?? this.openChecked(m, bucket, row)) : want ? null : [];
    this.lastWritten = null;
    let next = change(opened ?? rebuiltRows(this.db, this.keys, bucket));
    // A rebuilt bucket may already hold the item being added; keep one row per id.
    if (!opened) next = [...new Map(next.map((r) => [r[ROW_ID], r])).values()];
    const version = Math.max(want?.[0] ?? 0, row?.version ?? 0) + 1;
    if (next.length === 0) {
      this.db.prepare('DELETE FROM index_buckets WHERE id = ?').run(bucket);
    } else {
      const encoded = encodeBucket(next, rowChunkCipher(this.keys, bucket, version));
      const blob = this.keys.sealBytes('index', bucket, encoded.plain, version);
      statement(
        this.db,
        'INSERT INTO index_buckets (id, size, version, blob, rows) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET size = excluded.size, version = excluded.version, blob = excluded.blob, rows = excluded.rows',
      ).run(bucket, next.length, version, blob, encoded.rows);
      for (const [id, entry] of recordsListed(next)) this.expected.set(id, entry);
      const entry: ManifestEntry = [version, sealedDigest(blob)];
      this.manifest.update((mm) => {
        mm.buckets[bucket] = entry;
      });
      this.lastWritten = { bucket, version, digest: entry[1], rows: next };
      return;
    }
    this.manifest.update((mm) => {
      delete mm.buckets[bucket];
    });
  }

  /** Forgets a purged item, so its record put back later counts as unknown. */
  forget(id: string): void {
    this.expected.delete(id);
  }

  /**
   * The rows this session wrote last, when they are `bucket`'s and both the file and the
   * manifest still hold that very blob (its nonce and tag: sealedDigest); else null.
   */
  private keptRows(m: Readonly<ManifestBody>, bucket: number, b: BucketBlob): BucketRow[] | null {
    const kept = this.lastWritten;
    if (!kept || kept.bucket !== bucket || kept.version !== b.version) return null;
    const want = m.buckets[bucket];
    const digest = sealedDigest(b.blob);
    if (!want || want[0] !== kept.version || want[1] !== digest || digest !== kept.digest) return null;
    return [...kept.rows];
  }

  /** A bucket's contents if its version and digest are the manifest's and it opens; else null. */
  private openChecked<T>(m: Readonly<ManifestBody>, bucket: number, b: BucketBlob, decode: (plain: Uint8Array, detached: DetachedRows) => T | null): T | null;
  private openChecked(m: Readonly<ManifestBody>, bucket: number, b: BucketBlob): BucketRow[] | null;
  private openChecked(m: Readonly<ManifestBody>, bucket: number, b: BucketBlob, decode: (plain: Uint8Array, detached: DetachedRows) => unknown = decodeBucket): unknown {
    const want = m.buckets[bucket];
    if (!want || want[0] !== b.version || want[1] !== sealedDigest(b.blob)) return null;
    // The row chunks are authenticated by the digest the bucket's columns give (bucket-columns.ts).
    const detached: DetachedRows = { sealed: b.rows, cipher: rowChunkCipher(this.keys, bucket, b.version) };
    return this.keys.tryOpenWith('index', bucket, b.blob, (plain) => decode(plain, detached), b.version);
  }

  private listedIn(bucket: number, id: string): ManifestEntry | undefined {
    const m = this.manifest.tryRead();
    const b = statement(this.db, 'SELECT version, blob, rows FROM index_buckets WHERE id = ?').get(bucket) as BucketBlob | undefined;
    const decoded = m && b ? this.openChecked(m, bucket, b, decodeForLoad) : null;
    if (!decoded) return undefined;
    // A version 5 bucket says only a digest of its ids: the item rows give them when they match
    // it, so the bucket's row texts need not all be opened to read them (BucketColumns.ids).
    if (decoded instanceof BucketColumns) decoded.listsIds(statement(this.db, "SELECT group_concat(id, ',') FROM items WHERE bucket = ?").pluck().get(bucket) as string | null ?? '');
    // Remember the whole bucket: the next read of one of its items needs no decryption.
    let listed: ManifestEntry | undefined;
    for (const [rowId, entry] of recordsListed(decoded)) {
      this.expected.set(rowId, entry);
      if (rowId === id) listed = entry;
    }
    return listed;
  }
}
