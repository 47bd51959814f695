// Locking drops every secret: the key buffers are zeroed, the decrypted index is emptied, and
// every call that needs them fails with `locked` until the next unlock.
import { describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/core/vault';
import { sessionOf as session } from '../fixtures/vault-internals';
import { caught, login, newVault, PASSWORD } from '../fixtures/vault-helpers';

/** Every capability call that needs the key or the decrypted list, given the capabilities. */
const DATA_CALLS: [string, (c: Capabilities, id: string) => unknown][] = [
  ['items.list', (c) => c.items.list()],
  ['items.list with text', (c) => c.items.list({ text: 'git' })],
  ['items.counts', (c) => c.items.counts()],
  ['items.listedItem', (c, id) => c.items.listedItem(id)],
  ['items.summary', (c, id) => c.items.summary(id)],
  ['items.withSecrets', (c, id) => c.items.withSecrets(id)],
  ['items.record', (c, id) => c.items.record(id)],
  ['items.records', (c, id) => c.items.records([id])],
  ['items.damagedIds', (c) => c.items.damagedIds()],
  ['items.create', (c) => c.items.create(login('New'))],
  ['items.createMany', (c) => c.items.createMany([login('New')], 'x')],
  ['items.update', (c, id) => c.items.update(id, { title: 'x' })],
  ['items.trash', (c, id) => c.items.trash(id)],
  ['items.restore', (c, id) => c.items.restore(id)],
  ['items.purge', (c, id) => c.items.purge(id)],
  ['items.useField copy', (c, id) => c.items.useField(id, 'password', 'copy')],
  ['items.useField reveal', (c, id) => c.items.useField(id, 'password', 'reveal')],
  ['items.passwordHistory', (c, id) => c.items.passwordHistory(id)],
  ['items.revealPasswordHistory', (c, id) => c.items.revealPasswordHistory(id, 0)],
  ['items.resolve', (c) => c.items.resolve('GitHub')],
  ['history.query', (c) => c.history.query()],
  ['history.record', (c) => c.history.record({ kind: 'export' })],
  ['history.firstBrokenLink', (c) => c.history.firstBrokenLink()],
  ['activity.page', (c) => c.activity.page({})],
  ['activity.count', (c) => c.activity.count()],
  ['activity.search', (c) => c.activity.search({ text: 'git' })],
  ['activity.flags', (c) => c.activity.flags()],
  ['activity.status', (c) => c.activity.status()],
  ['activity.lastCheck', (c) => c.activity.lastCheck],
  ['generatorHistory.list', (c) => c.generatorHistory.list()],
  ['generatorHistory.clear', (c) => c.generatorHistory.clear()],
  ['healthScores.session', (c) => c.healthScores.session()],
  ['masterPassword.change', (c) => c.masterPassword.change(PASSWORD, 'another password')],
  ['masterPassword.verify', (c) => c.masterPassword.verify(PASSWORD)],
  ['imports.run', (c) => c.imports.run((async function* () {})(), 'x')],
];

type Capabilities = Pick<Vault, 'items' | 'history' | 'activity' | 'generatorHistory' | 'healthScores' | 'masterPassword' | 'imports'>;

/** The capability objects as a caller would keep them. */
function capabilitiesOf(v: Vault): Capabilities {
  const { items, history, activity, generatorHistory, healthScores, masterPassword, imports } = v;
  return { items, history, activity, generatorHistory, healthScores, masterPassword, imports };
}

describe('lock', () => {
  it('makes every data call fail with locked', async () => {
    const v = await newVault();
    const id = v.items.create(login('GitHub')).id;
    v.items.update(id, { password: 'second' });
    v.lock();
    expect(v.isUnlocked).toBe(false);
    expect(v.lockState()).toMatchObject({ unlocked: false });
    for (const [name, call] of DATA_CALLS) {
      const err = await caught(() => call(v, id));
      expect(err.code, name).toBe('locked');
    }
  });

  it('makes a capability kept from before the lock fail with locked too', async () => {
    const v = await newVault();
    const id = v.items.create(login('GitHub')).id;
    v.items.update(id, { password: 'second' });
    const kept = capabilitiesOf(v);
    expect(kept.items.listedItem(id).title).toBe('GitHub');
    expect(kept.activity.count()).toBeGreaterThan(0);
    v.lock();
    for (const [name, call] of DATA_CALLS) {
      const err = await caught(() => call(kept, id));
      expect(err.code, name).toBe('locked');
    }
  });

  it('zeroes the key buffers and empties the decrypted index', async () => {
    const v = await newVault();
    v.items.create(login('GitHub'));
    v.items.list({ text: 'git' }); // build the search structures
    const s = session(v);
    if (!s) throw new Error('expected an unlocked session');
    const key = s.keys.key;
    const macKey = s.keys.eventMacKey;
    expect(key.some((b) => b !== 0)).toBe(true);
    expect(macKey.some((b) => b !== 0)).toBe(true);
    expect(s.index.ids()).toHaveLength(1);

    v.lock();
    expect(session(v)).toBeNull();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(macKey.every((b) => b === 0)).toBe(true);
    expect(s.index.ids()).toEqual([]);
    expect(s.index.list()).toEqual([]);
    expect(s.damaged).toEqual([]);
  });

  it('records a lock event, and unlocking again restores everything', async () => {
    const v = await newVault();
    const id = v.items.create(login('GitHub', { password: 'kept' })).id;
    v.lock();
    v.lock(); // a second lock is a no-op
    await v.unlock(PASSWORD);
    expect(v.items.withSecrets(id).password).toBe('kept');
    expect(v.history.query({ kinds: ['lock'] })).toHaveLength(1);
  });

  it('close locks too, and a closed vault cannot be used', async () => {
    const v = await newVault();
    const s = session(v);
    v.close();
    expect(s?.keys.key.every((b) => b === 0)).toBe(true);
    expect((await caught(() => v.items.list())).code).toBe('locked');
  });
});
