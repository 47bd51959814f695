// Which encoding an index bucket's plaintext is in: version 3 (bucket-columns.ts) is written;
// versions 1 and 2 (index-bucket.ts) are still read.
import { BucketColumns, encodeColumns } from './bucket-columns';
import { decodeLegacyBucket, type BucketRow } from './index-bucket';

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
