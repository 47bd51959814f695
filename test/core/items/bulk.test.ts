// Bulk actions on a selection: each one transaction (all or none), items it does not apply to
// left alone, one event per item changed, and everything still reads back after a reopen.
import { describe, expect, it } from 'vitest';
import { caught, dumpTables, login, newVault, note, openVault, PASSWORD } from '../fixtures/vault-helpers';

describe('bulk actions', () => {
  it('trashes many items in one go and restores exactly those (the undo)', async () => {
    const v = await newVault();
    const ids = ['A', 'B', 'C', 'D'].map((t) => v.items.create(login(t)).id);
    const already = ids[3] as string;
    v.items.trash(already);
    const r = v.items.bulk(ids, { kind: 'trash' });
    expect(r.changed.sort()).toEqual(ids.slice(0, 3).sort());
    expect(v.items.counts()).toMatchObject({ all: 0, trash: 4 });
    expect(v.history.query({ kinds: ['delete'] })).toHaveLength(4);
    v.items.bulk(r.changed, { kind: 'restore' });
    expect(v.items.counts()).toMatchObject({ all: 3, trash: 1 });
    expect(v.items.listedItem(already).deletedAt).not.toBeNull();
  });

  it('moves, tags, untags and favourites a selection; the changes survive a reopen', async () => {
    const v = await newVault();
    const ids = Array.from({ length: 300 }, (_, i) => v.items.create({ ...login(`Github ${i}`), tags: i % 2 ? ['old'] : [] }).id);
    expect(v.items.bulk(ids, { kind: 'move', folder: 'Work' }).changed).toHaveLength(300);
    expect(v.items.bulk(ids, { kind: 'add-tag', tag: 'dev' }).changed).toHaveLength(300);
    expect(v.items.bulk(ids, { kind: 'remove-tag', tag: 'old' }).changed).toHaveLength(150);
    expect(v.items.bulk(ids.slice(0, 10), { kind: 'favorite', value: true }).changed).toHaveLength(10);
    expect(v.items.counts()).toMatchObject({ favorites: 10, tags: { dev: 300 }, folders: { Work: 300 } });
    const file = v.file;
    v.close();
    const again = openVault(file);
    await again.unlock(PASSWORD);
    expect(again.items.counts()).toMatchObject({ all: 300, favorites: 10, tags: { dev: 300 }, folders: { Work: 300 } });
    expect(again.items.summary(ids[1] as string).tags).toEqual(['dev']);
    expect(again.history.query({ itemId: ids[11] as string, kinds: ['edit'] }).map((e) => e.detail.note)).toEqual(['tags', 'tags', 'folder']);
  });

  it('writes nothing when one item of the selection would become invalid', async () => {
    const v = await newVault();
    const full = v.items.create({ ...login('Full'), tags: Array.from({ length: 100 }, (_, i) => `t${i}`) }).id;
    const other = v.items.create(login('Other')).id;
    const before = dumpTables(v.file);
    const err = await caught(() => v.items.bulk([other, full], { kind: 'add-tag', tag: 'new' }));
    expect(err.code).toBe('invalid-input');
    expect(dumpTables(v.file)).toEqual(before);
    expect(v.items.summary(other).tags).toEqual([]);
  });

  it('purges only items already in the trash, and an unknown id changes nothing', async () => {
    const v = await newVault();
    const a = v.items.create(note('A')).id;
    const b = v.items.create(note('B')).id;
    v.items.trash(a);
    expect(v.items.bulk([a, b], { kind: 'purge' }).changed).toEqual([a]);
    expect(v.items.counts()).toMatchObject({ all: 1, trash: 0 });
    v.items.trash(b);
    const before = dumpTables(v.file);
    expect((await caught(() => v.items.bulk([b, 'no-such-id'], { kind: 'trash' }))).code).toBe('not-found');
    expect(dumpTables(v.file)).toEqual(before);
  });
});
