// Instant search over the decrypted summaries held in memory. Each item gets one normalised
// haystack (title, username, urls, service, tags, folder, notes; never secrets), so a query
// is case- and accent-insensitive and matches anywhere in a word. The index keeps the
// summaries in title order and, for text queries, one joined copy of every haystack: a single
// native indexOf scan over it finds candidates far faster than testing items one by one.
import type { ItemQuery, ItemSummary } from '../../shared/domain';
import { Corpus } from './search-corpus';
import { haystackFor, matchesAll, normalize, queryTerms } from './search-text';

export { haystackFor, matchesAll, normalize, queryTerms } from './search-text';

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

/**
 * One item in the index. The fields the list filters on are copied out of the summary into
 * this one class, so the hot loop reads a single object shape instead of chasing summaries.
 */
class Entry {
  /** Normalised search text; a slice of the current corpus once one is built (no copy). */
  haystack: string;
  normTitle: string;
  readonly deleted: boolean;
  readonly type: ItemSummary['type'];
  readonly favorite: boolean;
  readonly folder: string;
  readonly tags: readonly string[];

  /** `bulk` entries get their text from the corpus built right after (see Corpus.build). */
  constructor(
    public summary: ItemSummary,
    bulk = false,
  ) {
    this.haystack = bulk ? '' : haystackFor(summary);
    this.normTitle = bulk ? '' : normalize(summary.title);
    this.deleted = summary.deletedAt !== null;
    this.type = summary.type;
    this.favorite = summary.favorite;
    this.folder = summary.folder;
    this.tags = summary.tags;
  }
}

/** The unlocked vault's summaries, kept in title order, with search. */
export class SummaryIndex {
  private entries = new Map<string, Entry>();
  private byTitle: Entry[] | null = null;
  private corpus: Corpus | null = null;

  /** Replaces everything (unlock, or another process changed the file) and readies search. */
  replaceAll(summaries: Iterable<ItemSummary>): void {
    const entries = new Map<string, Entry>();
    for (const s of summaries) entries.set(s.id, new Entry(s, true));
    this.entries = entries;
    this.byTitle = null;
    this.corpus = new Corpus(this.sortedByTitle(), true);
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
    const entry = new Entry(summary);
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
    // The filter fields are unchanged, so the entry (and its place in the order) stays.
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
      // A cheap code-point presort leaves the collator (~1 µs a compare) mostly sorted runs, so
      // its TimSort pass needs ~2 compares per item instead of ~17. The result is still exactly
      // the collator's order.
      const pairs = [...this.entries.values()].map((e) => ({ e, k: e.summary.title.toLowerCase() }));
      pairs.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
      pairs.sort((a, b) => compareTitles(a.e.summary.title, b.e.summary.title));
      this.byTitle = pairs.map((p) => p.e);
    }
    return this.byTitle;
  }

  list(q: ItemQuery = {}): ItemSummary[] {
    const terms = queryTerms(q.text);
    const wantTrash = q.trash === true;
    const order = this.sortedByTitle();
    let pool: readonly Entry[] = order;
    let rest = terms;
    if (terms.length > 0) {
      // Scan for the longest term (usually the rarest); only the others are checked per entry.
      const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
      this.corpus ??= new Corpus(order, false);
      pool = this.corpus.matching(longest, order);
      rest = terms.filter((t, i) => i !== terms.indexOf(longest));
    }
    const out: Entry[] = [];
    for (const e of pool) {
      if (e.deleted !== wantTrash) continue;
      if (q.type && e.type !== q.type) continue;
      if (q.favorite !== undefined && e.favorite !== q.favorite) continue;
      if (q.tag !== undefined && !e.tags.includes(q.tag)) continue;
      if (q.folder !== undefined && e.folder !== q.folder) continue;
      if (q.usedSince !== undefined && (e.summary.lastUsedAt ?? -1) < q.usedSince) continue;
      if (q.unusedSince !== undefined && (e.summary.lastUsedAt ?? e.summary.createdAt) >= q.unusedSince) continue;
      if (rest.length > 0 && !matchesAll(e.haystack, rest)) continue;
      out.push(e);
    }
    const sort = q.sort ?? (terms.length > 0 ? 'relevance' : 'title');
    let sorted: Entry[] = out;
    if (sort === 'relevance' && terms.length > 0) {
      // A stable bucket sort by rank keeps title order within each rank.
      const ranks: Entry[][] = [[], [], [], []];
      for (const e of out) ranks[relevance(e.normTitle, terms)]?.push(e);
      sorted = out.length === (ranks[0]?.length ?? 0) ? out : ([] as Entry[]).concat(...ranks);
    } else if (sort === 'updated') {
      out.sort((a, b) => b.summary.updatedAt - a.summary.updatedAt);
    } else if (sort === 'last-used') {
      out.sort((a, b) => (b.summary.lastUsedAt ?? -1) - (a.summary.lastUsedAt ?? -1));
    }
    const n = q.limit !== undefined ? Math.min(q.limit, sorted.length) : sorted.length;
    const result = new Array<ItemSummary>(n);
    for (let i = 0; i < n; i++) result[i] = (sorted[i] as Entry).summary;
    return result;
  }
}
