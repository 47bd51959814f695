// Import batches: saves the records an import hands over, batch by batch, inside one
// transaction on a connection of the import's own (vault/imports.ts opens it), so a file of
// 100,000 rows streams through without every row being held at once, and all land or none do.
import { randomUUID } from 'node:crypto';
import { PASSWORD_HISTORY_LIMIT, type EventSource, type Item, type ItemData, type PasswordHistoryEntry } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { EventLog } from '../history/event-log';
import { MAX_ATTACHMENT_BYTES, type StoredAttachment } from '../../../shared/attachments';
import { ChunkStore, chunkCount } from '../attachments/chunks';
import { attachmentName, mimeOf, uniqueName } from '../attachments/names';
import { KeystashError } from '../errors';
import type { Db } from '../vault/db';
import type { SessionKeys } from '../vault/session-keys';
import type { IndexBuckets } from './bucket-store';
import type { ItemRecord } from './model';
import { INSERT_ITEM } from './records';
import { assertValidTotp } from './totp';

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
  /** Files the item brings (KDBX, encrypted Keystash exports), sealed into chunks with it. */
  attachments?: { name: string; content: Uint8Array; createdAt?: number; deletedAt?: number | null }[];
}

/** The import's own connection, with the bucket storage and event log over it. */
export interface ImportTarget {
  db: Db;
  keys: SessionKeys;
  buckets: IndexBuckets;
  events: EventLog;
  now: () => number;
  source: EventSource;
}

/**
 * Imports the records `batches` hands over, all inside one transaction. A record may carry its
 * original times and password history (Keystash's own exports). One `import` event records the
 * note and the count. Returns how many were saved.
 *
 * The transaction stays open across the awaits between batches, so the target connection must
 * be this import's alone: nothing else may write on it meanwhile. `stillWanted` runs after
 * every await and throws to abandon the import (the vault locked); the transaction is then
 * rolled back and nothing is written.
 */
export async function importBatches(t: ImportTarget, batches: AsyncIterable<ItemRecordInput[]>, note: string, stillWanted: () => void): Promise<number> {
  const now = t.now();
  let saved = 0;
  // A larger page cache keeps the growing item tree in memory instead of spilling it to the
  // WAL page by page (about half the time at 100,000 rows). The connection is this import's.
  t.db.pragma('cache_size = -65536');
  t.db.exec('BEGIN IMMEDIATE');
  try {
    const insert = t.db.prepare(INSERT_ITEM);
    for await (const batch of batches) {
      stillWanted();
      saved += writeBatch(t, insert, batch, now, saved);
    }
    stillWanted();
    t.events.append({ kind: 'import', source: t.source, detail: { note, count: saved } });
    t.db.exec('COMMIT');
  } catch (err) {
    if (t.db.inTransaction) t.db.exec('ROLLBACK');
    throw err;
  }
  return saved;
}

function writeBatch(t: ImportTarget, insert: Statement, batch: ItemRecordInput[], now: number, before: number): number {
  const chunks = new ChunkStore(t.db, t.keys);
  const records = batch.map((r, i): ItemRecord => {
    const data = r.input;
    assertValidTotp(data.totp, `Item ${before + i + 1}`);
    const createdAt = r.createdAt ?? now;
    const item: Item = { ...data, id: randomUUID(), createdAt, updatedAt: r.updatedAt ?? createdAt, deletedAt: r.deletedAt ?? null };
    const record: ItemRecord = { item, passwordHistory: (r.passwordHistory ?? []).slice(0, PASSWORD_HISTORY_LIMIT) };
    if (r.attachments && r.attachments.length > 0) record.attachments = storeAttachments(chunks, item.id, r.attachments, now);
    return record;
  });
  // Inserting in key order touches far fewer pages of the WITHOUT ROWID tree.
  records.sort((a, b) => (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  t.buckets.append(insert, records);
  return records.length;
}

/** Seals an imported item's files into chunks (in the import's transaction) and lists them for its record. */
function storeAttachments(chunks: ChunkStore, itemId: string, files: NonNullable<ItemRecordInput['attachments']>, now: number): StoredAttachment[] {
  const out: StoredAttachment[] = [];
  for (const f of files) {
    if (f.content.length > MAX_ATTACHMENT_BYTES) throw new KeystashError('invalid-input', `The file “${f.name}” is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB, the most an attachment can hold.`);
    const deletedAt = f.deletedAt ?? null;
    const name = uniqueName(attachmentName(f.name), out.filter((a) => a.deletedAt === null && deletedAt === null).map((a) => a.name));
    const a: StoredAttachment = { id: randomUUID(), name, size: f.content.length, mime: mimeOf(name), createdAt: f.createdAt ?? now, deletedAt, chunks: chunkCount(f.content.length) };
    chunks.writeAll({ itemId, attachmentId: a.id, total: a.chunks, size: a.size }, f.content);
    out.push(a);
  }
  return out;
}
