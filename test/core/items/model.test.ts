// Version 1 index buckets stored packed summaries (empty optional fields left out). Reading
// them must restore every field, and unpacked summaries must not share mutable arrays.
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/domain';
import { summarize, unpackSummary } from '../../../electron/core/items/model';

const full: Item = {
  id: 'i-1', type: 'api_key', title: 'Stripe', username: '', password: '', urls: ['https://stripe.com'], totp: '', notes: 'n',
  tags: ['work'], folder: 'F', favorite: true, fields: [{ name: 'a', value: 'b', concealed: false }, { name: 'pin', value: '1', concealed: true }],
  service: 'Stripe', keyId: 'pk', secret: 'sk', environment: 'prod', expiresAt: '2030-01-01', rotationDays: 30, createdAt: 1, updatedAt: 2, deletedAt: 3,
};
const empty: Item = {
  id: 'i-2', type: 'note', title: 'Memo', username: '', password: '', urls: [], totp: '', notes: '', tags: [], folder: '', favorite: false,
  fields: [], service: '', keyId: '', secret: '', environment: '', expiresAt: null, rotationDays: null, createdAt: 5, updatedAt: 6, deletedAt: null,
};

describe('version 1 packed summaries (read only)', () => {
  it('read summaries written whole (before packing existed)', () => {
    expect(unpackSummary(JSON.parse(JSON.stringify(summarize(full))))).toEqual(summarize(full));
  });

  it('restore left-out fields to their empty values', () => {
    expect(unpackSummary({ id: 'i-2', type: 'note', title: 'Memo', createdAt: 5, updatedAt: 6 })).toEqual(summarize(empty));
  });

  it('never share arrays between unpacked summaries', () => {
    const a = unpackSummary({ id: 'a', type: 'note', title: 'A', createdAt: 1, updatedAt: 1 });
    const b = unpackSummary({ id: 'b', type: 'note', title: 'B', createdAt: 1, updatedAt: 1 });
    a.tags.push('x');
    expect(b.tags).toEqual([]);
  });
});
