// Version 3 of an index bucket's plaintext, laid out so that unlock builds as few objects as
// possible. Unlocking 100,000 items spent most of its time creating and then garbage-collecting
// ~25 objects per item from version 2's one-array-per-row JSON, although the list shows a few
// dozen rows at a time. Version 3 keeps what unlock needs (ids and versions for the integrity
// check, the search text, the title and the list's filter fields) in columns: one string or one
// array per bucket, cut into per-item slices. Everything else of an item stays as the JSON text
// of its version 2 row, parsed only when the item is first listed.
//
// Written by column-encoder.ts. Bytes (version 4, written): 0x04, then two raw-deflate streams, each after its inflated and
// compressed lengths (4 bytes each, big-endian): first the columns (one JSON line), then the
// row texts back to back. Both are text in Latin-1 with characters above U+00FF as \uXXXX
// escapes (see index-bucket.ts). Rows are sorted by id, so unlock can compare a whole bucket
// with the item rows SQLite lists in id order by one string comparison. Unlock inflates only
// the columns: the row texts stay compressed (about a quarter of their size) until an item of
// the bucket is first listed. At 100,000 items that spared inflating and holding 22 MB of
// text that the list shows a window of.
//
// Version 3 (still read): 0x03, the text's length (4 bytes, big-endian), then the columns'
// line, a newline and the row texts, as one raw-deflate stream.
//
// Compression matters for the desktop app: it decrypts with @noble/ciphers in JavaScript
// (Electron's BoringSSL has no ChaCha20-Poly1305), and the index is ~3.5 times smaller
// deflated. The index holds no secrets (summaries only), so compressing before encrypting
// does not expose one through ciphertext lengths.
import { ITEM_TYPES, type ListedItem } from '../../../shared/domain';
import { inflated, MAX_TEXT_BYTES, RowTexts, streamAt } from './bucket-streams';
import { ROW_HAYSTACK, type BucketRow } from './index-bucket';

export const COLUMNS_MAGIC = 0x04;
/** Version 3: columns and rows in one stream. */
const JOINED_MAGIC = 0x03;
const HEAD_BYTES = 5;
/** How many leading cells of a version 2 row the row text keeps: the rest are columns. */
export const ROW_TEXT_CELLS = ROW_HAYSTACK;
const NEWLINE = 0x0a;

/** The columns' JSON line, the same in versions 3 and 4. Short names: it is parsed at every unlock. */
export interface ColumnsJson {
  v: 3;
  /** Ids, in id order. */
  ids: string[];
  /** Record versions and digests (digests joined by commas: base64 has none). */
  ver: number[];
  dig: string;
  /**
   * Normalised titles, each its own string: sorting and ranking compare them constantly, and
   * string comparison runs several times slower on slices of a longer string.
   */
  nt: string[];
  /** Search texts joined, with their lengths (the corpus copies them into one string anyway). */
  hay: string;
  hayLen: number[];
  /** Per item: type index * 4 + favourite (1) + in the trash (2). */
  kind: number[];
  /** Distinct folders and tag lists, and each item's index into them. */
  folders: string[];
  folder: number[];
  tagSets: string[][];
  tags: number[];
  created: number[];
  updated: number[];
  /** Lengths of the row texts that follow the line. */
  rowLen: number[];
  /**
   * The rows' positions in title order (title-order.ts, as it sorted when the bucket was
   * written). Unlock adds a bucket's items in this order, so that sorting all of them merges
   * 391 sorted runs at 100,000 items instead of sorting from scratch. Only a hint: the sort's
   * result does not depend on it. Absent in version 3.
   */
  ord?: number[];
}

export const FAVORITE_BIT = 1;
export const TRASH_BIT = 2;

/** Whether `ord` lists each of 0..n-1 exactly once. */
function isPermutation(ord: readonly number[], n: number): boolean {
  if (ord.length !== n) return false;
  const seen = new Uint8Array(n);
  for (const k of ord) {
    if (!Number.isInteger(k) || k < 0 || k >= n || seen[k] === 1) return false;
    seen[k] = 1;
  }
  return true;
}

/** Where each of `lengths` starts in its joined column; the last entry is the column's end. */
function startsOf(lengths: readonly number[]): Int32Array {
  const starts = new Int32Array(lengths.length + 1);
  let at = 0;
  for (let k = 0; k < lengths.length; k++) {
    starts[k] = at;
    at += lengths[k] ?? 0;
  }
  starts[lengths.length] = at;
  return starts;
}

const isStrings = (a: unknown): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string');
const isNumbers = (a: unknown, n: number): a is number[] => Array.isArray(a) && a.length === n && a.every((x) => typeof x === 'number');

/** One decoded version 3 or 4 bucket, read column by column (unlock) or as whole rows (writes). */
export class BucketColumns {
  readonly n: number;
  private readonly hayStarts: Int32Array;
  private readonly rowSource: RowTexts;

  private constructor(
    private readonly c: ColumnsJson,
    hayStarts: Int32Array,
    rowSource: RowTexts,
  ) {
    this.n = c.ids.length;
    this.hayStarts = hayStarts;
    this.rowSource = rowSource;
  }

  /** The bucket, or null when the bytes are not a version 3 or 4 bucket this code wrote. */
  static decode(plain: Uint8Array): BucketColumns | null {
    if (plain[0] === JOINED_MAGIC) return BucketColumns.decodeJoined(plain);
    if (plain[0] !== COLUMNS_MAGIC) return null;
    const line = streamAt(plain, 1);
    const rows = line && streamAt(plain, line.end);
    if (!line || !rows || rows.end !== plain.length || rows.size > MAX_TEXT_BYTES) return null;
    const bytes = inflated(line.packed, line.size);
    if (!bytes) return null;
    try {
      // A copy: the caller wipes the decrypted bytes once this returns.
      return BucketColumns.parse(bytes.toString('latin1'), { packed: Buffer.from(rows.packed), size: rows.size });
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
      return BucketColumns.parse(bytes.toString('latin1', 0, end), bytes.toString('latin1', end + 1));
    } finally {
      bytes.fill(0);
    }
  }

  /** The columns from their JSON line, checked to add up with each other and with the rows' length. */
  private static parse(lineText: string, rows: string | { packed: Buffer; size: number }): BucketColumns | null {
    let c: Partial<ColumnsJson>;
    try {
      c = JSON.parse(lineText) as Partial<ColumnsJson>;
    } catch {
      return null;
    }
    if (!isStrings(c.ids) || !isStrings(c.nt) || typeof c.hay !== 'string') return null;
    const n = c.ver?.length ?? -1;
    const ok =
      c.v === 3 && c.ids.length === n && c.nt.length === n && typeof c.dig === 'string' &&
      Array.isArray(c.folders) && Array.isArray(c.tagSets) &&
      [c.ver, c.hayLen, c.kind, c.folder, c.tags, c.created, c.updated, c.rowLen].every((col) => isNumbers(col, n));
    if (!ok || (c.ord !== undefined && !(Array.isArray(c.ord) && isPermutation(c.ord, n)))) return null;
    const columns = c as ColumnsJson;
    const hayStarts = startsOf(columns.hayLen);
    const rowStarts = startsOf(columns.rowLen);
    const rowsLength = typeof rows === 'string' ? rows.length : rows.size;
    if (rowStarts[n] !== rowsLength || hayStarts[n] !== columns.hay.length) return null;
    return new BucketColumns(columns, hayStarts, new RowTexts(rows, rowStarts));
  }

  get versions(): readonly number[] {
    return this.c.ver;
  }

  get ids(): readonly string[] {
    return this.c.ids;
  }

  /** Each row's record digest, in id order. */
  get digests(): string[] {
    return this.c.dig.split(',');
  }

  /**
   * The ids as one string, comma-joined in id order, compared with SQLite's listing as a whole;
   * null if an id holds a comma (never one this code made), which would make that ambiguous.
   */
  get joinedIds(): string | null {
    return this.c.ids.some((id) => id.includes(',')) ? null : this.c.ids.join(',');
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
  rowTexts(): RowTexts {
    return this.rowSource;
  }

  rows(): BucketRow[] {
    const digests = this.digests;
    return this.c.ids.map((_, k) => {
      const cells = this.rowSource.cells(k);
      cells.push(this.haystack(k), this.c.ver[k] ?? 0, digests[k] ?? '');
      return cells as BucketRow;
    });
  }
}
