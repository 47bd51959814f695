// The columns' JSON line of an index bucket (bucket-columns.ts describes the formats): its
// shape, and the checks that its columns add up with each other and, in version 5, with the
// sealed row chunks stored beside the bucket. The encoder (column-encoder.ts) writes it.
import { digestOf } from '../vault/manifest';

/** The columns' JSON line of versions 3 to 5. Short names: it is parsed at every unlock. */
export interface ColumnsJson {
  v: 3;
  /** Ids, in id order (versions 3 and 4; version 5 only when some id holds a comma). */
  ids?: string[];
  /**
   * Version 5: the digest of the ids comma-joined in id order (vault/manifest.ts digestOf of
   * their UTF-8). Unlock takes the ids from the item rows SQLite lists for the bucket when they
   * match it (index-snapshot.ts agrees), so the bucket need not carry them: at 10,000 items
   * they were 0.2 MB of the 1.1 MB of columns decrypted with noble, and 10,000 strings parsed.
   */
  idsDig?: string;
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
  /** Version 5: how many rows each sealed chunk holds (the last may hold fewer). */
  chunkRows?: number;
  /** Version 5: each chunk's sealed length, in row order. */
  chunkLen?: number[];
  /** Version 5: the digest of the chunks' sealed bytes back to back (vault/manifest.ts digestOf). */
  rowsDig?: string;
}

export const FAVORITE_BIT = 1;
export const TRASH_BIT = 2;

/** The digest a version 5 bucket says of its ids, comma-joined in id order. */
export const idsDigest = (joined: string): string => digestOf(Buffer.from(joined, 'utf8'));

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

/** A columns line that adds up, with where each item's search text and row text start (the last entry: their end). */
export interface ColumnsLine {
  c: ColumnsJson;
  hayStarts: Int32Array;
  rowStarts: Int32Array;
}

/** The columns from their JSON line, or null when they are not JSON of this shape or do not add up with each other. */
export function parseColumnsLine(lineText: string): ColumnsLine | null {
  let c: Partial<ColumnsJson>;
  try {
    c = JSON.parse(lineText) as Partial<ColumnsJson>;
  } catch {
    return null;
  }
  if (!isStrings(c.nt) || typeof c.hay !== 'string') return null;
  const n = c.ver?.length ?? -1;
  const idsSaid = c.ids !== undefined ? isStrings(c.ids) && c.ids.length === n : typeof c.idsDig === 'string';
  const ok =
    c.v === 3 && idsSaid && c.nt.length === n && typeof c.dig === 'string' &&
    Array.isArray(c.folders) && Array.isArray(c.tagSets) &&
    [c.ver, c.hayLen, c.kind, c.folder, c.tags, c.created, c.updated, c.rowLen].every((col) => isNumbers(col, n));
  if (!ok || (c.ord !== undefined && !(Array.isArray(c.ord) && isPermutation(c.ord, n)))) return null;
  const columns = c as ColumnsJson;
  const hayStarts = startsOf(columns.hayLen);
  if (hayStarts[n] !== columns.hay.length) return null;
  return { c: columns, hayStarts, rowStarts: startsOf(columns.rowLen) };
}

/**
 * Where each of a version 5 bucket's row chunks starts in `sealed` (the last entry: its end),
 * if the columns say how the rows are cut into chunks and `sealed` is exactly the bytes their
 * digest names; else null.
 */
export function sealedChunkStarts(c: ColumnsJson, sealed: Uint8Array): Int32Array | null {
  const { chunkRows, chunkLen, rowsDig } = c;
  if (typeof chunkRows !== 'number' || !Number.isInteger(chunkRows) || chunkRows < 1 || typeof rowsDig !== 'string') return null;
  if (!isNumbers(chunkLen, Math.ceil(c.ver.length / chunkRows)) || !chunkLen.every((l) => Number.isInteger(l) && l >= 0)) return null;
  const starts = startsOf(chunkLen);
  return starts[chunkLen.length] === sealed.length && digestOf(sealed) === rowsDig ? starts : null;
}
