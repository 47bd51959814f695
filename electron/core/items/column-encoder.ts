// Writes an index bucket in the column format that bucket-columns.ts describes and reads
// (version 5): the columns' JSON line, deflated, and the row texts deflated and sealed in
// chunks of CHUNK_ROWS rows beside it.
import { ITEM_TYPES } from '../../../shared/domain';
import { normalize } from '../search/search-text';
import { titleOrderOfKeys, titleSortKey } from './title-order';
import { digestOf } from '../vault/manifest';
import { deflated, deflatedRaw, type RowChunkCipher } from './bucket-streams';
import { ROW_TEXT_CELLS, SEALED_ROWS_MAGIC } from './bucket-columns';
import { FAVORITE_BIT, idsDigest, TRASH_BIT, type ColumnsJson } from './columns-line';
import { ROW_DIGEST, ROW_HAYSTACK, ROW_ID, ROW_VERSION, type BucketRow } from './index-bucket';

const ABOVE_LATIN1 = /[\u0100-\uffff]/g;
const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const latin1Json = (value: unknown): string => JSON.stringify(value).replace(ABOVE_LATIN1, escape);

function indexer<T>(keyOf: (v: T) => string): { table: T[]; at: (v: T) => number } {
  const seen = new Map<string, number>();
  const table: T[] = [];
  return {
    table,
    at: (v) => {
      const key = keyOf(v);
      let i = seen.get(key);
      if (i === undefined) {
        i = table.length;
        table.push(v);
        seen.set(key, i);
      }
      return i;
    },
  };
}

/**
 * Each row's text and normalised title, kept per row object. Rows are never changed once made
 * (a write replaces the rows it changes), and saving one item re-encodes its whole bucket: the
 * other 255 rows are then encoded already.
 */
const encodedRows = new WeakMap<BucketRow, { text: string; normTitle: string; sortKey: string }>();

function encodedRow(r: BucketRow): { text: string; normTitle: string; sortKey: string } {
  let e = encodedRows.get(r);
  if (!e) {
    const normTitle = normalize(r[2]);
    e = { text: latin1Json(r.slice(0, ROW_TEXT_CELLS)), normTitle, sortKey: titleSortKey(normTitle) };
    encodedRows.set(r, e);
  }
  return e;
}

/**
 * Rows per sealed chunk of row texts. A listed item opens its chunk: 32 rows are ~9 KB of
 * text, ~2.5 KB sealed, and the ~50 rows of a list window come from ~40 chunks. Compressed in
 * 32-row chunks the row texts are about a quarter larger than as one stream per bucket, and
 * inflate at about half the speed (docs/development.md, "Bucket format 5").
 */
export const CHUNK_ROWS = 32;

/** An encoded bucket: the plaintext its own ciphertext seals, and its row texts' chunks, sealed already, back to back. */
export interface EncodedBucket {
  plain: Buffer;
  rows: Buffer;
}

/** A bucket for `input`, its rows in id order, as columns and row chunks sealed by `cipher`. */
export function encodeColumns(input: readonly BucketRow[], cipher: RowChunkCipher): EncodedBucket {
  const rows = [...input].sort((a, b) => (a[ROW_ID] < b[ROW_ID] ? -1 : a[ROW_ID] > b[ROW_ID] ? 1 : 0));
  const folders = indexer<string>((f) => f);
  const tagSets = indexer<string[]>((t) => JSON.stringify(t));
  const encoded = rows.map(encodedRow);
  const texts = encoded.map((e) => e.text);
  const ids = rows.map((r) => r[ROW_ID]);
  const line: ColumnsJson = {
    v: 3,
    // Only their digest where the comma-joined ids are unambiguous (bucket-columns.ts listsIds).
    ...(ids.some((id) => id.includes(',')) ? { ids } : { idsDig: idsDigest(ids.join(',')) }),
    ver: rows.map((r) => r[ROW_VERSION]),
    dig: rows.map((r) => r[ROW_DIGEST]).join(','),
    nt: encoded.map((e) => e.normTitle),
    hay: rows.map((r) => r[ROW_HAYSTACK]).join(''),
    hayLen: rows.map((r) => r[ROW_HAYSTACK].length),
    kind: rows.map((r) => ITEM_TYPES.indexOf(r[1]) * 4 + ((r[8] & 1) !== 0 ? FAVORITE_BIT : 0) + (r[17] !== null ? TRASH_BIT : 0)),
    folders: folders.table,
    folder: rows.map((r) => folders.at(r[7])),
    tagSets: tagSets.table,
    tags: rows.map((r) => tagSets.at(r[6])),
    created: rows.map((r) => r[15]),
    updated: rows.map((r) => r[16]),
    rowLen: texts.map((t) => t.length),
    ord: titleOrderOfKeys(encoded.map((e) => e.sortKey)),
  };
  const chunks: Uint8Array[] = [];
  for (let from = 0; from < texts.length; from += CHUNK_ROWS) {
    chunks.push(cipher.seal(chunks.length, deflatedRaw(texts.slice(from, from + CHUNK_ROWS).join(''))));
  }
  const sealed = Buffer.concat(chunks);
  line.chunkRows = CHUNK_ROWS;
  line.chunkLen = chunks.map((c) => c.length);
  line.rowsDig = digestOf(sealed);
  return { plain: Buffer.concat([Buffer.of(SEALED_ROWS_MAGIC), ...deflated(latin1Json(line))]), rows: sealed };
}
