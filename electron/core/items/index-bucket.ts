// The rows of an index bucket: the summaries of up to BUCKET_SIZE items, each with its search
// text already normalised, as writes handle them. Buckets are written as version 3
// (bucket-columns.ts); the older encodings are still read, and written as version 3 when they
// change. Both were chosen for decoding speed:
//   version 2: `{"v":2,"rows":[[...],...]}`, one fixed-position array per item (arrays parse
//              about a quarter faster than objects with varying keys), as JSON whose characters
//              above U+00FF are \uXXXX escapes, stored one byte per character (Latin-1): turning
//              those bytes back into a string is a copy, where UTF-8 decoding of accented text
//              cost about half as much again as parsing it.
//   version 1: a bare JSON array of packed summary objects in UTF-8, with no search text.
import type { ListedItem } from '../../../shared/domain';
import { noteLineOf, unpackSummary, type PackedSummary, type StoredSummary } from './model';
import { haystackFor } from '../search/search-text';

/** One item in a version 2 bucket. The order is the format: append new fields, never reorder. */
export type BucketRow = [
  id: string,
  type: StoredSummary['type'],
  title: string,
  username: string,
  urls: string[],
  /** A note's first line (its list subtitle); the full notes are only in `haystack`, normalised. */
  noteLine: string,
  tags: string[],
  folder: string,
  flags: number,
  fields: StoredSummary['fields'],
  service: string,
  keyId: string,
  environment: string,
  expiresAt: string | null,
  rotationDays: number | null,
  createdAt: number,
  updatedAt: number,
  deletedAt: number | null,
  /**
   * The normalised search text of the visible fields (search-text.ts), never of a secret. The
   * notes are in the index only here: the list shows just their first line, and the item's own
   * record has them as typed.
   */
  haystack: string,
  /** The version of the item's record, bound into its AAD: a replayed older record is caught. */
  version: number,
  /** The digest of the item's stored record (manifest.ts digestOf). */
  digest: string,
];
/** Rows written before records had versions end at the search text; unlock migrates them. */
const LEGACY_ROW_LENGTH = 19;
const ROW_LENGTH = 21;
/** Where a row keeps its id, its search text and its record's version and digest. */
export const ROW_ID = 0;
export const ROW_HAYSTACK = 18;
export const ROW_VERSION = 19;
export const ROW_DIGEST = 20;

const FAVORITE = 1;
const HAS_PASSWORD = 2;
const HAS_SECRET = 4;
const HAS_TOTP = 8;

// A field added to summaries must get a place in the row: this stops compiling until it does.
type Placed =
  | 'id' | 'type' | 'title' | 'username' | 'urls' | 'notes' | 'tags' | 'folder' | 'favorite' | 'fields' | 'service' | 'keyId'
  | 'environment' | 'expiresAt' | 'rotationDays' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'hasPassword' | 'hasSecret' | 'hasTotp';
const everyFieldPlaced: [Exclude<keyof StoredSummary, Placed>] extends [never] ? true : false = true;
void everyFieldPlaced;

export function toRow(s: StoredSummary, version = 0, digest = ''): BucketRow {
  const flags = (s.favorite ? FAVORITE : 0) | (s.hasPassword ? HAS_PASSWORD : 0) | (s.hasSecret ? HAS_SECRET : 0) | (s.hasTotp ? HAS_TOTP : 0);
  return [s.id, s.type, s.title, s.username, s.urls, noteLineOf(s), s.tags, s.folder, flags, s.fields, s.service, s.keyId, s.environment, s.expiresAt, s.rotationDays, s.createdAt, s.updatedAt, s.deletedAt, haystackFor(s), version, digest];
}

/** The listed item of a row: every field in one order, so all share one object shape. */
export function fromRow(r: BucketRow, lastUsedAt: number | null): ListedItem {
  const flags = r[8];
  return {
    type: r[1],
    title: r[2],
    username: r[3],
    urls: r[4],
    noteLine: r[5],
    tags: r[6],
    folder: r[7],
    favorite: (flags & FAVORITE) !== 0,
    fields: r[9],
    service: r[10],
    keyId: r[11],
    environment: r[12],
    expiresAt: r[13],
    rotationDays: r[14],
    id: r[0],
    createdAt: r[15],
    updatedAt: r[16],
    deletedAt: r[17],
    hasPassword: (flags & HAS_PASSWORD) !== 0,
    hasSecret: (flags & HAS_SECRET) !== 0,
    hasTotp: (flags & HAS_TOTP) !== 0,
    lastUsedAt,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const OPEN_BRACE = 0x7b;

function isRow(r: unknown): r is BucketRow {
  if (!Array.isArray(r) || typeof r[ROW_ID] !== 'string' || typeof r[ROW_HAYSTACK] !== 'string') return false;
  if (r.length === LEGACY_ROW_LENGTH) {
    r.push(0, '');
    return true;
  }
  return r.length === ROW_LENGTH && typeof r[ROW_VERSION] === 'number' && typeof r[ROW_DIGEST] === 'string';
}

/** A version 1 or 2 bucket's rows, or null when the bytes are not one. */
export function decodeLegacyBucket(plain: Uint8Array): BucketRow[] | null {
  try {
    if (plain[0] === OPEN_BRACE) {
      const bytes = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
      const parsed = JSON.parse(bytes.toString('latin1')) as { v?: unknown; rows?: unknown };
      if (parsed.v !== 2 || !Array.isArray(parsed.rows) || !parsed.rows.every(isRow)) return null;
      return parsed.rows as BucketRow[];
    }
    const legacy = JSON.parse(utf8.decode(plain)) as unknown;
    return Array.isArray(legacy) ? (legacy as PackedSummary[]).map((p) => toRow(unpackSummary(p))) : null;
  } catch {
    return null;
  }
}
