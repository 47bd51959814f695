// Index buckets store packed summaries (empty optional fields left out). Packing must never
// lose or change a value, and unpacked summaries must not share mutable arrays.
import { describe, expect, it } from 'vitest';
import type { Item } from '../../shared/domain';
import { packSummary, summarize, unpackSummary } from '../../electron/core/item-model';

const full: Item = {
  id: 'i-1', type: 'api_key', title: 'Stripe', username: '', password: '', urls: ['https://stripe.com'], totp: '', notes: 'n',
  tags: ['work'], folder: 'F', favorite: true, fields: [{ name: 'a', value: 'b', concealed: false }, { name: 'pin', value: '1', concealed: true }],
  service: 'Stripe', keyId: 'pk', secret: 'sk', environment: 'prod', expiresAt: '2030-01-01', rotationDays: 30, createdAt: 1, updatedAt: 2, deletedAt: 3,
};
const empty: Item = {
  id: 'i-2', type: 'note', title: 'Memo', username: '', password: '', urls: [], totp: '', notes: '', tags: [], folder: '', favorite: false,
  fields: [], service: '', keyId: '', secret: '', environment: '', expiresAt: null, rotationDays: null, createdAt: 5, updatedAt: 6, deletedAt: null,
};

describe('packed summaries', () => {
  for (const item of [full, empty]) {
    it(`round-trip through JSON unchanged (${item.title})`, () => {
      const s = summarize(item);
      const back = unpackSummary(JSON.parse(JSON.stringify(packSummary(s))));
      expect(back).toEqual(s);
      expect(Object.keys(back).sort()).toEqual(Object.keys(s).sort());
    });
  }

  it('leave out only empty optional fields', () => {
    expect(Object.keys(packSummary(summarize(empty))).sort()).toEqual(['createdAt', 'id', 'title', 'type', 'updatedAt']);
    expect(packSummary(summarize(full))).toMatchObject({ favorite: true, deletedAt: 3, hasSecret: true, tags: ['work'] });
  });

  it('still read summaries written whole (before packing existed)', () => {
    expect(unpackSummary(JSON.parse(JSON.stringify(summarize(full))))).toEqual(summarize(full));
  });

  it('never share arrays between unpacked summaries', () => {
    const a = unpackSummary({ id: 'a', type: 'note', title: 'A', createdAt: 1, updatedAt: 1 });
    const b = unpackSummary({ id: 'b', type: 'note', title: 'B', createdAt: 1, updatedAt: 1 });
    a.tags.push('x');
    expect(b.tags).toEqual([]);
  });
});
