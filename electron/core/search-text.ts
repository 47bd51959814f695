// Search text: how item fields and queries are normalised (case- and accent-insensitive) and
// matched. Shared by the item search index and the usage-history search.
import type { ItemSummary } from '../../shared/domain';

const COMBINING_MARKS = /\p{M}+/gu;
const LATIN_MARKS = /[\u0300-\u036f]+/g;
const BEYOND_LATIN = /[^\x00-\u02ff]/;
const NON_ASCII = /[^\x00-\x7f]/;

export function normalize(s: string): string {
  // ASCII has nothing to decompose; skipping NFKD keeps unlocking a large vault fast.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  // Latin accents are the common case and a plain character class strips them ~10x faster than
  // the Unicode property class, which then runs only when other scripts are present.
  let d = s.normalize('NFKD').replace(LATIN_MARKS, '');
  if (BEYOND_LATIN.test(d)) d = d.replace(COMBINING_MARKS, '');
  return d.toLowerCase();
}

export function haystackFor(s: ItemSummary): string {
  return normalize(
    [s.title, s.username, s.urls.join(' '), s.service, s.keyId, s.environment, s.tags.join(' '), s.folder, s.notes].join('\u0001'),
  );
}

export function queryTerms(text: string | undefined): string[] {
  if (!text) return [];
  return normalize(text).split(/\s+/).filter(Boolean);
}

export function matchesAll(haystack: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!haystack.includes(t)) return false;
  return true;
}

