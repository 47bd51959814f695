// Instant search over the decrypted summaries held in memory. Each item gets one normalised
// haystack (title, username, urls, service, tags, folder, notes; never secrets), so a query
// is case- and accent-insensitive and matches anywhere in a word. The index keeps its entries
// (index-entry.ts) in title order and searches their haystacks through a corpus (corpus.ts):
// native indexOf scans over long texts find candidates far faster than testing items one by one.
import type { ItemCounts, ItemQuery, ListedItem } from '../../../shared/domain';
import { Corpus, SegmentedCorpus, type CorpusSegment, type SearchCorpus } from './corpus';
import { matchesAll, queryTerms } from './search-text';
import { compareByTitle, sortByTitle } from '../items/title-order';
import { IndexEntry } from './index-entry';
import { readerOf, type EntryKind, type ListedReader } from './listed-reader';

export { haystackFor, matchesAll, normalize, queryTerms } from './search-text';
export type { EntryKind, ListedReader } from './listed-reader';

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
function rankAt(normTitle: string, term: string, spaced: string, at: number, titleLength = normTitle.length): number {
  if (at === -1 || at + term.length > titleLength) return 3;
  if (at === 0) return 0;
  return normTitle.charCodeAt(at - 1) === 32 || normTitle.includes(spaced, at) ? 1 : 2;
}

/**
 * Items in title order (positions in it) whose search text holds every one of `terms`: a scan's
 * hits, or the last search narrowed from them.
 */
interface TextMatches {
  terms: readonly string[];
  count: number;
  ranks: Int32Array;
}

/** Where a search's text matches come from, and what is still to be checked per item. */
interface Candidates {
  count: number;
  ranks: Int32Array;
  /** Where the first query term occurs in each candidate's search text, when known. */
  at: Int32Array | null;
  /** The terms a candidate has not been checked for yet. */
  rest: readonly string[];
}

/**
 * Narrowing checks each earlier match's own search text, ~0.5 µs apiece at 100,000 items; a
 * scan costs ~0.08 µs per item. Past this share of all items, scanning again is faster.
 */
const NARROW_SHARE = 1 / 8;

/** Whether every item matching `terms` also holds every one of `earlier` (each is part of some term). */
const narrows = (terms: readonly string[], earlier: readonly string[]): boolean => earlier.every((t) => terms.some((u) => u.includes(t)));

/** Lookups by id that walk the list before the id map is made: a person opening a few items. */
const LINEAR_LOOKUPS = 16;

/** The unlocked vault's summaries, kept in title order, with search. */
export class SummaryIndex {
  /**
   * id → entry, made only once lookups by id add up (LINEAR_LOOKUPS): listing and searching
   * never need it, and making it (hashing every id into a growing Map) cost 60–100 ms of a
   * 100,000-item unlock. Until then a lookup walks the title order, ~1 ms at that size.
   */
  private byId: Map<string, IndexEntry> | null = new Map();
  private linearLookups = 0;
  private byTitle: IndexEntry[] = [];
  private corpus: SearchCorpus | null = null;
  /** The items the last text search could match, kept to narrow the next one (see candidates). */
  private lastText: TextMatches | null = null;

  /**
   * Replaces everything (unlock, or another process changed the file) and readies search.
   * Unlock builds only what filtering and search need; each item's full list item is built
   * when it is first listed (IndexEntry.summary). Ids are unique: each item row names one
   * bucket, and loading takes an item only from the bucket its row names. `inTitleOrder`:
   * they are sorted by compareByTitle already, ties in the order they were added (even checking
   * that took ~15–25 ms at 100,000 items), or also their search texts as corpus segments in
   * that order (ColumnEntries).
   */
  replaceAll(all: readonly IndexEntry[], inTitleOrder: boolean | readonly CorpusSegment[] = false): void {
    this.byTitle = inTitleOrder === false ? sortByTitle(all.slice()) : all.slice();
    this.byId = null;
    this.linearLookups = 0;
    this.lastText = null;
    this.corpus = typeof inTitleOrder === 'object' ? new SegmentedCorpus(inTitleOrder, all.length) : new Corpus(this.byTitle);
  }

  clear(): void {
    this.byId = new Map();
    this.byTitle = [];
    this.corpus = null;
    this.lastText = null;
  }

  /** The id → entry map, made now if it is not yet (writes keep it, so they ask for it). */
  private entries(): Map<string, IndexEntry> {
    if (this.byId) return this.byId;
    const byId = new Map<string, IndexEntry>();
    for (const e of this.byTitle) byId.set(e.id, e);
    this.byId = byId;
    return byId;
  }

  private find(id: string): IndexEntry | undefined {
    if (this.byId || ++this.linearLookups > LINEAR_LOOKUPS) return this.entries().get(id);
    for (const e of this.byTitle) if (e.id === id) return e;
    return undefined;
  }

  get(id: string): ListedItem | undefined {
    return this.find(id)?.summary;
  }

  /** Every id, in title order. */
  ids(): string[] {
    return this.byTitle.map((e) => e.id);
  }

  *summaries(): IterableIterator<ListedItem> {
    for (const e of this.byTitle) yield e.summary;
  }

  /**
   * The list items of the items `keep` takes (decided by kind, building no list item), in title
   * order, built only as they are handed out. Building every list item at once after unlock, as
   * the health check did, held the thread for ~55 ms at 10,000 items and ~550 ms at 100,000.
   * The items are those of this moment: a later write changes what the next check reads.
   */
  reader(keep: (kind: EntryKind) => boolean): ListedReader {
    return readerOf(this.byTitle.filter(keep));
  }

  /** Counts per sidebar view, from the fields every entry has: no item's list item is built. */
  counts(): ItemCounts {
    const c: ItemCounts = { all: 0, favorites: 0, login: 0, api_key: 0, note: 0, trash: 0, tags: {}, folders: {} };
    for (const e of this.byTitle) {
      if (e.deleted) {
        c.trash++;
        continue;
      }
      c.all++;
      c[e.type]++;
      if (e.favorite) c.favorites++;
      for (const t of e.tags) c.tags[t] = (c.tags[t] ?? 0) + 1;
      if (e.folder) c.folders[e.folder] = (c.folders[e.folder] ?? 0) + 1;
    }
    return c;
  }

  /** Adds or replaces one item, keeping the title order without a full re-sort. */
  set(summary: ListedItem, haystack: string): void {
    const entries = this.entries();
    const old = entries.get(summary.id);
    const entry = IndexEntry.of(summary, haystack);
    entries.set(summary.id, entry);
    this.corpus = null;
    this.lastText = null;
    const order = this.byTitle;
    if (old) {
      const i = order.indexOf(old);
      if (i !== -1) order.splice(i, 1);
    }
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareByTitle(order[mid] as IndexEntry, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, entry);
  }

  /** Changes only the last-used time; search text and title order stay as they are. */
  touch(id: string, lastUsedAt: number): void {
    // The filter fields are unchanged, so the entry (and its place in the order) stays.
    this.find(id)?.touch(lastUsedAt);
  }

  delete(id: string): void {
    const entries = this.entries();
    const old = entries.get(id);
    if (!old) return;
    entries.delete(id);
    this.corpus = null;
    this.lastText = null;
    const i = this.byTitle.indexOf(old);
    if (i !== -1) this.byTitle.splice(i, 1);
  }

  list(q: ItemQuery = {}): ListedItem[] {
    return this.page(q).items;
  }

  /**
   * The matches from `q.offset` (default 0), at most `q.limit` of them, and how many match in
   * all: the window's list asks for the rows it shows, not the whole list. Matches are filtered,
   * counted and ranked in one pass over the scan's hits, keeping per rank only the first
   * offset + limit entries the window can take from it: a first letter typed matches nearly
   * every item, and collecting all of them into arrays to be sorted took most of that keystroke.
   */
  page(q: ItemQuery = {}): { items: ListedItem[]; total: number } {
    const terms = queryTerms(q.text);
    const order = this.byTitle;
    const sort = q.sort ?? (terms.length > 0 ? 'relevance' : 'title');
    const from = Math.max(0, q.offset ?? 0);
    // Title and relevance order are the hits' order within a rank; the others sort every match.
    const sorts = sort === 'updated' || sort === 'last-used';
    const keep = q.limit === undefined || sorts ? Number.POSITIVE_INFINITY : from + q.limit;
    const found = terms.length > 0 ? this.candidates(terms) : null;
    const first = terms[0] ?? '';
    const spaced = ` ${first}`;
    const ranked = sort === 'relevance' && terms.length > 0;
    // Per rank (rankAt: 0 is best), the first `keep` matches in title order.
    const kept: IndexEntry[][] = ranked ? [[], [], [], []] : [[]];
    const wantTrash = q.trash === true;
    const count = found ? found.count : order.length;
    const rest = found ? found.rest : [];
    const at = found?.at ?? null;
    let total = 0;
    for (let h = 0; h < count; h++) {
      const e = order[found ? (found.ranks[h] as number) : h] as IndexEntry;
      if (e.deleted !== wantTrash) continue;
      if (q.type && e.type !== q.type) continue;
      if (q.favorite !== undefined && e.favorite !== q.favorite) continue;
      if (q.tag !== undefined && !e.tags.includes(q.tag)) continue;
      if (q.folder !== undefined && e.folder !== q.folder) continue;
      if (q.usedSince !== undefined && (e.lastUsedAt ?? -1) < q.usedSince) continue;
      if (q.unusedSince !== undefined && (e.lastUsedAt ?? e.createdAt) >= q.unusedSince) continue;
      if (rest.length > 0 && !matchesAll(e.haystack, rest)) continue;
      total++;
      let rank = 0;
      if (ranked) rank = at ? rankAt(e.normTitle, first, spaced, at[h] as number, e.titleLength) : relevance(e.normTitle, first, spaced);
      const bucket = kept[rank] as IndexEntry[];
      if (bucket.length < keep) bucket.push(e);
    }
    const sorted = kept.length === 1 ? (kept[0] as IndexEntry[]) : ([] as IndexEntry[]).concat(...kept);
    if (sort === 'updated') sorted.sort((a, b) => b.updatedAt - a.updatedAt);
    else if (sort === 'last-used') sorted.sort((a, b) => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1));
    const start = Math.min(from, sorted.length);
    const n = q.limit !== undefined ? Math.min(q.limit, sorted.length - start) : sorted.length - start;
    const result = new Array<ListedItem>(n);
    for (let i = 0; i < n; i++) result[i] = (sorted[start + i] as IndexEntry).summary;
    return { items: result, total };
  }

  /**
   * The items a text search has to look at. Typing narrows a search one letter at a time, and
   * every item matching the new text then also matches the last one: only the last search's
   * matches are checked, instead of a scan of the whole corpus for the longest term followed by
   * a check of its hits (a term like "account" holds in half of 100,000 items). Any write
   * forgets the last search (its positions are in the title order of that moment).
   */
  private candidates(terms: readonly string[]): Candidates {
    const last = this.lastText;
    if (last && last.count <= this.byTitle.length * NARROW_SHARE && narrows(terms, last.terms)) {
      const ranks = new Int32Array(last.count);
      let count = 0;
      for (let h = 0; h < last.count; h++) {
        const rank = last.ranks[h] as number;
        if (matchesAll((this.byTitle[rank] as IndexEntry).haystack, terms)) ranks[count++] = rank;
      }
      this.lastText = { terms, count, ranks };
      return { count, ranks, at: null, rest: [] };
    }
    // Scan for the longest term (usually the rarest); only the others are checked per item.
    const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
    this.corpus ??= new Corpus(this.byTitle);
    const hits = this.corpus.matching(longest);
    this.lastText = { terms: [longest], count: hits.count, ranks: hits.ranks.slice(0, hits.count) };
    return { count: hits.count, ranks: hits.ranks, at: longest === terms[0] ? hits.at : null, rest: terms.filter((t) => t !== longest) };
  }
}
