// How unlock turns decoded index buckets into the list's entries (IndexEntry, index-entry.ts):
// each item's fields are gathered per field first, then the entries are made in title order.
// Bucket format 3 and 4's columns (items/bucket-columns.ts) are the source, and each bucket's
// search texts become one segment of the search corpus as they are (corpus.ts SegmentedCorpus).
import type { ListedItem } from '../../../shared/domain';
import { titleOrderOfKeys, titleSortKey } from '../items/title-order';
import type { CorpusSegment } from './corpus';
import { IndexEntry, type ListedSource } from './index-entry';

/** What an entry is made from at unlock, item `k` of one decoded bucket (items/bucket-columns.ts). */
export interface ColumnSource {
  readonly ids: readonly string[];
  normTitle(k: number): string;
  haystack(k: number): string;
  type(k: number): ListedItem['type'];
  favorite(k: number): boolean;
  inTrash(k: number): boolean;
  folder(k: number): string;
  tags(k: number): string[];
  createdAt(k: number): number;
  updatedAt(k: number): number;
  /** The bucket's search texts back to back, and where each item's begins (the last entry: their end). */
  haySegment(): { text: string; starts: Int32Array };
}

/** The entries, in title order, and the buckets' search texts as corpus segments (null if some bucket was added only in part). */
export interface MadeEntries {
  entries: IndexEntry[];
  segments: CorpusSegment[] | null;
}

/**
 * The items of decoded buckets, gathered before any entry is made so that the entries can be
 * made one after another in title order. The list's loops walk entries in that order, and
 * entries made as each bucket was decoded lay scattered among the decoding's other objects:
 * at 100,000 items filtering and ranking a search's hits ran ~35–45 % faster in title-order
 * memory. Ties keep the order the items were added in (the buckets' order).
 */

export class ColumnEntries {
  // One array per field rather than one object per item, and nothing that keeps a decoded
  // bucket alive: holding every bucket's columns until the end cost ~60 MB more at 100,000 items.
  private readonly ids: string[];
  private readonly haystacks: string[];
  private readonly normTitles: string[];
  private readonly kinds: ListedItem['type'][];
  private readonly flags: number[];
  private readonly folders: string[];
  private readonly tags: string[][];
  private readonly created: number[];
  private readonly updated: number[];
  private readonly used: (number | null)[];
  private readonly rows: ListedSource[];
  private readonly ks: number[];
  private readonly keys: string[];
  /** Per item, its bucket's place in `sources`. */
  private readonly sourceOf: Int32Array;
  private readonly sources: { source: ColumnSource; added: number }[] = [];
  private n = 0;

  /**
   * `expected`: how many items will be added, so each array is made at its size once instead
   * of growing by copies (~30 MB of garbage at 100,000 items). More may still be added.
   */
  constructor(expected: number) {
    const column = <T>(): T[] => new Array<T>(expected);
    this.ids = column();
    this.haystacks = column();
    this.normTitles = column();
    this.kinds = column();
    this.flags = column();
    this.folders = column();
    this.tags = column();
    this.created = column();
    this.updated = column();
    this.used = column();
    this.rows = column();
    this.ks = column();
    this.keys = column();
    this.sourceOf = new Int32Array(expected);
  }

  /** Item `k` of bucket `c`; a bucket's items are added one after another. */
  add(c: ColumnSource, k: number, lastUsedAt: number | null, rows: ListedSource): void {
    const i = this.n++;
    let current = this.sources[this.sources.length - 1];
    if (current?.source !== c) {
      current = { source: c, added: 0 };
      this.sources.push(current);
    }
    current.added++;
    if (i < this.sourceOf.length) this.sourceOf[i] = this.sources.length - 1;
    const normTitle = c.normTitle(k);
    this.ids[i] = c.ids[k] ?? '';
    this.haystacks[i] = c.haystack(k);
    this.normTitles[i] = normTitle;
    this.kinds[i] = c.type(k);
    this.flags[i] = (c.inTrash(k) ? 1 : 0) | (c.favorite(k) ? 2 : 0);
    this.folders[i] = c.folder(k);
    this.tags[i] = c.tags(k);
    this.created[i] = c.createdAt(k);
    this.updated[i] = c.updatedAt(k);
    this.used[i] = lastUsedAt;
    this.rows[i] = rows;
    this.ks[i] = k;
    this.keys[i] = titleSortKey(normTitle);
  }

  /** The entries in title order, ties in the order added, and the corpus segments that go with that order. */
  make(): MadeEntries {
    const keys = this.keys;
    // Only the items added (ties keep that order): the arrays were made at the size expected.
    const order = titleOrderOfKeys(keys.length === this.n ? keys : keys.slice(0, this.n));
    const entries = order.map((i) => {
      const flags = this.flags[i] ?? 0;
      // Positional, not an object of fields: one object fewer per item at unlock.
      return IndexEntry.made(
        this.ids[i] ?? '', this.haystacks[i] ?? '', this.normTitles[i] ?? '', (flags & 1) !== 0, this.kinds[i] ?? 'login', (flags & 2) !== 0,
        this.folders[i] ?? '', this.tags[i] ?? [], this.created[i] ?? 0, this.updated[i] ?? 0, this.used[i] ?? null, this.rows[i] as ListedSource, this.ks[i] ?? 0, keys[i] ?? '',
      );
    });
    return { entries, segments: this.segments(order) };
  }

  /** Each bucket's search texts with its items' places in `order`; null when a bucket's items were not all added, or some item's bucket is unknown. */
  private segments(order: readonly number[]): CorpusSegment[] | null {
    if (this.n > this.sourceOf.length) return null;
    const segments: CorpusSegment[] = [];
    for (const { source, added } of this.sources) {
      const { text, starts } = source.haySegment();
      if (added !== starts.length - 1) return null;
      segments.push({ text, starts, ranks: new Int32Array(added) });
    }
    for (let rank = 0; rank < order.length; rank++) {
      const i = order[rank] as number;
      const segment = segments[this.sourceOf[i] ?? -1];
      if (!segment) return null;
      segment.ranks[this.ks[i] ?? 0] = rank;
    }
    return segments;
  }
}
