// Which encoding an index bucket's plaintext is in: version 3 (bucket-columns.ts) is written;
// versions 1 and 2 (index-bucket.ts) are still read.
import { BucketColumns } from './bucket-columns';
import { encodeColumns } from './column-encoder';
import { decodeLegacyBucket, ROW_DIGEST, ROW_ID, ROW_VERSION, type BucketRow } from './index-bucket';
import type { ManifestEntry } from '../vault/manifest';

export const encodeBucket = (rows: readonly BucketRow[]): Buffer => encodeColumns(rows);

/** The bucket's rows, or null when the bytes are not a bucket this version can read. */
export function decodeBucket(plain: Uint8Array): BucketRow[] | null {
  const columns = BucketColumns.decode(plain);
  return columns ? columns.rows() : decodeLegacyBucket(plain);
}

/** As unlock reads a bucket: version 3 by columns, older ones as rows. */
export function decodeForLoad(plain: Uint8Array): BucketColumns | BucketRow[] | null {
  return BucketColumns.decode(plain) ?? decodeLegacyBucket(plain);
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
