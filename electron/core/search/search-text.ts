// Search text: how item fields and queries are normalised (case- and accent-insensitive) and
// matched. Shared by the item search index and the usage-history search.
import type { ItemSummary } from '../../../shared/domain';

const COMBINING_MARKS = /\p{M}+/gu;
const LATIN_MARKS = /[\u0300-\u036f]+/g;
// Ranges of UTF-16 code units written upward from the first one outside (the complement form
// would start at U+0000, a control character in a pattern).
const BEYOND_LATIN = /[\u0300-\uffff]/;
const NON_ASCII = /[\u0080-\uffff]/;
/** The Latin range a lookup table covers: Latin-1 Supplement, Extended-A and Extended-B. */
const TABLE_END = 0x250;
const BEYOND_TABLE = /[\u0250-\uffff]/;
const TABLE_CHARS = /[\u0080-\u024f]/g;

/** The definition: compatibility decomposition, every combining mark dropped, lower case. */
function normalizeFully(s: string): string {
  // Latin accents are the common case and a plain character class strips them ~10x faster than
  // the Unicode property class, which then runs only when other scripts are present.
  let d = s.normalize('NFKD').replace(LATIN_MARKS, '');
  if (BEYOND_LATIN.test(d)) d = d.replace(COMBINING_MARKS, '');
  return d.toLowerCase();
}

// Each character below U+0250 decomposes on its own and brings no combining mark of its own,
// so a text made only of them normalises character by character: é → e, Š → s, ß → ß, ﬁ is
// not in range. A table of those results replaces NFKD over the whole text, which is what
// made unlocking a large vault of accented names slow.
let latinTable: string[] | null = null;
function latin(c: string): string {
  latinTable ??= Array.from({ length: TABLE_END - 0x80 }, (_, i) => normalizeFully(String.fromCharCode(0x80 + i)));
  return latinTable[c.charCodeAt(0) - 0x80] ?? normalizeFully(c);
}

export function normalize(s: string): string {
  // ASCII has nothing to decompose; skipping NFKD keeps unlocking a large vault fast.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  if (!BEYOND_TABLE.test(s)) return s.replace(TABLE_CHARS, latin).toLowerCase();
  return normalizeFully(s);
}

/** The fields search covers; never a secret. */
export type Searchable = Pick<ItemSummary, 'title' | 'username' | 'urls' | 'service' | 'keyId' | 'environment' | 'tags' | 'folder' | 'notes'>;

/**
 * One normalised text of every searchable field. Fields are joined by a space: a query term
 * never holds whitespace, so no term can match across two fields, and unlike a control
 * character a space needs no escape in the stored JSON.
 */
export function haystackFor(s: Searchable): string {
  // Concatenation links the pieces and normalize() flattens them once: about twice as fast as
  // an array join, which matters when an import computes this for 100,000 items.
  const urls = s.urls.length === 1 ? (s.urls[0] as string) : s.urls.join(' ');
  const tags = s.tags.length === 1 ? (s.tags[0] as string) : s.tags.join(' ');
  return normalize(`${s.title} ${s.username} ${urls} ${s.service} ${s.keyId} ${s.environment} ${tags} ${s.folder} ${s.notes}`);
}

export function queryTerms(text: string | undefined): string[] {
  if (!text) return [];
  return normalize(text).split(/\s+/).filter(Boolean);
}

export function matchesAll(haystack: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!haystack.includes(t)) return false;
  return true;
}
