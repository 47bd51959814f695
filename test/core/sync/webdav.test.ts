// Sync through a real WebDAV server: Apache httpd with mod_dav, started on loopback for this
// file. Two vaults share the WebDAV folder the way they share a synced folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinSync, runSync, setupSync } from '../../../electron/core/sync/engine';
import { syncStatus } from '../../../electron/core/sync/devices';
import { WebdavTransport } from '../../../electron/core/sync/webdav-transport';
import { apacheMissing, startWebdav, type WebdavServer } from '../../support/apache-webdav';
import { caught, FAST_KDF, login, newVault, PASSWORD, tempDir, track } from '../fixtures/vault-helpers';

const missing = apacheMissing();
if (missing) console.log(`Skipping the WebDAV sync tests: ${missing}.`);

describe.skipIf(missing !== null)('sync through WebDAV (Apache mod_dav)', () => {
  let server: WebdavServer;
  beforeAll(async () => {
    server = await startWebdav();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sets up, joins and syncs both ways; the WebDAV password is stored only encrypted', async () => {
    const target = { kind: 'webdav' as const, url: `${server.url}`, user: server.user, password: server.password };
    const dav = await WebdavTransport.connect(target.url, target.user, target.password);
    await dav.check();
    const a = await newVault();
    const gh = a.items.create(login('GitHub'));
    expect((await setupSync(a, PASSWORD, target, dav, 'laptop')).pushed).toBe(1);
    const { vault: b, report } = await joinSync(path.join(tempDir(), 'b.keystash'), PASSWORD, target, await WebdavTransport.connect(target.url, target.user, target.password), { kdf: FAST_KDF, deviceName: 'desktop' });
    track(b);
    expect(report.pulled).toBe(1);
    expect(b.items.listedItem(gh.id).title).toBe('GitHub');
    b.items.update(gh.id, { username: 'octocat' });
    await runSync(b, dav);
    const r = await runSync(a, dav);
    expect(r).toMatchObject({ pulled: 1, quarantined: [] });
    expect(a.items.withSecrets(gh.id).username).toBe('octocat');
    expect(syncStatus(a).target).toEqual({ kind: 'webdav', url: target.url, user: server.user });
    const files = await dav.list();
    expect(files).toContain('keystash-sync.json');
    expect(files.filter((f) => f.endsWith('.batch'))).toHaveLength(3);
    // The credentials live in the sealed sync settings: not one plaintext byte of them in the files.
    for (const v of [a, b]) {
      for (const f of [v.file, `${v.file}-wal`]) {
        if (fs.existsSync(f)) expect(fs.readFileSync(f).includes(Buffer.from(server.password))).toBe(false);
      }
    }
  });

  it('the server refuses to overwrite a file, and wrong credentials are a clear error', async () => {
    const dav = await WebdavTransport.connect(server.url, server.user, server.password);
    await dav.writeNew('devices/probe.txt', new TextEncoder().encode('one'));
    expect((await caught(() => dav.writeNew('devices/probe.txt', new TextEncoder().encode('two')))).code).toBe('exists');
    expect(new TextDecoder().decode((await dav.read('devices/probe.txt')) ?? new Uint8Array())).toBe('one');
    await dav.deleteOwn('devices/probe.txt');
    expect(await dav.read('devices/probe.txt')).toBeNull();
    const wrong = await WebdavTransport.connect(server.url, server.user, 'not it');
    expect((await caught(() => wrong.check())).code).toBe('wrong-password');
    const nowhere = await WebdavTransport.connect(server.url.replace('/vault/', '/nothing-here/'), server.user, server.password);
    expect((await caught(() => nowhere.check())).code).toBe('not-found');
  });
});
