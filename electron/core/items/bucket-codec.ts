// Which encoding an index bucket's plaintext is in: version 5 (bucket-columns.ts) is written;
// versions 3 and 4 (bucket-columns.ts) and 1 and 2 (index-bucket.ts) are still read.
import { BucketColumns, type DetachedRows } from './bucket-columns';
import { encodeColumns, type EncodedBucket } from './column-encoder';
import { decodeLegacyBucket, ROW_DIGEST, ROW_ID, ROW_VERSION, type BucketRow } from './index-bucket';
import type { RowChunkCipher } from './bucket-streams';
import type { ManifestEntry } from '../vault/manifest';

export const encodeBucket = (rows: readonly BucketRow[], cipher: RowChunkCipher): EncodedBucket => encodeColumns(rows, cipher);

/** The bucket's rows, or null when the bytes are not a bucket this version can read. `detached`: a version 5 bucket's row chunks. */
export function decodeBucket(plain: Uint8Array, detached?: DetachedRows): BucketRow[] | null {
  const columns = BucketColumns.decode(plain, detached);
  return columns ? columns.rows() : decodeLegacyBucket(plain);
}

/** As unlock reads a bucket: version 3 and later by columns, older ones as rows. */
export function decodeForLoad(plain: Uint8Array, detached?: DetachedRows): BucketColumns | BucketRow[] | null {
  return BucketColumns.decode(plain, detached) ?? decodeLegacyBucket(plain);
}

/**
 * Each item a decoded bucket lists, with the version and digest of its record. Version 3 and 4
 * buckets answer from their columns alone: right after unlock a health check's first records
 * were each in a bucket no read had opened, and parsing every row of it took 1-7 ms.
 */
export function recordsListed(decoded: BucketColumns | readonly BucketRow[]): [string, ManifestEntry][] {
  if (!(decoded instanceof BucketColumns)) return decoded.map((r) => [r[ROW_ID], [r[ROW_VERSION], r[ROW_DIGEST]]]);
  const { ids, versions, digests } = decoded;
  return ids.map((id, k) => [id, [versions[k] ?? 0, digests[k] ?? '']]);
}
