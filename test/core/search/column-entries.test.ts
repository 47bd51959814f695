// How unlock makes the list's entries from decoded buckets: a large vault's come out in title
// order (ties in the order added), which the index then takes without sorting again, so that
// order must be exactly the one sorting would give.
import { describe, expect, it } from 'vitest';
import type { ListedItem } from '../../../shared/domain';
import { ColumnEntries, type ColumnSource } from '../../../electron/core/search/column-entries';
import { SummaryIndex } from '../../../electron/core/search/summary-index';
import { compareByTitle } from '../../../electron/core/items/title-order';
import { normalize } from '../../../electron/core/search/search-text';

/** A decoded bucket as unlock reads it, made up: titles repeat and carry numbers, so ties and natural order both occur. */
function bucket(offset: number, size: number, titleOf: (i: number) => string): ColumnSource & { listedAt(k: number): ListedItem } {
  const ids = Array.from({ length: size }, (_, k) => `id-${String(offset + k).padStart(6, '0')}`);
  return {
    ids,
    normTitle: (k) => normalize(titleOf(offset + k)),
    haystack: (k) => normalize(`${titleOf(offset + k)} user${k}`),
    type: () => 'login',
    favorite: (k) => k % 3 === 0,
    inTrash: () => false,
    folder: () => '',
    tags: () => [],
    createdAt: (k) => k,
    updatedAt: (k) => k,
    listedAt: (k) => ({ id: ids[k] } as ListedItem),
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

describe('entries made from decoded buckets', () => {
  const titleOf = (i: number): string => [`Server ${(i * 7919) % 1500}`, `Ålpha ${i % 40}`, `alpha ${i % 40}`, `Zeta`, `bank`][i % 5] ?? '';

  it('come out of a large vault in title order, ties in the order added, for the index to take as they are', () => {
    const made = entriesOf(20_500, titleOf);
    expect(made.inTitleOrder).toBe(true);
    const sorted = [...made.entries].sort(compareByTitle);
    expect(made.entries.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    // Ties keep the order added: "Zeta" items in id order.
    const zeta = made.entries.filter((e) => e.normTitle === 'zeta').map((e) => e.id);
    expect(zeta).toEqual([...zeta].sort());

    const taken = new SummaryIndex();
    taken.replaceAll(made.entries, true);
    const resorted = new SummaryIndex();
    resorted.replaceAll([...made.entries].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(taken.ids()).toEqual(resorted.ids());
    expect(taken.list({ text: 'server 1' }).map((s) => s.id)).toEqual(resorted.list({ text: 'server 1' }).map((s) => s.id));
  });

  it('come out of a small vault in the order added, for the index to sort', () => {
    const made = entriesOf(600, titleOf);
    expect(made.inTitleOrder).toBe(false);
    expect(made.entries.map((e) => e.id)).toEqual(Array.from({ length: 600 }, (_, i) => `id-${String(i).padStart(6, '0')}`));
  });
});
