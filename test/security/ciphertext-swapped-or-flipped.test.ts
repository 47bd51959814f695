// Damage inside the file, made with SQLite directly: moved or flipped ciphertexts must be
// refused and named, never decrypted into someone else's data; a damaged search-index bucket
// must not stop unlock or hand out wrong summaries.
import { describe, expect, it } from 'vitest';
import { apiKey, caught, flipBit, login, newVault, note, openVault, PASSWORD, withRaw } from '../core/fixtures/vault-helpers';

async function threeItems() {
  const v = await newVault();
  const a = v.items.create(login('Alpha', { password: 'alpha-pass' })).id;
  const b = v.items.create(login('Bravo', { password: 'bravo-pass' })).id;
  const c = v.items.create(apiKey('Charlie', { secret: 'charlie-secret' })).id;
  const file = v.file;
  v.close();
  return { file, a, b, c };
}

describe('item records', () => {
  it('swapping two items’ detail ciphertexts → integrity error naming each item', async () => {
    const { file, a, b, c } = await threeItems();
    withRaw(file, (db) => {
      const get = db.prepare('SELECT detail FROM items WHERE id = ?').pluck();
      const da = get.get(a) as Buffer;
      const db_ = get.get(b) as Buffer;
      const set = db.prepare('UPDATE items SET detail = ? WHERE id = ?');
      set.run(db_, a);
      set.run(da, b);
    });
    const v = openVault(file);
    await v.unlock(PASSWORD); // the index buckets are intact, so unlock works
    for (const id of [a, b]) {
      const err = await caught(() => v.items.withSecrets(id));
      expect(err.code).toBe('integrity');
      expect(err.itemIds).toEqual([id]);
      expect(err.message).toContain(id);
      expect((await caught(() => v.items.useField(id, 'password', 'copy'))).code).toBe('integrity');
    }
    expect(v.items.withSecrets(c).secret).toBe('charlie-secret');
  });

  it('one flipped bit in a detail blob → integrity naming the item; writes to it are refused too', async () => {
    const { file, a, b } = await threeItems();
    flipBit(file, 'items', 'detail', 'id = ?', [a], 60);
    const v = openVault(file);
    await v.unlock(PASSWORD);
    const err = await caught(() => v.items.withSecrets(a));
    expect(err.code).toBe('integrity');
    expect(err.itemIds).toEqual([a]);
    expect(err.message).toContain('Alpha');
    expect((await caught(() => v.items.update(a, { title: 'Renamed' }))).code).toBe('integrity');
    expect((await caught(() => v.items.trash(a))).code).toBe('integrity');
    expect(v.items.withSecrets(b).password).toBe('bravo-pass');
  });

  it('a flipped nonce byte is caught as well', async () => {
    const { file, b } = await threeItems();
    flipBit(file, 'items', 'detail', 'id = ?', [b], 0);
    const v = openVault(file);
    await v.unlock(PASSWORD);
    expect((await caught(() => v.items.withSecrets(b))).itemIds).toEqual([b]);
  });
});

describe('index buckets', () => {
  it('a flipped bit in a bucket: unlock works and every item comes back from its own record', async () => {
    const { file, a, b, c } = await threeItems();
    flipBit(file, 'index_buckets', 'blob', 'id = 1', [], 50);
    const v = openVault(file);
    const report = await v.unlock(PASSWORD);
    expect(report.damagedItemIds).toEqual([]);
    expect(v.items.list().map((s) => s.title)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(v.items.summary(c)).toMatchObject({ title: 'Charlie', service: 'Stripe', hasSecret: true });
    expect(v.items.withSecrets(a).password).toBe('alpha-pass');
    // Writing to the damaged bucket repairs it instead of failing.
    const d = v.items.create(note('Delta')).id;
    v.items.update(b, { title: 'Bravo 2' });
    v.close();
    const again = openVault(file);
    expect((await again.unlock(PASSWORD)).damagedItemIds).toEqual([]);
    expect(again.items.list().map((s) => s.title)).toEqual(['Alpha', 'Bravo 2', 'Charlie', 'Delta']);
    expect(again.items.summary(d).title).toBe('Delta');
    withRaw(file, (db) => {
      expect(db.prepare('SELECT size FROM index_buckets WHERE id = 1').pluck().get()).toBe(4);
    });
  });

  it('a damaged bucket and a damaged item: the item is reported, never shown with wrong data', async () => {
    const { file, a, b, c } = await threeItems();
    flipBit(file, 'index_buckets', 'blob', 'id = 1', [], 50);
    flipBit(file, 'items', 'detail', 'id = ?', [b], 70);
    const v = openVault(file);
    const report = await v.unlock(PASSWORD);
    expect(report.damagedItemIds).toEqual([b]);
    expect(v.items.damagedIds()).toEqual([b]);
    expect(v.items.list().map((s) => s.id).sort()).toEqual([a, c].sort());
    expect((await caught(() => v.items.summary(b))).code).toBe('not-found');
  });

  it('a flipped bit in a bucket’s sealed row texts: a stale bucket, and the list shows each item’s own record', async () => {
    const { file, a, b, c } = await threeItems();
    flipBit(file, 'index_buckets', 'rows', 'id = 1', [], 30);
    const v = openVault(file);
    const report = await v.unlock(PASSWORD);
    expect(report.integrityProblems).toEqual([expect.objectContaining({ reason: 'stale-bucket', id: 'bucket 1' })]);
    expect(report.damagedItemIds).toEqual([]);
    expect(v.items.list().map((s) => [s.title, s.username])).toEqual([['Alpha', 'alpha@example.com'], ['Bravo', 'bravo@example.com'], ['Charlie', '']]);
    expect(v.items.summary(c)).toMatchObject({ service: 'Stripe', keyId: 'kid-Charlie', hasSecret: true });
    expect(v.items.withSecrets(a).password).toBe('alpha-pass');
    // The next write to the bucket writes it, and its row texts, anew.
    v.items.update(b, { title: 'Bravo 2' });
    v.close();
    const again = openVault(file);
    expect((await again.unlock(PASSWORD)).integrityProblems).toEqual([]);
    expect(again.items.list().map((s) => s.title)).toEqual(['Alpha', 'Bravo 2', 'Charlie']);
  });

  it('row texts from another bucket, or from an older write of the same one, are not trusted', async () => {
    const v = await newVault();
    // 257 items span two buckets.
    v.items.createMany(Array.from({ length: 257 }, (_, i) => login(`Item ${String(i).padStart(3, '0')}`)), 'test');
    const first = v.items.list()[0];
    const file = v.file;
    const rowsOf = (id: number) => withRaw(file, (db) => db.prepare('SELECT rows FROM index_buckets WHERE id = ?').pluck().get(id) as Buffer);
    const older = rowsOf(1);
    v.items.update(first?.id ?? '', { title: 'Item 000 renamed', username: 'new@example.com' });
    v.close();
    const setRows = (id: number, rows: Buffer) => withRaw(file, (db) => db.prepare('UPDATE index_buckets SET rows = ? WHERE id = ?').run(rows, id));
    const current = rowsOf(1);

    setRows(1, older);
    const a = openVault(file);
    expect((await a.unlock(PASSWORD)).integrityProblems).toEqual([expect.objectContaining({ reason: 'stale-bucket', id: 'bucket 1' })]);
    expect(a.items.list({ text: 'item 000' }).map((s) => [s.title, s.username])).toEqual([['Item 000 renamed', 'new@example.com']]);
    expect(a.items.list()).toHaveLength(257);
    a.close();

    setRows(1, current);
    setRows(2, rowsOf(1));
    const b = openVault(file);
    expect((await b.unlock(PASSWORD)).integrityProblems).toEqual([expect.objectContaining({ reason: 'stale-bucket', id: 'bucket 2' })]);
    const titles = b.items.list().map((s) => s.title);
    expect(titles).toHaveLength(257);
    expect(new Set(titles).size).toBe(257);
    expect(titles).toContain('Item 256');
  });

  it('a bucket moved onto another bucket id is not trusted', async () => {
    const v = await newVault();
    const ids: string[] = [];
    // 257 items span two buckets.
    v.items.createMany(Array.from({ length: 257 }, (_, i) => login(`Item ${String(i).padStart(3, '0')}`)), 'test');
    for (const s of v.items.list()) ids.push(s.id);
    const file = v.file;
    v.close();
    withRaw(file, (db) => {
      const b1 = db.prepare('SELECT blob FROM index_buckets WHERE id = 1').pluck().get() as Buffer;
      db.prepare('UPDATE index_buckets SET blob = ? WHERE id = 2').run(b1);
    });
    const again = openVault(file);
    expect((await again.unlock(PASSWORD)).damagedItemIds).toEqual([]);
    const titles = again.items.list().map((s) => s.title);
    expect(titles).toHaveLength(257);
    expect(new Set(titles).size).toBe(257);
    expect(again.items.list().map((s) => s.id).sort()).toEqual(ids.sort());
  });
});

describe('usage events', () => {
  it('swapping two events’ detail blobs → history query fails with integrity', async () => {
    const v = await newVault();
    const id = v.items.create(login('GitHub')).id;
    v.items.useField(id, 'password', 'copy');
    v.items.useField(id, 'username', 'reveal');
    expect(v.history.query().length).toBeGreaterThanOrEqual(4);
    const file = v.file;
    v.close();
    withRaw(file, (db) => {
      const rows = db.prepare('SELECT seq, detail FROM events ORDER BY seq DESC LIMIT 2').all() as { seq: number; detail: Buffer }[];
      const [x, y] = rows as [{ seq: number; detail: Buffer }, { seq: number; detail: Buffer }];
      const set = db.prepare('UPDATE events SET detail = ? WHERE seq = ?');
      set.run(y.detail, x.seq);
      set.run(x.detail, y.seq);
    });
    const again = openVault(file);
    await again.unlock(PASSWORD);
    const err = await caught(() => again.history.query({ itemId: id }));
    expect(err.code).toBe('integrity');
    expect(again.history.firstBrokenLink()).not.toBeNull();
  });
});
