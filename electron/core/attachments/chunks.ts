// An attachment's content on disk: sealed chunks of CHUNK_BYTES in attachment_chunks. Each
// chunk's AAD binds the vault, the item, the attachment, the chunk's index and the total
// number of chunks, so a chunk moved to another attachment or item, two chunks swapped, or a
// file cut short (the last chunks deleted, or a shorter total claimed) fails to open or is
// missed by count. The total comes from the item's authenticated record, never from the table.
import type { Statement } from 'better-sqlite3';
import { KeystashError } from '../errors';
import type { Db } from '../vault/db';
import type { SessionKeys } from '../vault/session-keys';

/** 1 MiB: a 100 MB file is 100 chunks; a chunk is what is in memory at a time. */
export const CHUNK_BYTES = 1024 * 1024;

/** Chunks are written once and never change, so their AAD carries this fixed version. */
const CHUNK_VERSION = 1;

export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / CHUNK_BYTES));
}

/** How many bytes chunk `index` of a file of `size` bytes holds. */
export function chunkLength(size: number, index: number): number {
  return Math.max(0, Math.min(CHUNK_BYTES, size - index * CHUNK_BYTES));
}

/** What a chunk's AAD names: item, attachment, index and total (so also whether it is the last). */
function chunkRecordId(itemId: string, attachmentId: string, index: number, total: number): string {
  return `${itemId}|${attachmentId}|${index}|${total}`;
}

export interface ChunkAddress {
  itemId: string;
  attachmentId: string;
  /** The chunk count the item's record lists. */
  total: number;
  /** The size in bytes the item's record lists. */
  size: number;
}

export class ChunkStore {
  private readonly insert: Statement;
  private readonly select: Statement;

  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
  ) {
    this.insert = db.prepare('INSERT INTO attachment_chunks (attachment_id, idx, item_id, blob) VALUES (?, ?, ?, ?)');
    this.select = db.prepare('SELECT blob FROM attachment_chunks WHERE attachment_id = ? AND idx = ?').pluck();
  }

  /** Seals and stores one chunk; runs in the caller's transaction. */
  write(a: ChunkAddress, index: number, plaintext: Uint8Array): void {
    if (plaintext.length !== chunkLength(a.size, index)) throw new Error(`chunk ${index} has ${plaintext.length} bytes, not ${chunkLength(a.size, index)}`);
    this.insert.run(a.attachmentId, index, a.itemId, this.keys.sealBytes('attachment-chunk', chunkRecordId(a.itemId, a.attachmentId, index, a.total), plaintext, CHUNK_VERSION));
  }

  /** Stores a whole content held in memory (imports), chunk by chunk. */
  writeAll(a: ChunkAddress, content: Uint8Array): void {
    for (let i = 0; i < a.total; i++) this.write(a, i, content.subarray(i * CHUNK_BYTES, i * CHUNK_BYTES + chunkLength(a.size, i)));
  }

  /**
   * The content, one verified chunk at a time. Throws `integrity` at the first chunk that is
   * missing, moved, swapped, altered or of the wrong length, and before the first one when the
   * table holds a different number of chunks than the record lists.
   */
  *read(a: ChunkAddress, name: string): Generator<Uint8Array> {
    const stored = this.db.prepare('SELECT COUNT(*) FROM attachment_chunks WHERE attachment_id = ?').pluck().get(a.attachmentId) as number;
    const what = `The attachment “${name}”`;
    if (stored !== a.total) {
      throw new KeystashError('integrity', `${what} failed its integrity check: it should have ${a.total} chunk${a.total === 1 ? '' : 's'}, the vault holds ${stored} (cut short or added to).`, { itemIds: [a.itemId] });
    }
    for (let i = 0; i < a.total; i++) {
      const blob = this.select.get(a.attachmentId, i) as Buffer | undefined;
      if (!blob) throw new KeystashError('integrity', `${what} failed its integrity check: chunk ${i + 1} of ${a.total} is missing.`, { itemIds: [a.itemId] });
      const plain = this.keys.tryOpenWith('attachment-chunk', chunkRecordId(a.itemId, a.attachmentId, i, a.total), blob, (p) => new Uint8Array(p), CHUNK_VERSION);
      if (!plain || plain.length !== chunkLength(a.size, i)) {
        plain?.fill(0);
        throw new KeystashError('integrity', `${what} failed its integrity check: chunk ${i + 1} of ${a.total} was altered, moved or swapped.`, { itemIds: [a.itemId] });
      }
      yield plain;
    }
  }

  /** Removes an attachment's chunks; runs in the caller's transaction. */
  remove(attachmentId: string): void {
    this.db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ?').run(attachmentId);
  }
}
