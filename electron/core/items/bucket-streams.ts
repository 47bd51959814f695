// The byte streams of an index bucket (items/bucket-columns.ts): each is its inflated and
// compressed lengths (4 bytes each, big-endian), then raw-deflate bytes; and the row texts an
// entry keeps until its item is first listed: left compressed (version 4), or sealed in chunks
// outside the bucket's own ciphertext and opened one chunk at a time (version 5).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ListedItem } from '../../../shared/domain';
import { fromRow, type BucketRow } from './index-bucket';

/** A stream's inflated and compressed lengths. */
const STREAM_HEAD_BYTES = 8;
/** Fast deflate: a write re-encodes a whole bucket, and level 6 saved only ~13 % more. */
const DEFLATE_LEVEL = 1;
/** A bucket of 256 items is ~100 KB of text; anything far larger is not one this code wrote. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** Latin-1 text as raw-deflate bytes, with no lengths before them (a version 5 row chunk). */
export function deflatedRaw(text: string): Buffer {
  return deflateRawSync(Buffer.from(text, 'latin1'), { level: DEFLATE_LEVEL });
}

/** One stream: its inflated and compressed lengths, then the compressed bytes. */
export function deflated(text: string): [Buffer, Buffer] {
  const plain = Buffer.from(text, 'latin1');
  const packed = deflateRawSync(plain, { level: DEFLATE_LEVEL });
  const head = Buffer.alloc(STREAM_HEAD_BYTES);
  head.writeUInt32BE(plain.length, 0);
  head.writeUInt32BE(packed.length, 4);
  return [head, packed];
}

/** Inflates exactly `size` bytes, or null if the stream does not hold exactly that many. */
export function inflated(packed: Uint8Array, size: number): Buffer | null {
  if (size > MAX_TEXT_BYTES) return null;
  try {
    const bytes = inflateRawSync(packed, { chunkSize: Math.max(64, size), maxOutputLength: Math.max(1, size) });
    if (bytes.length === size) return bytes;
    bytes.fill(0);
    return null;
  } catch {
    return null;
  }
}

/** The bytes of a version 4 stream starting at `at`, with where the next one starts; null if they are not there. */
export function streamAt(plain: Uint8Array, at: number): { size: number; packed: Uint8Array; end: number } | null {
  if (plain.length < at + STREAM_HEAD_BYTES) return null;
  const view = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  const size = view.readUInt32BE(at);
  const end = at + STREAM_HEAD_BYTES + view.readUInt32BE(at + 4);
  if (end > plain.length) return null;
  return { size, packed: plain.subarray(at + STREAM_HEAD_BYTES, end), end };
}


/** Where a bucket's list items come from once its items are listed (RowTexts, SealedRowChunks). */
export interface RowSource {
  /** Row `k`'s cells, as version 2 wrote them up to the search text. */
  cells(k: number): unknown[];
  /** The list item of row `k`, with `lastUsedAt` as it is now. */
  listedAt(k: number, lastUsedAt: number | null): ListedItem;
}

/**
 * Seals and opens one bucket's row chunks (version 5) under the session's key, each bound in
 * its AAD to the bucket, the bucket's version and the chunk's place (vault/session-keys.ts).
 */
export interface RowChunkCipher {
  seal(chunk: number, plain: Uint8Array): Uint8Array;
  /** `use` reads the plaintext before it is wiped; null when the chunk does not authenticate. */
  open<T>(chunk: number, sealed: Uint8Array, use: (plain: Uint8Array) => T): T | null;
}

/**
 * The row texts of one bucket: what an entry keeps to build its list item later. Holds only
 * the rows' part of the bucket's text, not its search text (the corpus has that). A version 4
 * bucket's rows stay compressed until the first of its items is listed.
 */
export class RowTexts implements RowSource {
  private text: string | null;
  private packed: Buffer | null;
  private readonly size: number;

  /** `rows` is the row texts, or (version 4) their compressed stream and its inflated size. */
  constructor(
    rows: string | { packed: Buffer; size: number },
    private readonly starts: Int32Array,
  ) {
    this.text = typeof rows === 'string' ? rows : null;
    this.packed = typeof rows === 'string' ? null : rows.packed;
    this.size = typeof rows === 'string' ? rows.length : rows.size;
  }

  private all(): string {
    if (this.text !== null) return this.text;
    // Authenticated with the rest of the bucket and checked against the columns' row lengths
    // when the bucket was opened, so this fails only if this code wrote it wrong.
    const bytes = inflated(this.packed ?? Buffer.alloc(0), this.size);
    if (!bytes) throw new Error('An index bucket’s row texts do not inflate to the length its columns give.');
    this.text = bytes.toString('latin1');
    bytes.fill(0);
    this.packed = null;
    return this.text;
  }

  /** Row `k`'s cells, as version 2 wrote them up to the search text. */
  cells(k: number): unknown[] {
    return JSON.parse(this.all().slice(this.starts[k], this.starts[k + 1])) as unknown[];
  }

  /** The list item of row `k`, with `lastUsedAt` as it is now. */
  listedAt(k: number, lastUsedAt: number | null): ListedItem {
    return fromRow(this.cells(k) as BucketRow, lastUsedAt);
  }
}


/**
 * A version 5 bucket's row texts: sealed chunks of CHUNK_ROWS rows each, kept sealed until an
 * item of the chunk is first listed, then opened and inflated once. The first window of a
 * list after unlock shows ~50 rows from ~40 different buckets; opening only their chunks,
 * instead of decrypting every bucket's row texts at unlock and inflating each of those 40
 * buckets' whole rows, took ~20 ms off a 10,000-item unlock. The chunks' bytes were checked
 * against the digest the bucket's authenticated columns give when the bucket was opened.
 */
export class SealedRowChunks implements RowSource {
  private readonly texts: (string | null)[];

  /**
   * `sealedStarts`: where each chunk starts in `sealed` (the last entry: its end);
   * `rowStarts`: where each row's text starts in the bucket's row texts back to back.
   */
  constructor(
    private readonly sealed: Uint8Array,
    private readonly sealedStarts: Int32Array,
    private readonly rowStarts: Int32Array,
    private readonly chunkRows: number,
    private readonly cipher: RowChunkCipher,
  ) {
    this.texts = new Array<string | null>(sealedStarts.length - 1).fill(null);
  }

  /** Chunk `c`'s row texts back to back. */
  private text(c: number): string {
    const known = this.texts[c];
    if (known != null) return known;
    const first = c * this.chunkRows;
    const last = Math.min(first + this.chunkRows, this.rowStarts.length - 1);
    const size = (this.rowStarts[last] ?? 0) - (this.rowStarts[first] ?? 0);
    const chunk = this.sealed.subarray(this.sealedStarts[c], this.sealedStarts[c + 1]);
    const text = this.cipher.open(c, chunk, (plain) => {
      const bytes = inflated(plain, size);
      if (!bytes) return null;
      const t = bytes.toString('latin1');
      bytes.fill(0);
      return t;
    });
    // Its digest matched the authenticated columns when the bucket was opened, so this fails
    // only if this code wrote it wrong or the session's key is gone (the vault was locked).
    if (text == null) throw new Error('An index bucket’s row chunk does not open to the length its columns give.');
    this.texts[c] = text;
    return text;
  }

  cells(k: number): unknown[] {
    const c = Math.floor(k / this.chunkRows);
    const base = this.rowStarts[c * this.chunkRows] ?? 0;
    return JSON.parse(this.text(c).slice((this.rowStarts[k] ?? 0) - base, (this.rowStarts[k + 1] ?? 0) - base)) as unknown[];
  }

  listedAt(k: number, lastUsedAt: number | null): ListedItem {
    return fromRow(this.cells(k) as BucketRow, lastUsedAt);
  }
}
