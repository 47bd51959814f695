// One item of the in-memory index (summary-index.ts): the fields the list filters, sorts and
// ranks on, and its full list item, built only when the item is first listed.
import type { ListedItem } from '../../../shared/domain';
import { normalize } from './search-text';
import { titleSortKey } from '../items/title-order';

/** Builds an entry's list item when it is first asked for (items/bucket-streams.ts RowTexts). */
export interface ListedSource {
  listedAt(k: number, lastUsedAt: number | null): ListedItem;
}

/**
 * One item in the index. The fields the list filters and sorts on are its own, so the hot loop
 * reads a single object shape; the full list item is built only when the item is listed (a
 * window of the list shows a few dozen of 100,000), and kept.
 */
export class IndexEntry {
  readonly sortKey: string;
  /**
   * normTitle's length, here so that ranking a hit outside the title (most hits) reads no
   * string: each of those reads was a cache miss of its own.
   */
  readonly titleLength: number;

  private constructor(
    readonly id: string,
    /** Normalised search text; a slice of the current corpus once one is built (no copy). */
    public haystack: string,
    /**
     * Normalised title, its own string: ranking calls startsWith/includes on it for every hit,
     * and those run several times slower on a slice of the 15 MB corpus than on a flat string.
     */
    readonly normTitle: string,
    readonly deleted: boolean,
    readonly type: ListedItem['type'],
    readonly favorite: boolean,
    readonly folder: string,
    readonly tags: readonly string[],
    readonly createdAt: number,
    readonly updatedAt: number,
    public lastUsedAt: number | null,
    private listed: ListedItem | null,
    /** Dropped once the list item is built, so a bucket's row texts go when all its items are listed. */
    private source: ListedSource | null,
    private readonly k: number,
    sortKey?: string,
  ) {
    this.sortKey = sortKey ?? titleSortKey(normTitle);
    this.titleLength = normTitle.length;
  }

  /** `haystack` is the item's search text (search-text.ts), notes included. */
  static of(summary: ListedItem, haystack: string): IndexEntry {
    const s = summary;
    return new IndexEntry(s.id, haystack, normalize(s.title), s.deletedAt !== null, s.type, s.favorite, s.folder, s.tags, s.createdAt, s.updatedAt, s.lastUsedAt, s, null, 0);
  }

  /** An item of a decoded bucket (gathered by ColumnEntries), its list item built from `rows` when first needed. */
  static made(
    id: string, haystack: string, normTitle: string, deleted: boolean, type: ListedItem['type'], favorite: boolean,
    folder: string, tags: readonly string[], createdAt: number, updatedAt: number, lastUsedAt: number | null, rows: ListedSource, k: number, sortKey: string,
  ): IndexEntry {
    return new IndexEntry(id, haystack, normTitle, deleted, type, favorite, folder, tags, createdAt, updatedAt, lastUsedAt, null, rows, k, sortKey);
  }

  /** Kept this small so it is inlined into the list's loops (with the building inside, it was not: 4× slower). */
  get summary(): ListedItem {
    return this.listed ?? this.build();
  }

  private build(): ListedItem {
    const listed = (this.source as ListedSource).listedAt(this.k, this.lastUsedAt);
    this.listed = listed;
    this.source = null;
    return listed;
  }

  touch(lastUsedAt: number): void {
    this.lastUsedAt = lastUsedAt;
    if (this.listed) this.listed = { ...this.listed, lastUsedAt };
  }
}
