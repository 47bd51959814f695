// sync:join over real vault files and a real folder: a new machine's first run creates its vault
// from a target another device syncs to and leaves it unlocked and syncing; a wrong password, an
// empty folder or a folder that is not a target change nothing and leave no vault file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSync, setupSync } from '../../../electron/core/sync/engine';
import { FolderTransport } from '../../../electron/core/sync/folder-transport';
import { Vault } from '../../../electron/core/vault';
import { FAST_KDF, PASSWORD, makeHarness, ok, type Harness } from './helpers';

let h: Harness;
let laptop: Vault | null = null;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  laptop?.close();
  laptop = null;
  await h.cleanup();
});

const folderOf = (): string => path.join(h.dir, 'Sync');
const vaultFile = (): string => h.services.vault.path;

/** Another machine's vault syncing to the folder, with `n` items. */
async function laptopWith(n: number): Promise<Vault> {
  laptop = await Vault.create(path.join(h.dir, 'laptop.keystash'), PASSWORD, { kdf: FAST_KDF });
  for (let i = 0; i < n; i++) laptop.items.create({ type: 'login', title: `Site ${i}`, password: `pw-${i}` });
  await setupSync(laptop, PASSWORD, { kind: 'folder', path: folderOf() }, FolderTransport.open(folderOf()), 'Laptop');
  return laptop;
}

/** The vault file and anything a join might leave beside it (its temporary file, -wal, -shm). */
function vaultFiles(): string[] {
  return fs.readdirSync(h.dir).filter((f) => f.startsWith(path.basename(vaultFile())));
}

describe('sync:join', () => {
  it('creates this vault from the target, unlocked and syncing, with every item', async () => {
    const l = await laptopWith(3);
    expect(ok(await h.api['vault:status']({}))).toMatchObject({ exists: false });
    const r = ok(await h.api['sync:join']({ target: { kind: 'folder', path: folderOf() }, deviceName: 'Desktop', password: PASSWORD }));
    expect(r.report).toMatchObject({ pulled: 3, quarantined: [] });
    expect(r.unlock.failedAttempts).toEqual([]);
    expect(ok(await h.api['vault:status']({}))).toMatchObject({ exists: true, unlocked: true });
    const rows = ok(await h.api['item:list']({}));
    expect(rows.rows.map((x) => x.title).sort()).toEqual(['Site 0', 'Site 1', 'Site 2']);
    const view = ok(await h.api['sync:status']({}));
    expect(view.configured && view.status.device.name).toBe('Desktop');
    // It is a device like any other: the laptop sees it.
    await runSync(l, FolderTransport.open(folderOf()));
    expect(Object.values(l.sync.requireState().peers).map((p) => p.name)).toEqual(['Desktop']);
    expect(ok(await h.api['sync:join-progress']({}))).toBeNull();
    expect(vaultFiles().filter((f) => f.includes('.joining-'))).toEqual([]);
  });

  it('a wrong password, an empty folder or a folder that is not a target: a clear error, and no vault file', async () => {
    await laptopWith(1);
    const wrong = await h.api['sync:join']({ target: { kind: 'folder', path: folderOf() }, deviceName: 'Desktop', password: 'not the password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    const empty = path.join(h.dir, 'empty');
    fs.mkdirSync(empty);
    const none = await h.api['sync:join']({ target: { kind: 'folder', path: empty }, deviceName: 'Desktop', password: PASSWORD });
    expect(none).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/holds no Keystash vault/) } });
    const junk = path.join(h.dir, 'junk');
    fs.mkdirSync(junk);
    fs.writeFileSync(path.join(junk, 'keystash-sync.json'), '{"not":"an envelope"}');
    const invalid = await h.api['sync:join']({ target: { kind: 'folder', path: junk }, deviceName: 'Desktop', password: PASSWORD });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'integrity' } });
    expect(vaultFiles()).toEqual([]);
    expect(ok(await h.api['vault:status']({}))).toMatchObject({ exists: false });
    // After all that, the right password still joins.
    ok(await h.api['sync:join']({ target: { kind: 'folder', path: folderOf() }, deviceName: 'Desktop', password: PASSWORD }));
  });

  it('refuses when a vault already exists here, and checks its input', async () => {
    await laptopWith(0);
    ok(await h.api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
    const again = await h.api['sync:join']({ target: { kind: 'folder', path: folderOf() }, deviceName: 'Desktop', password: PASSWORD });
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } });
    const bad = await h.api['sync:join']({ target: { kind: 'folder', path: '' }, deviceName: 'Desktop', password: PASSWORD });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('the folder picker hands back the chosen folder, or null when cancelled', async () => {
    expect(ok(await h.api['sync:choose-folder']({}))).toBeNull();
    h.fileChooser.syncFolder = folderOf();
    expect(ok(await h.api['sync:choose-folder']({}))).toEqual({ path: folderOf() });
  });
});
