// How unlock makes the list's entries from decoded buckets: in title order (ties in the order
// added), which the index takes without sorting again, and with each bucket's search texts as
// a segment of the search corpus, unjoined. Both must give exactly what sorting and a joined
// corpus give.
import { describe, expect, it } from 'vitest';
import type { ListedItem } from '../../../shared/domain';
import { ColumnEntries, type ColumnSource } from '../../../electron/core/search/column-entries';
import { SummaryIndex } from '../../../electron/core/search/summary-index';
import { compareByTitle } from '../../../electron/core/items/title-order';
import { normalize } from '../../../electron/core/search/search-text';

type FakeBucket = ColumnSource & { listedAt(k: number): ListedItem };

/** A decoded bucket as unlock reads it, made up: titles repeat and carry numbers, so ties and natural order both occur. */
function bucket(offset: number, size: number, titleOf: (i: number) => string): FakeBucket {
  const ids = Array.from({ length: size }, (_, k) => `id-${String(offset + k).padStart(6, '0')}`);
  const hay = ids.map((_, k) => normalize(`${titleOf(offset + k)} user${(offset + k) % 97}`));
  const starts = new Int32Array(size + 1);
  hay.forEach((h, k) => (starts[k + 1] = (starts[k] ?? 0) + h.length));
  return {
    ids,
    normTitle: (k) => normalize(titleOf(offset + k)),
    haystack: (k) => hay[k] ?? '',
    haySegment: () => ({ text: hay.join(''), starts }),
    type: () => 'login',
    favorite: (k) => k % 3 === 0,
    inTrash: () => false,
    folder: () => '',
    tags: () => [],
    createdAt: (k) => k,
    updatedAt: (k) => k,
    listedAt: (k) => ({ id: ids[k] }) as ListedItem,
  };
}

function entriesOf(count: number, titleOf: (i: number) => string) {
  const columns = new ColumnEntries(count);
  for (let offset = 0; offset < count; offset += 256) {
    const b = bucket(offset, Math.min(256, count - offset), titleOf);
    for (let k = 0; k < b.ids.length; k++) columns.add(b, k, null, b);
  }
  return columns.make();
}

const titleOf = (i: number): string => [`Server ${(i * 7919) % 1500}`, `Ålpha ${i % 40}`, `alpha ${i % 40}`, `Zeta`, `bank`][i % 5] ?? '';
/** The index as it was loaded before segments: entries in the order added, sorted, and one joined corpus. */
const sortedAndJoined = (entries: readonly { id: string }[]) => [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('entries made from decoded buckets', () => {
  it('come out in title order, ties in the order added, as sorting them would give', () => {
    const made = entriesOf(2_000, titleOf);
    const sorted = [...made.entries].sort(compareByTitle);
    expect(made.entries.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    // Ties keep the order added: "Zeta" items in id order.
    const zeta = made.entries.filter((e) => e.normTitle === 'zeta').map((e) => e.id);
    expect(zeta).toEqual([...zeta].sort());
    expect(made.segments).toHaveLength(8);
  });

  it('search through the buckets’ own texts exactly as through one joined corpus', () => {
    const made = entriesOf(3_000, titleOf);
    const segmented = new SummaryIndex();
    segmented.replaceAll(made.entries, made.segments ?? []);
    const joined = new SummaryIndex();
    joined.replaceAll(sortedAndJoined(made.entries) as typeof made.entries);
    expect(segmented.ids()).toEqual(joined.ids());
    // Single and several terms, ranks in and out of the title, a term that would run from one
    // item's text into the next one's (items are not separated in a segment), and misses.
    for (const text of ['server', 'server 1', 'alpha 3', 'user5', 'zeta', 'ta b', 'ankserver', 'r 14 user', 'a', 'zzz', '']) {
      expect(segmented.page({ text, limit: 40 }), text).toEqual(joined.page({ text, limit: 40 }));
      expect(segmented.page({ text, offset: 100 }).items.map((s) => s.id), text).toEqual(joined.page({ text, offset: 100 }).items.map((s) => s.id));
    }
  });

  it('leave the segments at the first write, and search the joined corpus after it', () => {
    const made = entriesOf(600, titleOf);
    const index = new SummaryIndex();
    index.replaceAll(made.entries, made.segments ?? []);
    const before = index.list({ text: 'zeta' }).length;
    index.delete(made.entries.find((e) => e.normTitle === 'zeta')?.id ?? '');
    expect(index.list({ text: 'zeta' })).toHaveLength(before - 1);
  });

  it('have no segments when a bucket was added only in part', () => {
    const columns = new ColumnEntries(10);
    const b = bucket(0, 10, titleOf);
    for (let k = 0; k < 9; k++) columns.add(b, k, null, b);
    const made = columns.make();
    expect(made.entries).toHaveLength(9);
    expect(made.segments).toBeNull();
  });
});
