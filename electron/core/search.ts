// Instant search over the decrypted summaries held in memory. Each item gets one normalised
// haystack (title, username, urls, service, tags, folder, notes; never secrets), so a query
// is a handful of substring scans: case- and accent-insensitive, matching anywhere in a word.
import type { ItemSummary } from '../../shared/domain';

const COMBINING_MARKS = /\p{M}+/gu;

export function normalize(s: string): string {
  return s.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
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

/** Lower is better: a title that starts with the query, then a word in the title, then anywhere. */
export function relevance(normTitle: string, terms: readonly string[]): number {
  const first = terms[0];
  if (first === undefined) return 3;
  if (normTitle.startsWith(first)) return 0;
  if (normTitle.includes(` ${first}`)) return 1;
  if (normTitle.includes(first)) return 2;
  return 3;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
export const compareTitles = (a: string, b: string): number => collator.compare(a, b);
