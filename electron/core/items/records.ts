// The items table: one encrypted record per item (items.detail, see ItemRecord), bound to the
// item's id, next to plain columns for the times and the bucket that lists the item. Reading
// checks the id inside the record too, so a record copied onto another row fails as tampered.
import { KeystashError } from '../errors';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import type { ItemRecord } from './model';

export const INSERT_ITEM = 'INSERT INTO items (id, bucket, created_at, updated_at, deleted_at, last_used_at, detail) VALUES (?, ?, ?, ?, ?, NULL, ?)';

export function sealRecord(keys: SessionKeys, record: ItemRecord): Buffer {
  return keys.seal('item', record.item.id, record);
}

/** The record and the bucket that lists it. `title` names the item in an integrity error. */
export function readRecord(db: Db, keys: SessionKeys, id: string, title?: string): { record: ItemRecord; bucket: number } {
  const row = db.prepare('SELECT bucket, detail FROM items WHERE id = ?').get(id) as { bucket: number; detail: Buffer } | undefined;
  if (!row) throw new KeystashError('not-found', `No item with id ${id}.`);
  const record = keys.open<ItemRecord>('item', id, row.detail, `Item ${title ? `“${title}” ` : ''}(${id})`, [id]);
  if (record.item.id !== id) throw new KeystashError('integrity', `Item ${id} failed its integrity check.`, { itemIds: [id] });
  return { record, bucket: row.bucket };
}

/** The record if it opens and belongs to `id`, else null: for rebuilding what an index lost. */
export function tryRecord(keys: SessionKeys, id: string, detail: Buffer): ItemRecord | null {
  const record = keys.tryOpen<ItemRecord>('item', id, detail);
  return record && record.item.id === id ? record : null;
}
