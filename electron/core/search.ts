// Instant search over the decrypted summaries held in memory. Each item gets one normalised
// haystack (title, username, urls, service, tags, folder, notes; never secrets), so a query
// is case- and accent-insensitive and matches anywhere in a word. The index keeps the
// summaries in title order and, for text queries, one joined copy of every haystack: a single
// native indexOf scan over it finds candidates far faster than testing items one by one.
import type { ItemQuery, ItemSummary } from '../../shared/domain';

const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const SEPARATOR = '\u0000';

export function normalize(s: string): string {
  // ASCII has nothing to decompose; skipping NFKD keeps unlocking a large vault fast.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
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

interface Entry {
  summary: ItemSummary;
  haystack: string;
  normTitle: string;
}

/** Every haystack in one string, in title order, with the offset where each one starts. */
class Corpus {
  private readonly text: string;
  /** starts[k] is where entry k begins; starts[n] is one past the end, like a final separator. */
  private readonly starts: Int32Array;

  constructor(order: readonly Entry[]) {
    this.text = order.map((e) => e.haystack).join(SEPARATOR);
    this.starts = new Int32Array(order.length + 1);
    let at = 0;
    order.forEach((e, k) => {
      this.starts[k] = at;
      at += e.haystack.length + 1;
    });
    this.starts[order.length] = at;
  }

  /** Positions (in title order) of entries that may contain `term`; callers re-check each one. */
  candidates(term: string): number[] {
    const out: number[] = [];
    const { text, starts } = this;
    let k = 0;
    let pos = text.indexOf(term);
    while (pos !== -1) {
      // The entry holding `pos` is the last one starting at or before it.
      let lo = k;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= pos) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
      out.push(k);
      const next = starts[k + 1] ?? text.length;
      if (next >= text.length) break;
      // Skip the rest of this entry: one hit is enough.
      pos = text.indexOf(term, next);
    }
    return out;
  }
}

/** The unlocked vault's summaries, kept in title order, with search. */
export class SummaryIndex {
  private entries = new Map<string, Entry>();
  private byTitle: Entry[] | null = null;
  private corpus: Corpus | null = null;

  private static entryFor(summary: ItemSummary): Entry {
    return { summary, haystack: haystackFor(summary), normTitle: normalize(summary.title) };
  }

  replaceAll(summaries: Iterable<ItemSummary>): void {
    const entries = new Map<string, Entry>();
    for (const s of summaries) entries.set(s.id, SummaryIndex.entryFor(s));
    this.entries = entries;
    this.byTitle = null;
    this.corpus = null;
  }

  clear(): void {
    this.entries.clear();
    this.byTitle = null;
    this.corpus = null;
  }

  get(id: string): ItemSummary | undefined {
    return this.entries.get(id)?.summary;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  *summaries(): IterableIterator<ItemSummary> {
    for (const e of this.entries.values()) yield e.summary;
  }

  /** Adds or replaces one summary, keeping the title order without a full re-sort. */
  set(summary: ItemSummary): void {
    const old = this.entries.get(summary.id);
    const entry = SummaryIndex.entryFor(summary);
    this.entries.set(summary.id, entry);
    this.corpus = null;
    const order = this.byTitle;
    if (!order) return;
    if (old) {
      const i = order.indexOf(old);
      if (i !== -1) order.splice(i, 1);
    }
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareTitles((order[mid] as Entry).summary.title, summary.title) <= 0) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, entry);
  }

  /** Changes only the last-used time; search text and title order stay as they are. */
  touch(id: string, lastUsedAt: number): void {
    const e = this.entries.get(id);
    if (e) e.summary = { ...e.summary, lastUsedAt };
  }

  delete(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    this.corpus = null;
    const i = this.byTitle ? this.byTitle.indexOf(old) : -1;
    if (i !== -1) this.byTitle?.splice(i, 1);
  }

  private sortedByTitle(): Entry[] {
    if (!this.byTitle) {
      this.byTitle = [...this.entries.values()].sort((a, b) => compareTitles(a.summary.title, b.summary.title));
    }
    return this.byTitle;
  }

  list(q: ItemQuery = {}): ItemSummary[] {
    const terms = queryTerms(q.text);
    const wantTrash = q.trash === true;
    const order = this.sortedByTitle();
    let pool: readonly Entry[] = order;
    if (terms.length > 0) {
      // The longest term is usually the rarest, so it leaves the fewest candidates to re-check.
      const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
      this.corpus ??= new Corpus(order);
      pool = this.corpus.candidates(longest).map((k) => order[k] as Entry);
    }
    const out: Entry[] = [];
    for (const e of pool) {
      const s = e.summary;
      if ((s.deletedAt !== null) !== wantTrash) continue;
      if (q.type && s.type !== q.type) continue;
      if (q.favorite !== undefined && s.favorite !== q.favorite) continue;
      if (q.tag !== undefined && !s.tags.includes(q.tag)) continue;
      if (q.folder !== undefined && s.folder !== q.folder) continue;
      if (terms.length > 0 && !matchesAll(e.haystack, terms)) continue;
      out.push(e);
    }
    const sort = q.sort ?? (terms.length > 0 ? 'relevance' : 'title');
    let sorted: Entry[] = out;
    if (sort === 'relevance' && terms.length > 0) {
      // A stable bucket sort by rank keeps title order within each rank.
      const ranks: Entry[][] = [[], [], [], []];
      for (const e of out) ranks[relevance(e.normTitle, terms)]?.push(e);
      sorted = ranks.flat();
    } else if (sort === 'updated') {
      out.sort((a, b) => b.summary.updatedAt - a.summary.updatedAt);
    } else if (sort === 'last-used') {
      out.sort((a, b) => (b.summary.lastUsedAt ?? -1) - (a.summary.lastUsedAt ?? -1));
    }
    const limited = q.limit !== undefined ? sorted.slice(0, q.limit) : sorted;
    return limited.map((e) => e.summary);
  }
}
