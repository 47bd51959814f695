// The list's windows, checked against the whole list worked out from scratch: the index keeps
// only the first offset + limit matches of each rank while it counts the rest, so every window
// (one that crosses from one rank into the next included) and every total must still be what
// filtering, ranking and sorting all the matches would give.
import { describe, expect, it } from 'vitest';
import type { ItemQuery, ListedItem } from '../../../shared/domain';
import { haystackFor, normalize, queryTerms } from '../../../electron/core/search/search-text';
import { IndexEntry } from '../../../electron/core/search/index-entry';
import { SummaryIndex } from '../../../electron/core/search/summary-index';

const WORDS = ['Anchor', 'Bank', 'Big Anvil', 'Cloud', 'Dance', 'Éclair', 'Zone'];

const listed = (i: number): ListedItem => ({
  type: (['login', 'api_key', 'note'] as const)[i % 3] ?? 'login',
  title: [WORDS[i % WORDS.length], i % 2 === 0 ? WORDS[(i * 3) % WORDS.length] : '', String(i % 50)].filter(Boolean).join(' '),
  username: i % 4 === 1 ? `dan${i}` : `user${i}`,
  urls: i % 6 === 0 ? [`https://an${i}.example`] : [],
  noteLine: '',
  tags: i % 4 === 0 ? ['work'] : [],
  folder: i % 5 === 0 ? 'Ops' : '',
  favorite: i % 7 === 0,
  fields: [], service: '', keyId: '', environment: '', expiresAt: null, rotationDays: null,
  createdAt: i % 13, updatedAt: (i * 37) % 101, deletedAt: i % 11 === 0 ? 5 : null,
  hasPassword: true, hasSecret: false, hasTotp: false, lastUsedAt: i % 3 === 0 ? null : (i * 17) % 89,
  id: `id-${String(i).padStart(4, '0')}`,
});

/** What a query lists, from every item in title order: filtered, then ranked or sorted (stable). */
function wholeList(inTitleOrder: readonly ListedItem[], q: ItemQuery): ListedItem[] {
  const terms = queryTerms(q.text);
  const matches = inTitleOrder.filter((s) => {
    const hay = haystackFor({ ...s, notes: '' });
    return (
      (s.deletedAt !== null) === (q.trash === true) &&
      (!q.type || s.type === q.type) &&
      (q.favorite === undefined || s.favorite === q.favorite) &&
      (q.tag === undefined || s.tags.includes(q.tag)) &&
      (q.folder === undefined || s.folder === q.folder) &&
      (q.usedSince === undefined || (s.lastUsedAt ?? -1) >= q.usedSince) &&
      terms.every((t) => hay.includes(t))
    );
  });
  const sort = q.sort ?? (terms.length > 0 ? 'relevance' : 'title');
  const first = terms[0] ?? '';
  const rank = (s: ListedItem): number => {
    const t = normalize(s.title);
    return t.startsWith(first) ? 0 : t.includes(` ${first}`) ? 1 : t.includes(first) ? 2 : 3;
  };
  if (sort === 'relevance' && terms.length > 0) return matches.map((s) => [rank(s), s] as const).sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  if (sort === 'updated') return matches.sort((a, b) => b.updatedAt - a.updatedAt);
  if (sort === 'last-used') return matches.sort((a, b) => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1));
  return matches;
}

describe('list windows', () => {
  const index = new SummaryIndex();
  index.replaceAll(Array.from({ length: 700 }, (_, i) => IndexEntry.of(listed(i), haystackFor({ ...listed(i), notes: '' }))));
  const inTitleOrder = [...index.summaries()];

  const queries: ItemQuery[] = [
    { text: 'an' }, // every rank: "Anchor", "Big Anvil", "Bank"/"Dance", and only the username or URL
    { text: 'a' },
    { text: 'an 1' },
    { text: '1 an' }, // the scan is for the longer term; the rank is still the first term's
    { text: 'eclair' },
    { text: 'an', trash: true },
    { text: 'an', type: 'api_key', favorite: false },
    { text: 'an', tag: 'work', folder: 'Ops' },
    { text: 'an', usedSince: 40 },
    { text: 'an', sort: 'title' },
    { text: 'an', sort: 'updated' },
    { text: 'an', sort: 'last-used' },
    { text: 'nothing-matches' },
    {},
    { trash: true },
    { sort: 'updated', folder: 'Ops' },
  ];
  const windows: [number, number | undefined][] = [[0, 50], [0, 1], [37, 20], [120, 60], [0, undefined], [90, undefined], [5000, 10]];

  it('give exactly the slice of the whole list asked for, and its total', () => {
    for (const q of queries) {
      const all = wholeList(inTitleOrder, q);
      for (const [offset, limit] of windows) {
        const want = { items: all.slice(offset, limit === undefined ? undefined : offset + limit).map((s) => s.id), total: all.length };
        const got = index.page({ ...q, offset, ...(limit === undefined ? {} : { limit }) });
        expect({ items: got.items.map((s) => s.id), total: got.total }, JSON.stringify({ q, offset, limit })).toEqual(want);
      }
    }
  });

  it('cover every rank, so a window crossing from one rank into the next is checked', () => {
    const all = wholeList(inTitleOrder, { text: 'an' });
    const ranks = new Set(all.map((s) => {
      const t = normalize(s.title);
      return t.startsWith('an') ? 0 : t.includes(' an') ? 1 : t.includes('an') ? 2 : 3;
    }));
    expect([...ranks].sort()).toEqual([0, 1, 2, 3]);
    expect(all.length).toBeGreaterThan(200);
  });

  it('answer a scan after a scan: each query’s hits are its own', () => {
    const broad = index.page({ text: 'a', limit: 5 });
    const narrow = index.page({ text: 'zone 4', limit: 5 });
    expect(index.page({ text: 'a', limit: 5 })).toEqual(broad);
    expect(narrow.total).toBe(wholeList(inTitleOrder, { text: 'zone 4' }).length);
  });

  it('narrow a search as it is typed, widen it again when letters are taken back, and start afresh after a write', () => {
    const local = new SummaryIndex();
    const items = Array.from({ length: 700 }, (_, i) => listed(i));
    local.replaceAll(items.map((s) => IndexEntry.of(s, haystackFor({ ...s, notes: '' }))));
    const check = (text: string, window: { offset?: number; limit?: number } = { limit: 30 }): void => {
      const all = wholeList([...local.summaries()], { text });
      const got = local.page({ text, ...window });
      const from = window.offset ?? 0;
      expect({ ids: got.items.map((s) => s.id), total: got.total }, text).toEqual({
        ids: all.slice(from, window.limit === undefined ? undefined : from + window.limit).map((s) => s.id),
        total: all.length,
      });
    };
    // Typed one letter at a time, then a second term, a second window, and letters taken back.
    for (const text of ['b', 'ba', 'ban', 'bank', 'bank ', 'bank 1', 'bank 12', 'bank 1', 'bank', 'ban', 'an', 'nk 1', 'bank 1 dan', 'dan bank']) check(text);
    check('bank 1', { offset: 30, limit: 30 });
    // A write moves items in the title order and changes what matches: the next search, the same
    // text as the last one included, must see it.
    check('zone 4');
    local.delete((local.list({ text: 'zone 4' })[0] as ListedItem).id);
    const added = { ...listed(9998), title: 'Aaa zone 4 first' }; // 9998: not in the trash
    local.set(added, haystackFor({ ...added, notes: '' }));
    check('zone 4');
    expect(local.list({ text: 'zone 4' }).map((s) => s.id)).toContain(added.id);
    check('zone 40');
  });
});
