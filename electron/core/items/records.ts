// The items table: one encrypted record per item (items.detail, see ItemRecord), bound to the
// item's id and version, next to plain columns for the times and the bucket that lists the
// item. Reading checks the id inside the record, and asks the caller's check whether this
// version and digest are the ones the authenticated index bucket lists, so a record copied
// onto another row, replayed from an older save or planted back after a purge fails as tampered.
import { KeystashError } from '../errors';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { statement } from '../vault/statements';
import type { ItemRecord } from './model';

export const INSERT_ITEM =
  'INSERT INTO items (id, bucket, created_at, updated_at, deleted_at, last_used_at, version, detail) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)';

/** Says what is wrong with a stored record (its row's bucket, version and blob), or null when it is current. */
export type RecordCheck = (id: string, bucket: number, version: number, detail: Buffer) => string | null;

export function sealRecord(keys: SessionKeys, record: ItemRecord, version: number): Buffer {
  return keys.seal('item', record.item.id, record, version);
}

/** The record, its version and the bucket that lists it. `title` names the item in an integrity error. */
export function readRecord(db: Db, keys: SessionKeys, check: RecordCheck, id: string, title?: string): { record: ItemRecord; bucket: number; version: number } {
  // A cached statement: a health check reads every record, and compiling the query each time cost more than the read.
  const row = statement(db, 'SELECT bucket, version, detail FROM items WHERE id = ?').get(id) as { bucket: number; version: number; detail: Buffer } | undefined;
  if (!row) throw new KeystashError('not-found', `No item with id ${id}.`);
  const what = `Item ${title ? `“${title}” ` : ''}(${id})`;
  const problem = check(id, row.bucket, row.version, row.detail);
  if (problem) throw new KeystashError('integrity', `${what} failed its integrity check: ${problem}.`, { itemIds: [id] });
  const record = keys.open<ItemRecord>('item', id, row.detail, what, [id], row.version);
  if (record.item.id !== id) throw new KeystashError('integrity', `Item ${id} failed its integrity check.`, { itemIds: [id] });
  return { record, bucket: row.bucket, version: row.version };
}

/** The record if it opens and belongs to `id`, else null: for rebuilding what an index lost. */
export function tryRecord(keys: SessionKeys, id: string, detail: Buffer, version: number | undefined): ItemRecord | null {
  const record = keys.tryOpen<ItemRecord>('item', id, detail, version);
  return record && record.item.id === id ? record : null;
}
