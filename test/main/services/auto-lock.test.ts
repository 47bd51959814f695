// Idle auto-lock and quit: the vault locks after the configured idle time, our clipboard
// copy goes with it, and quitting clears the clipboard and closes the vault.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FAST_KDF, PASSWORD, makeHarness, ok, settle, type Harness } from '../ipc/helpers';

let h: Harness;
const locks: string[] = [];

beforeEach(async () => {
  h = makeHarness();
  locks.length = 0;
  h.services.onLock((reason) => locks.push(reason));
  ok(await h.api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
});
afterEach(async () => {
  await h.cleanup();
});

it('does not lock while the machine is in use', async () => {
  h.idle.seconds = 5 * 60 - 1;
  expect(await h.services.autoLock.check()).toBe(false);
  expect(h.services.vault.isUnlocked).toBe(true);
});

it('locks after the configured idle minutes, clears our clipboard copy and tells the window', async () => {
  const id = ok(await h.api['item:create']({ item: { type: 'login', title: 'Mail', password: 'pw-123456' } })).id;
  ok(await h.api['item:copy-field']({ id, field: 'password' }));
  ok(await h.api['settings:set']({ autoLockMinutes: 2 }));
  h.idle.seconds = 120;
  expect(await h.services.autoLock.check()).toBe(true);
  expect(h.services.vault.isUnlocked).toBe(false);
  expect(h.clipboard.text).toBe('');
  expect(locks).toEqual(['idle']);
  expect(await h.api['history:list']({})).toMatchObject({ ok: false, error: { code: 'locked' } });
});

it('polls on its timer until stopped', async () => {
  h.services.autoLock.start();
  expect(h.timers.pending.size).toBe(1);
  h.timers.fireAll(); // idle 0: no lock, schedules the next poll
  await settle();
  expect(h.services.vault.isUnlocked).toBe(true);
  expect(h.timers.pending.size).toBe(1);
  h.idle.seconds = 3600;
  h.timers.fireAll();
  await settle();
  expect(h.services.vault.isUnlocked).toBe(false);
  h.services.autoLock.stop();
  expect(h.timers.pending.size).toBe(0);
});

it('quitting clears our clipboard copy and closes the vault', async () => {
  const id = ok(await h.api['item:create']({ item: { type: 'login', title: 'Mail', password: 'pw-123456' } })).id;
  ok(await h.api['item:copy-field']({ id, field: 'password' }));
  await h.services.shutdown();
  expect(h.clipboard.text).toBe('');
  expect(h.services.vault.isUnlocked).toBe(false);
});
