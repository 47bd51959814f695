// Locking drops every secret: the key buffers are zeroed, the decrypted index is emptied, and
// every call that needs them fails with `locked` until the next unlock.
import { describe, expect, it } from 'vitest';
import type { ItemStore } from '../../../electron/core/items/store';
import type { SessionKeys } from '../../../electron/core/vault/session-keys';
import type { Vault } from '../../../electron/core/vault';
import { caught, login, newVault, PASSWORD } from '../fixtures/vault-helpers';

/** Reads the private session at runtime (test-only, no production surface). */
function session(v: Vault): { keys: SessionKeys; items: ItemStore } | null {
  return (v as unknown as { session: { keys: SessionKeys; items: ItemStore } | null }).session;
}

const DATA_CALLS: [string, (v: Vault, id: string) => unknown][] = [
  ['list', (v) => v.list()],
  ['list with text', (v) => v.list({ text: 'git' })],
  ['counts', (v) => v.counts()],
  ['summary', (v, id) => v.summary(id)],
  ['damagedItemIds', (v) => v.damagedItemIds()],
  ['getItem', (v, id) => v.getItem(id)],
  ['create', (v) => v.create(login('New'))],
  ['createMany', (v) => v.createMany([login('New')], 'x')],
  ['update', (v, id) => v.update(id, { title: 'x' })],
  ['trash', (v, id) => v.trash(id)],
  ['restore', (v, id) => v.restore(id)],
  ['purge', (v, id) => v.purge(id)],
  ['useField copy', (v, id) => v.useField(id, 'password', 'copy')],
  ['useField reveal', (v, id) => v.useField(id, 'password', 'reveal')],
  ['passwordHistory', (v, id) => v.passwordHistory(id)],
  ['revealPasswordHistory', (v, id) => v.revealPasswordHistory(id, 0)],
  ['resolve', (v) => v.resolve('GitHub')],
  ['history', (v) => v.history()],
  ['recordEvent', (v) => v.recordEvent({ kind: 'export' })],
  ['verifyHistory', (v) => v.verifyHistory()],
  ['changePassword', (v) => v.changePassword(PASSWORD, 'another password')],
];

describe('lock', () => {
  it('makes every data call fail with locked', async () => {
    const v = await newVault();
    const id = v.create(login('GitHub')).id;
    v.update(id, { password: 'second' });
    v.lock();
    expect(v.isUnlocked).toBe(false);
    expect(v.lockState()).toMatchObject({ unlocked: false });
    for (const [name, call] of DATA_CALLS) {
      const err = await caught(() => call(v, id));
      expect(err.code, name).toBe('locked');
    }
  });

  it('zeroes the key buffers and empties the decrypted index', async () => {
    const v = await newVault();
    v.create(login('GitHub'));
    v.list({ text: 'git' }); // build the search structures
    const s = session(v);
    if (!s) throw new Error('expected an unlocked session');
    const key = s.keys.key;
    const macKey = s.keys.eventMacKey;
    expect(key.some((b) => b !== 0)).toBe(true);
    expect(macKey.some((b) => b !== 0)).toBe(true);
    expect(s.items.ids()).toHaveLength(1);

    v.lock();
    expect(session(v)).toBeNull();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(macKey.every((b) => b === 0)).toBe(true);
    expect(s.items.ids()).toEqual([]);
    expect(s.items.list()).toEqual([]);
    expect(s.items.damagedIds()).toEqual([]);
  });

  it('records a lock event, and unlocking again restores everything', async () => {
    const v = await newVault();
    const id = v.create(login('GitHub', { password: 'kept' })).id;
    v.lock();
    v.lock(); // a second lock is a no-op
    await v.unlock(PASSWORD);
    expect(v.getItem(id).password).toBe('kept');
    expect(v.history({ kinds: ['lock'] })).toHaveLength(1);
  });

  it('close locks too, and a closed vault cannot be used', async () => {
    const v = await newVault();
    const s = session(v);
    v.close();
    expect(s?.keys.key.every((b) => b === 0)).toBe(true);
    expect((await caught(() => v.list())).code).toBe('locked');
  });
});
