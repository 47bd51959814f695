// The unlocked index after a full load: lookups by id work the same before and after its id
// map is made (it is made only once lookups add up), writes keep the title order, and the
// sidebar's counts come from the entries' own fields without building any list item.
import { describe, expect, it } from 'vitest';
import type { ItemCounts, ListedItem } from '../../../shared/domain';
import { haystackFor } from '../../../electron/core/search/search-text';
import { IndexEntry } from '../../../electron/core/search/index-entry';
import { SummaryIndex } from '../../../electron/core/search/summary-index';
import { titleSortKey } from '../../../electron/core/items/title-order';
import { normalize } from '../../../electron/core/search/search-text';

const listed = (i: number, extra: Partial<ListedItem> = {}): ListedItem => ({
  type: (['login', 'api_key', 'note'] as const)[i % 3] ?? 'login', title: `Item ${i}`, username: `user${i}`, urls: [], noteLine: '',
  tags: i % 4 === 0 ? ['work'] : i % 5 === 0 ? ['home', 'work'] : [], folder: i % 2 === 0 ? 'Even' : '', favorite: i % 7 === 0,
  fields: [], service: '', keyId: '', environment: '', expiresAt: null, rotationDays: null, createdAt: i, updatedAt: i, deletedAt: i % 9 === 0 ? 99 : null,
  hasPassword: true, hasSecret: false, hasTotp: false, lastUsedAt: null, id: `id-${String(i).padStart(3, '0')}`, ...extra,
});
const entry = (s: ListedItem): IndexEntry => IndexEntry.of(s, haystackFor({ ...s, notes: '' }));

/** The counts as they were made before: from every item's full list item. */
function countsOfSummaries(all: Iterable<ListedItem>): ItemCounts {
  const c: ItemCounts = { all: 0, favorites: 0, login: 0, api_key: 0, note: 0, trash: 0, tags: {}, folders: {} };
  for (const s of all) {
    if (s.deletedAt !== null) {
      c.trash++;
      continue;
    }
    c.all++;
    c[s.type]++;
    if (s.favorite) c.favorites++;
    for (const t of s.tags) c.tags[t] = (c.tags[t] ?? 0) + 1;
    if (s.folder) c.folders[s.folder] = (c.folders[s.folder] ?? 0) + 1;
  }
  return c;
}

describe('the summary index', () => {
  const items = Array.from({ length: 60 }, (_, i) => listed(i));
  const loaded = (): SummaryIndex => {
    const index = new SummaryIndex();
    index.replaceAll([...items].reverse().map(entry));
    return index;
  };

  it('finds every item by id, before and after its id map is made', () => {
    const index = loaded();
    // Three rounds: the first lookups walk the list, the later ones use the map.
    for (let round = 0; round < 3; round++) {
      for (const s of items) expect(index.get(s.id)).toEqual(s);
      expect(index.get('id-missing')).toBeUndefined();
    }
  });

  it('keeps lookups, title order and search right through writes made before any lookup', () => {
    const index = loaded();
    index.touch('id-005', 1234);
    index.set(listed(5, { title: 'Aardvark 5' }), 'aardvark 5');
    index.set(listed(100, { title: 'Zebra' }), 'zebra');
    index.delete('id-010');
    expect(index.get('id-005')).toMatchObject({ title: 'Aardvark 5' });
    expect(index.get('id-100')).toMatchObject({ title: 'Zebra' });
    expect(index.get('id-010')).toBeUndefined();
    const titles = index.list({ trash: false }).map((s) => s.title);
    expect(titles[0]).toBe('Aardvark 5');
    expect(titles.at(-1)).toBe('Zebra');
    expect(index.list({ text: 'aardvark' }).map((s) => s.id)).toEqual(['id-005']);
    expect(index.ids()).toHaveLength(60);
  });

  it('records a use made before the id map exists', () => {
    const index = loaded();
    index.touch('id-020', 555);
    expect(index.get('id-020')?.lastUsedAt).toBe(555);
    expect(index.list({ usedSince: 500 }).map((s) => s.id)).toEqual(['id-020']);
  });

  it('counts each sidebar view from the entries as the list items would', () => {
    const index = loaded();
    expect(index.counts()).toEqual(countsOfSummaries(items));
    index.delete('id-014');
    index.set(listed(200, { tags: ['new'], folder: 'Odd', favorite: true }), 'item 200');
    expect(index.counts()).toEqual(countsOfSummaries(index.summaries()));
    expect(index.counts().tags.new).toBe(1);
  });

  it('hands out list items a few at a time, building each only then, from the items of that moment', () => {
    // Entries as unlock makes them: each list item is built from its bucket's row text on demand.
    let built = 0;
    const rows = { listedAt: (k: number, lastUsedAt: number | null) => (built++, { ...listed(k), lastUsedAt }) };
    const made = items.map((s, k) => {
      const t = normalize(s.title);
      return IndexEntry.made(s.id, haystackFor({ ...s, notes: '' }), t, s.deletedAt !== null, s.type, s.favorite, s.folder, s.tags, s.createdAt, s.updatedAt, null, rows, k, titleSortKey(t));
    });
    const index = new SummaryIndex();
    index.replaceAll(made);
    // The items a list of this kind would show, in title order, found without building any list item.
    const byId = new Map(items.map((s) => [s.id, s]));
    const wanted = index.ids().filter((id) => byId.get(id)?.deletedAt === null && byId.get(id)?.type !== 'note');
    expect(wanted.length).toBeGreaterThan(20);

    const reader = index.reader((e) => !e.deleted && e.type !== 'note');
    expect(reader.total).toBe(wanted.length);
    expect(built).toBe(0);
    const first = reader.next(5);
    expect(first.map((s) => s.id)).toEqual(wanted.slice(0, 5));
    expect(built).toBe(5);
    // A deadline already past still hands out one, so a caller always gets further.
    expect(reader.next(5, performance.now() - 1).map((s) => s.id)).toEqual(wanted.slice(5, 6));
    // A write after the reader was made does not change what it hands out.
    index.delete(wanted[6] ?? '');
    index.set(listed(300, { title: 'Aaa first' }), 'aaa first');
    const rest: string[] = [];
    for (let next = reader.next(7); next.length > 0; next = reader.next(7)) rest.push(...next.map((s) => s.id));
    expect(rest).toEqual(wanted.slice(6));
    expect(reader.next(7)).toEqual([]);
  });
});
