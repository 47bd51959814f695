// What unlock reads of the item rows while Argon2 runs: each bucket's items in id order, from
// one pass over a covering index. A listing in another order would make every bucket fail to
// agree as a whole and be checked item by item, so the order and the plan are both checked.
import { describe, expect, it } from 'vitest';
import { readAhead, readIndexSnapshot } from '../../../electron/core/items/index-snapshot';
import { login, newVault, withRaw } from '../fixtures/vault-helpers';

describe('the read-ahead item listing', () => {
  it('lists every bucket’s items in id order with their versions and last-used times', async () => {
    const v = await newVault();
    // 600 items fill two buckets of 256 and part of a third.
    v.items.createMany(Array.from({ length: 600 }, (_, i) => login(`Site ${i}`)), 'test');
    const used = v.items.list()[7];
    if (!used) throw new Error('no items');
    v.items.useField(used.id, 'password', 'copy');
    const file = v.file;
    v.close();

    withRaw(file, (db) => {
      const snapshot = readIndexSnapshot(db);
      const rows = db.prepare('SELECT bucket, id, version, coalesce(last_used_at, -1) AS used FROM items').all() as { bucket: number; id: string; version: number; used: number }[];
      expect(snapshot.groups.size).toBe(3);
      for (const [bucket, g] of snapshot.groups) {
        const mine = rows.filter((r) => r.bucket === bucket).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(g.count).toBe(mine.length);
        expect(g.ids).toBe(mine.map((r) => r.id).join(','));
        expect(g.versions).toEqual(mine.map((r) => r.version));
        expect(g.used).toEqual(mine.map((r) => r.used));
      }
      expect([...snapshot.groups.values()].flatMap((g) => g.used).filter((u) => u !== -1)).toHaveLength(1);
    });
  });

  it('reads the covering index in one pass, with no sort of its own', async () => {
    const v = await newVault();
    const file = v.file;
    v.close();
    withRaw(file, (db) => {
      const traced: string[] = [];
      const prepare = db.prepare.bind(db);
      db.prepare = ((sql: string) => {
        traced.push(sql);
        return prepare(sql);
      }) as typeof db.prepare;
      readIndexSnapshot(db);
      const listing = traced.find((sql) => sql.includes('GROUP BY'));
      if (!listing) throw new Error('the listing query was not seen');
      const plan = (prepare(`EXPLAIN QUERY PLAN ${listing}`).all() as { detail: string }[]).map((r) => r.detail);
      expect(plan).toEqual(['SCAN items USING COVERING INDEX items_bucket_id']);
    });
  });

  it('holds the sealed buckets too, as the file has them, for a vault of up to the limit', async () => {
    const v = await newVault();
    v.items.createMany(Array.from({ length: 600 }, (_, i) => login(`Site ${i}`)), 'test');
    const file = v.file;
    v.close();
    withRaw(file, (db) => {
      const stored = db.prepare('SELECT id, version, blob, rows FROM index_buckets').all();
      expect(stored).toHaveLength(3);
      expect(readAhead(db, 600)?.blobs).toEqual(stored);
      // One item over: the load reads them one at a time instead.
      expect(readAhead(db, 599)?.blobs).toBeUndefined();
      expect(readAhead(db, 599)?.groups.size).toBe(3);
    });
  });
});
