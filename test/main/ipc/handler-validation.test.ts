// Every handler refuses malformed requests with `invalid-input` and a readable message,
// and such a request changes nothing: not the vault, not the settings, not the clipboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../shared/contract';
import { FAST_KDF, PASSWORD, makeHarness, ok, type Harness } from './helpers';

let h: Harness;
let itemId = '';

beforeAll(async () => {
  h = makeHarness();
  ok(await h.api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
  itemId = ok(await h.api['item:create']({ item: { type: 'login', title: 'Mail', password: 'pw-123456', urls: ['https://x.example'] } })).id;
  h.clipboard.text = 'the user clipboard';
});
afterAll(async () => {
  await h.cleanup();
});

/** Everything a bad request could disturb, read straight from the services. */
async function snapshot(): Promise<unknown> {
  const v = h.services.vault.unlocked();
  return {
    unlocked: v.isUnlocked,
    items: v.items.list({ trash: false }).concat(v.items.list({ trash: true })),
    events: v.history.query({ limit: 10_000 }).length,
    settings: h.services.settings.get(),
    clipboard: h.clipboard.text,
    opened: [...h.opened],
  };
}

const GENERIC_BAD: unknown[] = [{ unexpected: true }, 'text', 42, [], true];

/** Requests that are well-formed JSON but wrong for the channel's schema. */
const SPECIFIC_BAD: Partial<Record<Channel, unknown[]>> = {
  'vault:create': [{ password: '' }, { password: PASSWORD, kdf: { memoryMiB: 1, iterations: 2, parallelism: 1 } }],
  'vault:unlock': [{}, { password: '' }, { password: 7 }],
  'vault:change-password': [{ current: PASSWORD }, { current: PASSWORD, next: '' }],
  'vault:measure-kdf': [{}, { kdf: { memoryMiB: 5000, iterations: 2, parallelism: 1 } }],
  'item:list': [{ sort: 'random' }, { limit: 0 }, { type: 'card' }],
  'item:get': [{}, { id: '' }, { id: 5 }],
  'item:create': [{ item: { type: 'login' } }, { item: { type: 'note', title: 'x', password: 'y' } }, { item: { type: 'login', title: 'x', expiresAt: '2026-02-30' } }],
  'item:update': [{ id: 'x' }, { id: 'x', patch: { type: 'note' } }, { id: 'x', patch: { title: '' } }],
  'item:trash': [{ id: '' }],
  'item:restore': [{ id: '' }],
  'item:purge': [{ id: '' }],
  'item:bulk': [{ ids: [], action: { kind: 'trash' } }, { ids: ['a'], action: { kind: 'explode' } }, { ids: ['a'], action: { kind: 'add-tag', tag: '' } }],
  'item:reveal': [{ id: 'x' }, { id: 'x', field: 'title' }, { id: 'x', field: 'field:abc' }],
  'item:copy-field': [{ id: 'x', field: 'urls' }, { field: 'password' }],
  'item:password-history': [{}],
  'item:reveal-history': [{ id: 'x', index: -1 }, { id: 'x', index: 1.5 }],
  'item:open-url': [{ id: 'x' }, { id: 'x', index: '0' }],
  'item:copy-url': [{ id: 'x' }, { id: 'x', index: -1 }],
  'generator:copy-offered': [{ token: '' }],
  'generator:reveal': [{ index: 100 }],
  'history:list': [{ kinds: ['nap'] }, { limit: 0 }, { since: -1 }],
  'settings:set': [{ theme: 'neon' }, { autoLockMinutes: 0 }, { clipboardClearSeconds: 1 }, { autoLockMinutes: 10, theme: 'neon' }],
};

describe.each(CHANNELS.map((c) => [c]))('%s', (channel) => {
  const cases = [...GENERIC_BAD, ...(SPECIFIC_BAD[channel] ?? [])];
  it.each(cases.map((c) => [JSON.stringify(c), c]))('refuses %s and changes nothing', async (_label, bad) => {
    const before = await snapshot();
    const r = await h.api[channel](bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-input');
    expect(r.error.message).toMatch(new RegExp(`^Invalid ${channel} request: .+\\.$`));
    expect(await snapshot()).toEqual(before);
  });
});

it('the fixture item still reads back after all the bad requests', async () => {
  expect(ok(await h.api['item:get']({ id: itemId })).title).toBe('Mail');
});
