// Revoking a device: everything written afterwards is sealed under a new sync key that only the
// remaining devices receive, the revoked device's later batches are ignored, and it is told.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchPath, openBatch } from '../../electron/core/sync/batch-file';
import { revokeDevice, syncStatus } from '../../electron/core/sync/devices';
import { FolderTransport } from '../../electron/core/sync/folder-transport';
import { keyOf } from '../../electron/core/sync/ledger';
import { caught, login, PASSWORD } from '../core/fixtures/vault-helpers';
import { firstDevice, joinedDevice, sharedFolder, type Device } from '../core/sync/sync-kit';

async function three(): Promise<{ folder: string; a: Device; b: Device; c: Device }> {
  const folder = sharedFolder();
  const a = await firstDevice(folder, 'laptop');
  const b = await joinedDevice(folder, 'desktop');
  const c = await joinedDevice(folder, 'lost phone');
  await a.sync();
  await b.sync();
  return { folder, a, b, c };
}

describe('a revoked device', () => {
  it('cannot read what is written after the revocation; the others can', async () => {
    const { folder, a, b, c } = await three();
    const r = await revokeDevice(a.vault, PASSWORD, 'lost phone', FolderTransport.open(folder));
    expect(r).toMatchObject({ revoked: 'lost phone', leftOut: [] });
    const secret = a.vault.items.create({ ...login('After the revocation'), password: 'new secret' });
    await a.sync();
    await b.sync();
    expect(b.vault.items.withSecrets(secret.id).password).toBe('new secret');
    // B now writes with the new key too, and A reads it.
    b.vault.items.update(secret.id, { username: 'from b' });
    await b.sync();
    await a.sync();
    expect(a.vault.items.withSecrets(secret.id).username).toBe('from b');

    // C holds only the old key: A's new batch does not open for it.
    const cState = c.vault.sync.requireState();
    const aState = a.vault.sync.requireState();
    const bytes = fs.readFileSync(path.join(folder, batchPath(aState.deviceId, aState.ownSeq)));
    const opened = openBatch((e) => keyOf(cState, e), cState.syncId, aState.deviceId, aState.ownSeq, bytes);
    expect(opened).toMatchObject({ ok: false, reason: 'unknown-key' });
    // Syncing, C learns that it was revoked, and stops.
    const err = await caught(() => c.sync());
    expect(err.message).toMatch(/revoked by “laptop”/);
    expect(() => c.vault.items.listedItem(secret.id)).toThrow(/No item/);
    expect(syncStatus(a.vault).devices.find((d) => d.name === 'lost phone')?.revoked).toBe(true);
  });

  it('what it writes after the revocation is ignored by the others', async () => {
    const { folder, a, b, c } = await three();
    await revokeDevice(a.vault, PASSWORD, 'lost phone', FolderTransport.open(folder));
    await b.sync();
    c.vault.items.create(login('Planted by the revoked device'));
    await caught(() => c.sync()); // pushes, then learns it is revoked
    const ra = await a.sync();
    const rb = await b.sync();
    for (const d of [a, b]) expect(d.vault.items.list().map((i) => i.title)).not.toContain('Planted by the revoked device');
    expect(ra.pulled + rb.pulled).toBe(0);
  });

  it('a device that joins after the revocation gets the new key from its envelope and reads everything', async () => {
    const { folder, a, c } = await three();
    await revokeDevice(a.vault, PASSWORD, c.vault.sync.requireState().deviceId.slice(0, 8), FolderTransport.open(folder));
    const late = a.vault.items.create(login('Written with the new key'));
    await a.sync();
    const d = await joinedDevice(folder, 'new phone');
    expect(d.joined.quarantined).toEqual([]);
    expect(d.vault.items.listedItem(late.id).title).toBe('Written with the new key');
  });

  it('revoking needs the master password, and a device cannot revoke itself', async () => {
    const { folder, a } = await three();
    const t = FolderTransport.open(folder);
    expect((await caught(() => revokeDevice(a.vault, 'wrong password', 'desktop', t))).code).toBe('wrong-password');
    expect((await caught(() => revokeDevice(a.vault, PASSWORD, 'nobody', t))).code).toBe('not-found');
    expect(() => a.vault.sync.revoke(a.vault.sync.requireState().deviceId, '1-x', new Uint8Array(32))).toThrow(/cannot revoke itself/);
  });
});
