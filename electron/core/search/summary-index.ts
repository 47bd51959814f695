// Instant search over the decrypted summaries held in memory. Each item gets one normalised
// haystack (title, username, urls, service, tags, folder, notes; never secrets), so a query
// is case- and accent-insensitive and matches anywhere in a word. The index keeps the
// summaries in title order and, for text queries, one joined copy of every haystack: a single
// native indexOf scan over it finds candidates far faster than testing items one by one.
import type { ItemQuery, ListedItem } from '../../../shared/domain';
import { Corpus } from './corpus';
import { matchesAll, normalize, queryTerms } from './search-text';
import { compareByTitle, sortByTitle, titleSortKey } from '../items/title-order';

export { haystackFor, matchesAll, normalize, queryTerms } from './search-text';

/**
 * Lower is better: a title that starts with the first query term, then a word in the title that
 * does, then the term anywhere in the title, then elsewhere. `spaced` is " " + term, built once
 * per query rather than once per hit.
 */
function relevance(normTitle: string, term: string, spaced: string): number {
  return rankAt(normTitle, term, spaced, normTitle.indexOf(term));
}

/**
 * The same rank from `at`, where the term first occurs in the entry's haystack (which starts
 * with the normalised title). Most hits are outside the title, and this settles them without
 * a string search (each costs ~0.2 µs, several ms over a common term's 30,000 hits).
 */
function rankAt(normTitle: string, term: string, spaced: string, at: number): number {
  if (at === -1 || at + term.length > normTitle.length) return 3;
  if (at === 0) return 0;
  return normTitle.charCodeAt(at - 1) === 32 || normTitle.includes(spaced, at) ? 1 : 2;
}

/**
 * One item in the index. The fields the list filters on are copied out of the summary into
 * this one class, so the hot loop reads a single object shape instead of chasing summaries.
 */
class Entry {
  /** Normalised search text; a slice of the current corpus once one is built (no copy). */
  haystack: string;
  /**
   * Normalised title, its own string: ranking calls startsWith/includes on it for every hit,
   * and those run several times slower on a slice of the 15 MB corpus than on a flat string.
   */
  readonly normTitle: string;
  readonly sortKey: string;
  readonly deleted: boolean;
  readonly type: ListedItem['type'];
  readonly favorite: boolean;
  readonly folder: string;
  readonly tags: readonly string[];

  /** `haystack` is the item's search text (search-text.ts), notes included. */
  constructor(
    public summary: ListedItem,
    haystack: string,
  ) {
    this.haystack = haystack;
    this.normTitle = normalize(summary.title);
    this.sortKey = titleSortKey(this.normTitle);
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
  private byTitle: Entry[] = [];
  private corpus: Corpus | null = null;

  /**
   * Replaces everything (unlock, or another process changed the file) and readies search.
   * `haystacks[i]` is the search text of `items[i]`.
   */
  replaceAll(items: readonly ListedItem[], haystacks: readonly string[]): void {
    const entries = new Map<string, Entry>();
    items.forEach((s, i) => entries.set(s.id, new Entry(s, haystacks[i] ?? '')));
    this.entries = entries;
    this.byTitle = sortByTitle([...entries.values()]);
    this.corpus = new Corpus(this.byTitle);
  }

  clear(): void {
    this.entries.clear();
    this.byTitle = [];
    this.corpus = null;
  }

  get(id: string): ListedItem | undefined {
    return this.entries.get(id)?.summary;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  *summaries(): IterableIterator<ListedItem> {
    for (const e of this.entries.values()) yield e.summary;
  }

  /** Adds or replaces one item, keeping the title order without a full re-sort. */
  set(summary: ListedItem, haystack: string): void {
    const old = this.entries.get(summary.id);
    const entry = new Entry(summary, haystack);
    this.entries.set(summary.id, entry);
    this.corpus = null;
    const order = this.byTitle;
    if (old) {
      const i = order.indexOf(old);
      if (i !== -1) order.splice(i, 1);
    }
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareByTitle(order[mid] as Entry, entry) <= 0) lo = mid + 1;
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
    const i = this.byTitle.indexOf(old);
    if (i !== -1) this.byTitle.splice(i, 1);
  }

  list(q: ItemQuery = {}): ListedItem[] {
    return this.page(q).items;
  }

  /**
   * The matches from `q.offset` (default 0), at most `q.limit` of them, and how many match in
   * all: the window's list asks for the rows it shows, not the whole list.
   */
  page(q: ItemQuery = {}): { items: ListedItem[]; total: number } {
    const terms = queryTerms(q.text);
    const wantTrash = q.trash === true;
    const order = this.byTitle;
    let pool: readonly Entry[] = order;
    let rest = terms;
    // Where the first term occurs in each pooled entry, when the scan was for that term.
    let firstAt: number[] | undefined;
    if (terms.length > 0) {
      // Scan for the longest term (usually the rarest); only the others are checked per entry.
      const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
      this.corpus ??= new Corpus(order);
      if (longest === terms[0]) firstAt = [];
      pool = this.corpus.matching(longest, order, firstAt);
      rest = terms.filter((t, i) => i !== terms.indexOf(longest));
    }
    const out: Entry[] = [];
    const outAt: number[] = [];
    for (let i = 0; i < pool.length; i++) {
      const e = pool[i] as Entry;
      if (e.deleted !== wantTrash) continue;
      if (q.type && e.type !== q.type) continue;
      if (q.favorite !== undefined && e.favorite !== q.favorite) continue;
      if (q.tag !== undefined && !e.tags.includes(q.tag)) continue;
      if (q.folder !== undefined && e.folder !== q.folder) continue;
      if (q.usedSince !== undefined && (e.summary.lastUsedAt ?? -1) < q.usedSince) continue;
      if (q.unusedSince !== undefined && (e.summary.lastUsedAt ?? e.summary.createdAt) >= q.unusedSince) continue;
      if (rest.length > 0 && !matchesAll(e.haystack, rest)) continue;
      out.push(e);
      if (firstAt) outAt.push(firstAt[i] as number);
    }
    const sort = q.sort ?? (terms.length > 0 ? 'relevance' : 'title');
    let sorted: Entry[] = out;
    if (sort === 'relevance' && terms.length > 0) {
      // A stable bucket sort by rank keeps title order within each rank.
      const ranks: Entry[][] = [[], [], [], []];
      const first = terms[0] as string;
      const spaced = ` ${first}`;
      for (let i = 0; i < out.length; i++) {
        const e = out[i] as Entry;
        ranks[firstAt ? rankAt(e.normTitle, first, spaced, outAt[i] as number) : relevance(e.normTitle, first, spaced)]?.push(e);
      }
      sorted = out.length === (ranks[0]?.length ?? 0) ? out : ([] as Entry[]).concat(...ranks);
    } else if (sort === 'updated') {
      out.sort((a, b) => b.summary.updatedAt - a.summary.updatedAt);
    } else if (sort === 'last-used') {
      out.sort((a, b) => (b.summary.lastUsedAt ?? -1) - (a.summary.lastUsedAt ?? -1));
    }
    const from = Math.min(q.offset ?? 0, sorted.length);
    const n = q.limit !== undefined ? Math.min(q.limit, sorted.length - from) : sorted.length - from;
    const result = new Array<ListedItem>(n);
    for (let i = 0; i < n; i++) result[i] = (sorted[from + i] as Entry).summary;
    return { items: result, total: sorted.length };
  }
}
