// The list's windows: a page of matches from an offset, with the number of matches in all, in
// the same order as the whole list, so the window can ask for only the rows it shows.
import { describe, expect, it } from 'vitest';
import { login, newVault } from '../fixtures/vault-helpers';

describe('list pages', () => {
  it('returns the window asked for and the total, matching the whole list', async () => {
    const v = await newVault();
    v.items.createMany(Array.from({ length: 450 }, (_, i) => login(`Site ${i}`)), 'seed');
    const all = v.items.list({ text: 'site' }).map((s) => s.id);
    const first = v.items.page({ text: 'site', limit: 200 });
    const rest = v.items.page({ text: 'site', offset: 200 });
    expect(first.total).toBe(450);
    expect(rest.total).toBe(450);
    expect([...first.items, ...rest.items].map((s) => s.id)).toEqual(all);
    const narrow = v.items.list({ text: 'site 44' }).map((s) => s.id);
    const window = v.items.page({ text: 'site 44', offset: 5, limit: 3 });
    expect(window.total).toBe(narrow.length);
    expect(window.items.map((s) => s.id)).toEqual(narrow.slice(5, 8));
    expect(v.items.page({ offset: 10_000 })).toEqual({ items: [], total: 450 });
  });
});
