// A damaged index bucket is only an index: a write to one of its items rebuilds it from the
// item records it covers (bucket-store.ts rewrite), so one bad block does not block every later
// write to its items (unlock has already reported it as stale).
import type { Db } from '../vault/db';
import type { SessionKeys } from '../vault/session-keys';
import { digestOf } from '../vault/manifest';
import { toRow, type BucketRow } from './index-bucket';
import { summarize } from './model';
import { tryRecord } from './records';

/** The rows of `bucket` rebuilt from its items' own records; items whose record fails stay out. */
export function rebuiltRows(db: Db, keys: SessionKeys, bucket: number): BucketRow[] {
  const rows = db.prepare('SELECT id, version, detail FROM items WHERE bucket = ?').all(bucket) as { id: string; version: number; detail: Buffer }[];
  const out: BucketRow[] = [];
  for (const row of rows) {
    const record = tryRecord(keys, row.id, row.detail, row.version);
    if (record) out.push(toRow(summarize(record.item), row.version, digestOf(row.detail)));
  }
  return out;
}
