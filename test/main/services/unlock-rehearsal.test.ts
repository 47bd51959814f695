// Main starts the unlock rehearsal (core/vault/unlock-rehearsal.ts) when the lock screen first
// asks for the vault's status, once per process, and stops it before a real unlock or quit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { FAST_KDF, PASSWORD } from '../../support/kit';
import { makeTestServices, type TestServices } from '../../support/test-services';
import { ok } from '../ipc/helpers';

const made: { t: TestServices; rehearsals: string }[] = [];

/** Services whose rehearsals (of a few hundred made-up items) make their folders in `rehearsals`. */
function servicesWithRehearsal(rehearse = true): { t: TestServices; rehearsals: string; api: ReturnType<typeof createHandlers> } {
  const rehearsals = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-rehearsals-'));
  const t = makeTestServices('keystash-main-', rehearse ? { rehearseUnlock: { items: 300, tmpDir: rehearsals } } : {});
  made.push({ t, rehearsals });
  return { t, rehearsals, api: createHandlers(t.services) };
}

/** A vault created through the handlers, then locked: what the lock screen finds at the next start. */
async function lockedVault(api: ReturnType<typeof createHandlers>): Promise<void> {
  ok(await api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
  ok(await api['vault:lock']({}));
}

/** Once the rehearsal has made its throwaway vault in `rehearsals`. */
async function underWay(rehearsals: string): Promise<void> {
  await vi.waitFor(() => {
    const [name] = fs.readdirSync(rehearsals);
    expect(name && fs.existsSync(path.join(rehearsals, name, 'rehearsal.keystash'))).toBe(true);
  }, { timeout: 10_000, interval: 5 });
}

afterEach(async () => {
  for (const { t, rehearsals } of made.splice(0)) {
    await t.services.shutdown();
    fs.rmSync(t.dir, { recursive: true, force: true });
    fs.rmSync(rehearsals, { recursive: true, force: true });
  }
});

it('rehearses once, when the lock screen first asks for the status', async () => {
  const { t, api } = servicesWithRehearsal();
  await lockedVault(api);
  expect(t.services.vault.rehearsing).toBeNull();

  ok(await api['vault:status']({}));
  const first = t.services.vault.rehearsing;
  expect(first).not.toBeNull();
  expect(await first).toEqual({ state: 'completed' });
  ok(await api['vault:status']({}));
  expect(t.services.vault.rehearsing).toBe(first);
});

it('does not rehearse before a vault exists, or without the option', async () => {
  const fresh = servicesWithRehearsal();
  expect(ok(await fresh.api['vault:status']({})).exists).toBe(false);
  expect(fresh.t.services.vault.rehearsing).toBeNull();

  const off = servicesWithRehearsal(false);
  await lockedVault(off.api);
  ok(await off.api['vault:status']({}));
  expect(off.t.services.vault.rehearsing).toBeNull();
});

it('stops the rehearsal, and waits for it, before a real unlock, which then works', async () => {
  const { t, rehearsals, api } = servicesWithRehearsal();
  await lockedVault(api);
  ok(await api['vault:status']({}));
  const rehearsing = t.services.vault.rehearsing;
  await underWay(rehearsals);
  let settled = false;
  void rehearsing?.then(() => (settled = true));
  // Whether the rehearsal had ended when the real unlock began.
  const vault = t.services.vault.opened();
  const unlock = vault.unlock.bind(vault);
  let settledAtUnlock: boolean | null = null;
  vault.unlock = (password) => {
    settledAtUnlock = settled;
    return unlock(password);
  };

  ok(await api['vault:unlock']({ password: PASSWORD }));
  expect(settledAtUnlock).toBe(true);
  expect(await rehearsing).toEqual({ state: 'stopped' });
  expect(fs.readdirSync(rehearsals)).toEqual([]);
  expect(t.services.vault.isUnlocked).toBe(true);
});

it('deletes the rehearsal’s folder before quitting', async () => {
  const { t, rehearsals, api } = servicesWithRehearsal();
  await lockedVault(api);
  ok(await api['vault:status']({}));
  await underWay(rehearsals);
  await t.services.shutdown();
  expect(fs.readdirSync(rehearsals)).toEqual([]);
});
