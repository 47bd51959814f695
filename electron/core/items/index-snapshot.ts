// What unlock reads of the item rows before it has the key (while Argon2 runs): per index
// bucket, the items whose rows name it, in id order, and for a vault of up to 20,000 items the
// sealed buckets; and the check that a version 3 bucket agrees with them as a whole
// (items/bucket-store.ts loadInto).
import { readMapped, type Db } from '../vault/db';
import { BucketColumns } from './bucket-columns';
import { encodeColumns } from './column-encoder';
import type { BucketRow } from './index-bucket';
import type { RowChunkCipher } from './bucket-streams';

/**
 * Which items each index bucket may speak for, as the item rows say: readable without the key,
 * so unlock reads it while Argon2 runs; and for a vault of up to BLOBS_AHEAD_ITEMS items the
 * sealed buckets themselves, which a load reads only if no other connection wrote since.
 */
export interface IndexSnapshot {
  dataVersion: number;
  /** Per bucket, the items whose rows name it, in id order. Used up by one load. */
  groups: Map<number, SnapshotGroup>;
  /** How many item rows the groups hold in all. */
  items: number;
  /** The buckets' sealed blobs as the file holds them, read ahead for a vault of up to BLOBS_AHEAD_ITEMS items. */
  blobs?: SealedBucket[];
}

/** An index bucket's stored version and sealed blob, and (version 5) its sealed row chunks. */
export interface BucketBlob {
  version: number;
  blob: Buffer;
  rows: Buffer | null;
}

/** One index bucket's row as unlock reads it: still sealed. */
export interface SealedBucket extends BucketBlob {
  id: number;
}

/**
 * Up to this many items, unlock reads the buckets' blobs too while Argon2 runs (~1.6 MB at
 * 10,000 items, row chunks included). A larger vault reads them one at a time while decrypting:
 * holding all of them at once cost 50 MB at 100,000 items.
 */
export const BLOBS_AHEAD_ITEMS = 20_000;

/** Every bucket's sealed blob, from the file mapped into memory (db.ts readMapped). */
export function readSealedBuckets(db: Db): IterableIterator<SealedBucket> {
  return db.prepare('SELECT id, version, blob, rows FROM index_buckets').iterate() as IterableIterator<SealedBucket>;
}

/**
 * One bucket's items as SQLite lists them in id order: their ids comma-joined (compared with a
 * version 3 bucket's as one string), record versions and last-used times (-1 for never).
 */
export interface SnapshotGroup {
  count: number;
  ids: string;
  versions: number[];
  used: number[];
}

export const dataVersionOf = (db: Db): number => db.pragma('data_version', { simple: true }) as number;

export function readIndexSnapshot(db: Db): IndexSnapshot {
  const dataVersion = dataVersionOf(db);
  // SQLite groups the item rows per bucket into one string and two JSON arrays: one row per
  // bucket instead of one JavaScript object per item, and no per-item work when the bucket agrees.
  // The scan walks the covering index items_bucket_id, which is in (bucket, id) order, so the
  // groups need no sort and each aggregate takes its rows in id order. (Spelling that order out,
  // as an ordered subquery or as ORDER BY inside the aggregates, made SQLite sort all the rows
  // again in a temporary B-tree: ~40 ms of a 100,000-item unlock.) Were SQLite ever to take
  // the rows in another order, the buckets would only fail to agree as a whole and be checked
  // item by item (checkRows).
  const groups = new Map<number, SnapshotGroup>();
  const grouped = db.prepare(
    `SELECT bucket, count(*) AS count, group_concat(id, ',') AS ids, json_group_array(version) AS versions,
       json_group_array(coalesce(last_used_at, -1)) AS used
     FROM items GROUP BY bucket`,
  );
  let items = 0;
  for (const g of grouped.iterate() as IterableIterator<{ bucket: number; count: number; ids: string; versions: string; used: string }>) {
    groups.set(g.bucket, { count: g.count, ids: g.ids, versions: JSON.parse(g.versions) as number[], used: JSON.parse(g.used) as number[] });
    items += g.count;
  }
  return { dataVersion, groups, items };
}

/** The item listing, and for a vault of up to `blobsUpTo` items the sealed buckets too. */
function readAheadSnapshot(db: Db, blobsUpTo: number): IndexSnapshot {
  const snapshot = readIndexSnapshot(db);
  if (snapshot.items <= blobsUpTo) snapshot.blobs = readMapped(db, () => [...readSealedBuckets(db)]);
  return snapshot;
}

/** Work unlock can do before it has the key; a failed read just means the load reads it later. */
export function readAhead(db: Db, blobsUpTo = BLOBS_AHEAD_ITEMS): IndexSnapshot | undefined {
  try {
    return readAheadSnapshot(db, blobsUpTo);
  } catch {
    return undefined;
  }
}

/**
 * Whether a version 3 or later bucket lists exactly the items, at exactly the versions, that the
 * item rows name; a version 5 bucket then takes its ids from them (BucketColumns.listsIds).
 */
export function agrees(c: BucketColumns, g: SnapshotGroup): boolean {
  if (g.count !== c.n || g.versions.length !== c.n) return false;
  const versions = c.versions;
  for (let k = 0; k < c.n; k++) if (versions[k] !== g.versions[k]) return false;
  return c.listsIds(g.ids);
}

/** Leaves a made-up bucket's row chunks as they are: warmDecoder's bucket holds no vault data and no key is involved. */
const unsealed: RowChunkCipher = { seal: (_, plain) => plain, open: (_, sealed, use) => use(sealed) };

/**
 * Decodes a made-up one-item bucket (no key, no vault data) while Argon2 runs: the process's
 * first inflate loads zlib and its first decode compiles the decoder, a few milliseconds that
 * a small vault's unlock otherwise paid after the key was derived.
 */
export function warmDecoder(): void {
  const row: BucketRow = ['warm-up', 'login', 'Warm-up', '', [], '', [], '', 0, [], '', '', '', null, null, 0, 0, null, 'warm-up', 1, ''];
  const made = encodeColumns([row], unsealed);
  BucketColumns.decode(made.plain, { sealed: made.rows, cipher: unsealed })?.rowTexts().listedAt(0, null);
}
