// Versions 3 to 5 of an index bucket's plaintext, laid out so that unlock builds as few objects
// as possible. Unlocking 100,000 items spent most of its time creating and then
// garbage-collecting ~25 objects per item from version 2's one-array-per-row JSON, although the
// list shows a few dozen rows at a time. Since version 3 a bucket keeps what unlock needs (ids
// and versions for the integrity check, the search text, the title and the list's filter
// fields) in columns: one string or one array per bucket, cut into per-item slices. Everything
// else of an item stays as the JSON text of its version 2 row (its "row text"), parsed only
// when the item is first listed. Text is Latin-1 with characters above U+00FF as \uXXXX escapes
// (see index-bucket.ts). Rows are sorted by id, so unlock can compare a whole bucket with the
// item rows SQLite lists in id order at once: their ids joined, or (version 5) that text's digest.
//
// Version 5 (written by column-encoder.ts): 0x05, then one stream (bucket-streams.ts: its
// inflated and compressed lengths, 4 bytes each, big-endian, then raw-deflate bytes) holding
// the columns' JSON line (its shape and checks: columns-line.ts). The row texts are not in the bucket's ciphertext at all: they are
// deflated and sealed in chunks of CHUNK_ROWS rows, stored beside it (index_buckets.rows), each
// chunk's AAD naming the bucket, its version and the chunk. The columns give each chunk's
// sealed length and a digest of all of them, so opening the bucket authenticates its chunks
// too (one native SHA-256), and unlock decrypts only the columns. The ~50 rows of the list's
// first window are then built from one chunk each. In version 4 the row texts were a second
// stream in the same ciphertext: at 10,000 items unlock decrypted 0.6 MB of them with noble,
// and the first window inflated ~40 buckets' whole row texts, ~20 ms together.
//
// Version 4 (still read): 0x04, the columns' stream, then the row texts back to back as a
// second stream, inflated when an item of the bucket is first listed.
// Version 3 (still read): 0x03, the text's length (4 bytes, big-endian), then the columns'
// line, a newline and the row texts, as one raw-deflate stream.
//
// Compression matters for the desktop app: it decrypts with @noble/ciphers in JavaScript
// (Electron's BoringSSL has no ChaCha20-Poly1305), and the index is ~3.5 times smaller
// deflated. The index holds no secrets (summaries only), so compressing before encrypting
// does not expose one through ciphertext lengths.
import { ITEM_TYPES, type ListedItem } from '../../../shared/domain';
import { inflated, MAX_TEXT_BYTES, RowTexts, SealedRowChunks, streamAt, type RowChunkCipher, type RowSource } from './bucket-streams';
import { FAVORITE_BIT, idsDigest, parseColumnsLine, sealedChunkStarts, TRASH_BIT, type ColumnsJson } from './columns-line';
import { ROW_HAYSTACK, type BucketRow } from './index-bucket';

/** Version 5: the columns here, the row texts sealed in chunks beside the bucket. */
export const SEALED_ROWS_MAGIC = 0x05;
/** Version 4: the columns and the row texts as two streams. */
const COLUMNS_MAGIC = 0x04;
/** Version 3: columns and rows in one stream. */
const JOINED_MAGIC = 0x03;
const HEAD_BYTES = 5;
/** How many leading cells of a version 2 row the row text keeps: the rest are columns. */
export const ROW_TEXT_CELLS = ROW_HAYSTACK;
const NEWLINE = 0x0a;

/** A version 5 bucket's sealed row chunks as stored beside it, and how to open them. */
export interface DetachedRows {
  sealed: Uint8Array | null;
  cipher: RowChunkCipher;
}

/** One decoded version 3 to 5 bucket, read column by column (unlock) or as whole rows (writes). */
export class BucketColumns {
  readonly n: number;
  private readonly hayStarts: Int32Array;
  private readonly rowSource: RowSource;
  private knownIds: readonly string[] | null;

  private constructor(
    private readonly c: ColumnsJson,
    hayStarts: Int32Array,
    rowSource: RowSource,
  ) {
    this.n = c.ver.length;
    this.knownIds = c.ids ?? null;
    this.hayStarts = hayStarts;
    this.rowSource = rowSource;
  }

  /**
   * The bucket, or null when the bytes are not a version 3 to 5 bucket this code wrote.
   * `detached`: a version 5 bucket's row chunks, which it is null without.
   */
  static decode(plain: Uint8Array, detached?: DetachedRows): BucketColumns | null {
    if (plain[0] === JOINED_MAGIC) return BucketColumns.decodeJoined(plain);
    if (plain[0] !== COLUMNS_MAGIC && plain[0] !== SEALED_ROWS_MAGIC) return null;
    const line = streamAt(plain, 1);
    if (!line) return null;
    let rows: (c: ColumnsJson, rowStarts: Int32Array) => RowSource | null;
    if (plain[0] === SEALED_ROWS_MAGIC) {
      const sealed = detached?.sealed;
      if (line.end !== plain.length || !sealed || !detached) return null;
      rows = (c, rowStarts) => {
        const starts = sealedChunkStarts(c, sealed);
        return starts ? new SealedRowChunks(sealed, starts, rowStarts, c.chunkRows as number, detached.cipher) : null;
      };
    } else {
      const packed = streamAt(plain, line.end);
      if (!packed || packed.end !== plain.length || packed.size > MAX_TEXT_BYTES) return null;
      // A copy: the caller wipes the decrypted bytes once this returns.
      rows = (_, rowStarts) => (rowStarts[rowStarts.length - 1] === packed.size ? new RowTexts({ packed: Buffer.from(packed.packed), size: packed.size }, rowStarts) : null);
    }
    const bytes = inflated(line.packed, line.size);
    if (!bytes) return null;
    try {
      return BucketColumns.parse(bytes.toString('latin1'), rows);
    } finally {
      bytes.fill(0);
    }
  }

  /** Version 3: the columns' line and the row texts in one stream. */
  private static decodeJoined(plain: Uint8Array): BucketColumns | null {
    if (plain.length < HEAD_BYTES) return null;
    const size = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength).readUInt32BE(1);
    const bytes = inflated(plain.subarray(HEAD_BYTES), size);
    if (!bytes) return null;
    try {
      const end = bytes.indexOf(NEWLINE);
      if (end === -1) return null;
      const text = bytes.toString('latin1', end + 1);
      return BucketColumns.parse(bytes.toString('latin1', 0, end), (_, rowStarts) => (rowStarts[rowStarts.length - 1] === text.length ? new RowTexts(text, rowStarts) : null));
    } finally {
      bytes.fill(0);
    }
  }

  /**
   * The columns from their JSON line, checked to add up with each other; `rows` makes the row
   * source from where each row starts in the row texts, or null if the rows do not add up.
   */
  private static parse(lineText: string, rows: (c: ColumnsJson, rowStarts: Int32Array) => RowSource | null): BucketColumns | null {
    const line = parseColumnsLine(lineText);
    const source = line && rows(line.c, line.rowStarts);
    return line && source ? new BucketColumns(line.c, line.hayStarts, source) : null;
  }

  get versions(): readonly number[] {
    return this.c.ver;
  }

  /**
   * The ids, in id order: the bucket's own, or the item listing's once they matched the
   * bucket's digest of them (listsIds); else read from the row texts, opening every chunk.
   */
  get ids(): readonly string[] {
    return (this.knownIds ??= Array.from({ length: this.n }, (_, k) => String(this.rowSource.cells(k)[0])));
  }

  /** Each row's record digest, in id order. */
  get digests(): string[] {
    return this.c.dig.split(',');
  }

  /**
   * Whether `joined`, ids comma-joined in id order (SQLite's listing of the item rows that name
   * this bucket), are exactly the bucket's ids. A version 5 bucket that says only their digest
   * then takes them as its ids. An id holding a comma would make the joined form ambiguous: a
   * bucket with one is never said to match (and version 5 keeps such ids itself).
   */
  listsIds(joined: string): boolean {
    const own = this.knownIds;
    if (own) return !own.some((id) => id.includes(',')) && own.join(',') === joined;
    if (this.c.idsDig === undefined || idsDigest(joined) !== this.c.idsDig) return false;
    const ids = joined.split(',');
    if (ids.length !== this.n) return false;
    this.knownIds = ids;
    return true;
  }

  /** The rows' positions in title order when the bucket was written; null when it does not say (version 3). */
  get titleOrder(): readonly number[] | null {
    return this.c.ord ?? null;
  }

  normTitle(k: number): string {
    return this.c.nt[k] ?? '';
  }

  haySegment(): { text: string; starts: Int32Array } {
    return { text: this.c.hay, starts: this.hayStarts };
  }

  haystack(k: number): string {
    return this.c.hay.slice(this.hayStarts[k], this.hayStarts[k + 1]);
  }

  type(k: number): ListedItem['type'] {
    return ITEM_TYPES[(this.c.kind[k] ?? 0) >> 2] ?? 'login';
  }

  favorite(k: number): boolean {
    return ((this.c.kind[k] ?? 0) & FAVORITE_BIT) !== 0;
  }

  inTrash(k: number): boolean {
    return ((this.c.kind[k] ?? 0) & TRASH_BIT) !== 0;
  }

  folder(k: number): string {
    return this.c.folders[this.c.folder[k] ?? 0] ?? '';
  }

  tags(k: number): string[] {
    return this.c.tagSets[this.c.tags[k] ?? 0] ?? [];
  }

  createdAt(k: number): number {
    return this.c.created[k] ?? 0;
  }

  updatedAt(k: number): number {
    return this.c.updated[k] ?? 0;
  }

  /** The rows' texts, for entries to build list items from when they are first listed. */
  rowTexts(): RowSource {
    return this.rowSource;
  }

  rows(): BucketRow[] {
    const digests = this.digests;
    return Array.from({ length: this.n }, (_, k) => {
      const cells = this.rowSource.cells(k);
      cells.push(this.haystack(k), this.c.ver[k] ?? 0, digests[k] ?? '');
      return cells as BucketRow;
    });
  }
}
