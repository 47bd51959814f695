// List items handed out a few at a time, for work that walks the whole list without holding
// the thread (the health check): each is built only when handed out.
import type { ListedItem } from '../../../shared/domain';
import type { IndexEntry } from './index-entry';

/** What decides whether a reader takes an item: its kind, known without building its list item. */
export type EntryKind = Pick<IndexEntry, 'deleted' | 'type'>;

/** List items handed out a few at a time (SummaryIndex.reader). */
export interface ListedReader {
  /** How many it hands out in all. */
  readonly total: number;
  /** The next ones: at most `max`, and no more once `until` (performance.now()) has passed, but at least one while any are left. */
  next(max: number, until?: number): ListedItem[];
}

/** A reader of these entries' list items, in this order. It keeps `entries`: pass an array nothing else changes. */
export function readerOf(own: readonly IndexEntry[]): ListedReader {
  let at = 0;
  return {
    total: own.length,
    next(max, until = Number.POSITIVE_INFINITY) {
      const out: ListedItem[] = [];
      const end = Math.min(own.length, at + max);
      while (at < end && (out.length === 0 || performance.now() < until)) out.push((own[at++] as IndexEntry).summary);
      return out;
    },
  };
}
