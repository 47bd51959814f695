// sync:* over a real vault and a real folder: setup, status, runs on its own after unlock and
// after changes, conflicts shown without secret values and settled, bad requests refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinSync, runSync } from '../../../electron/core/sync/engine';
import { FolderTransport } from '../../../electron/core/sync/folder-transport';
import type { Vault } from '../../../electron/core/vault';
import { FAST_KDF, PASSWORD, makeUnlockedHarness, ok, type Harness } from './helpers';

let h: Harness;
let other: Vault | null = null;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(async () => {
  other?.close();
  other = null;
  await h.cleanup();
});

const folderOf = (): string => path.join(h.dir, 'Sync');

async function setUp(): Promise<void> {
  ok(await h.api['sync:setup']({ target: { kind: 'folder', path: folderOf() }, deviceName: 'laptop', password: PASSWORD }));
}

async function joinOther(): Promise<Vault> {
  const t = FolderTransport.open(folderOf());
  const { vault } = await joinSync(path.join(h.dir, 'other.keystash'), PASSWORD, { kind: 'folder', path: folderOf() }, t, { kdf: FAST_KDF, deviceName: 'desktop' });
  other = vault;
  return vault;
}

/** Waits until the background run the timers started has finished (polled; no fixed sleep, so a loaded machine is fine). */
async function untilIdle(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const v = ok(await h.api['sync:status']({}));
    if (v.configured && !v.running) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the background sync run did not finish within 30 s');
}

describe('sync channels', () => {
  it('sets up a folder target and reports status with this device', async () => {
    expect(ok(await h.api['sync:status']({}))).toEqual({ configured: false });
    ok(await h.api['item:create']({ item: { type: 'login', title: 'GitHub' } }));
    await setUp();
    const view = ok(await h.api['sync:status']({}));
    expect(view).toMatchObject({ configured: true, running: false, status: { target: { kind: 'folder', path: folderOf() }, device: { name: 'laptop' }, pendingChanges: 0 } });
    expect(fs.existsSync(path.join(folderOf(), 'keystash-sync.json'))).toBe(true);
    ok(await h.api['sync:rename']({ deviceName: 'work laptop' }));
    const renamed = ok(await h.api['sync:status']({}));
    expect(renamed.configured && renamed.status.device.name).toBe('work laptop');
  });

  it('syncs by itself a moment after a change, and after unlock', async () => {
    await setUp();
    const b = await joinOther();
    ok(await h.api['item:create']({ item: { type: 'login', title: 'Made in the app' } }));
    // The change poll finds it, the debounce fires, the run pushes it.
    await h.timers.fireAll();
    await h.timers.fireAll();
    await untilIdle();
    await runSync(b, FolderTransport.open(folderOf()));
    expect(b.items.list().map((i) => i.title)).toContain('Made in the app');
    // Written on the other device: the app pulls it when it is unlocked next.
    b.items.create({ type: 'login', title: 'Made on the desktop' });
    await runSync(b, FolderTransport.open(folderOf()));
    ok(await h.api['vault:lock']({}));
    ok(await h.api['vault:unlock']({ password: PASSWORD }));
    await h.timers.fireAll();
    await untilIdle();
    const rows = ok(await h.api['item:list']({}));
    expect(JSON.stringify(rows)).toContain('Made on the desktop');
  });

  it('shows a conflict without secret values, and settles it', async () => {
    await setUp();
    const item = ok(await h.api['item:create']({ item: { type: 'login', title: 'Bank', password: 'first' } }));
    ok(await h.api['sync:run']({}));
    const b = await joinOther();
    ok(await h.api['item:update']({ id: item.id, patch: { title: 'Bank (app)', password: 'from-app' } }));
    ok(await h.api['sync:run']({}));
    b.items.update(item.id, { title: 'Bank (desktop)', password: 'from-desktop' });
    await runSync(b, FolderTransport.open(folderOf()));
    const r = ok(await h.api['sync:run']({}));
    expect(r.conflicts).toBe(1);
    const conflicts = ok(await h.api['sync:conflicts']({}));
    expect(conflicts).toEqual([
      {
        id: item.id,
        title: 'Bank (desktop)',
        fields: expect.arrayContaining([
          { field: 'title', secret: false, current: 'Bank (desktop)', other: 'Bank (app)' },
          { field: 'password', secret: true, current: null, other: null, revealCurrent: 'password', otherHistoryIndex: expect.any(Number) },
        ]),
      },
    ]);
    expect(JSON.stringify(conflicts)).not.toMatch(/from-app|from-desktop/);
    // The item's own page asks for its conflict alone; secrets come only through the logged reveal channels.
    const one = ok(await h.api['sync:conflict']({ id: item.id }));
    expect(one).toEqual(conflicts[0]);
    const password = one?.fields.find((f) => f.field === 'password');
    expect(ok(await h.api['item:reveal']({ id: item.id, field: password?.revealCurrent ?? 'password' })).value).toBe('from-desktop');
    expect(ok(await h.api['item:reveal-history']({ id: item.id, index: password?.otherHistoryIndex ?? -1 })).value).toBe('from-app');
    const reveals = h.services.vault.unlocked().history.query({ kinds: ['reveal'] });
    expect(reveals.map((e) => e.detail.field)).toEqual(expect.arrayContaining(['password', 'history:password']));
    ok(await h.api['sync:resolve']({ id: item.id, choice: 'use-other' }));
    expect(h.services.vault.unlocked().items.withSecrets(item.id)).toMatchObject({ title: 'Bank (app)', password: 'from-app' });
    expect(ok(await h.api['sync:conflicts']({}))).toEqual([]);
    expect(ok(await h.api['sync:conflict']({ id: item.id }))).toBeNull();
  });

  it('keeps both versions as two items when asked', async () => {
    await setUp();
    const item = ok(await h.api['item:create']({ item: { type: 'login', title: 'Shop' } }));
    ok(await h.api['sync:run']({}));
    const b = await joinOther();
    ok(await h.api['item:update']({ id: item.id, patch: { username: 'app-user' } }));
    ok(await h.api['sync:run']({}));
    b.items.update(item.id, { username: 'desktop-user' });
    await runSync(b, FolderTransport.open(folderOf()));
    ok(await h.api['sync:run']({}));
    ok(await h.api['sync:resolve']({ id: item.id, choice: 'keep-both' }));
    const v = h.services.vault.unlocked();
    const users = v.items.list().map((i) => [i.title, v.items.withSecrets(i.id).username]).sort();
    expect(users).toEqual(
      expect.arrayContaining([
        ['Shop', 'desktop-user'],
        ['Shop (other version)', 'app-user'],
      ]),
    );
    expect(users).toHaveLength(2);
  });

  it('refuses bad requests and a wrong password, changing nothing', async () => {
    const bad = await h.api['sync:setup']({ target: { kind: 'folder', path: '' }, deviceName: 'x', password: PASSWORD });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid-input');
    const wrong = await h.api['sync:setup']({ target: { kind: 'folder', path: folderOf() }, deviceName: 'x', password: 'not the password' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('wrong-password');
    expect(fs.existsSync(path.join(folderOf(), 'keystash-sync.json'))).toBe(false);
    const notSet = await h.api['sync:run']({});
    expect(notSet.ok ? 'ok' : notSet.error.code).toBe('not-found');
    const badUrl = await h.api['sync:test-webdav']({ url: 'not a url', user: '', password: '' });
    expect(badUrl.ok ? 'ok' : badUrl.error.code).toBe('invalid-input');
  });
});
