// Snapshots on a real folder: a device writes its merged state, deletes its own batches the
// snapshot covers, and a device that joins afterwards, or that fell behind, gets everything
// from the snapshot and the batches after it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchPath, snapshotPath } from '../../../electron/core/sync/batch-file';
import { writeSnapshot } from '../../../electron/core/sync/engine';
import { FolderTransport } from '../../../electron/core/sync/folder-transport';
import type { SyncState } from '../../../electron/core/sync/ledger';
import { deletableBatches, SNAPSHOT_EVERY_BATCHES, SNAPSHOT_EVERY_BYTES, snapshotDue } from '../../../electron/core/sync/snapshot';
import { login } from '../fixtures/vault-helpers';
import { contents, firstDevice, joinedDevice, sharedFolder, type Device } from './sync-kit';

function ownFiles(folder: string, d: Device): string[] {
  const dir = path.join(folder, 'devices', d.vault.sync.requireState().deviceId);
  return fs.readdirSync(dir).filter((f) => !f.startsWith('key-')).sort();
}

function copiesFrom(d: Device, device: string): number {
  return d.vault.history.query({ limit: 10_000 }).filter((e) => e.kind === 'copy' && e.detail.device === device).length;
}

describe('snapshots', () => {
  it('a device joining after a snapshot gets everything from it and the later batches; covered batches are gone', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(a.vault.items.create({ ...login(`Item ${i}`), password: `pw-${i}` }).id);
      a.vault.history.record({ kind: 'copy', itemId: ids[i], detail: { title: `Item ${i}`, field: 'password' } });
      await a.sync();
    }
    a.vault.items.update(ids[0]!, { username: 'edited' });
    a.vault.items.trash(ids[1]!);
    a.vault.items.purge(ids[2]!);
    await a.sync();
    const seq = await writeSnapshot(a.vault, FolderTransport.open(folder));
    expect(seq).toBe(a.vault.sync.requireState().ownSeq);
    // Only the snapshot is left of this device's log.
    expect(ownFiles(folder, a)).toEqual([path.basename(snapshotPath('x', seq!))]);

    a.vault.items.create(login('After the snapshot'));
    a.vault.history.record({ kind: 'copy', itemId: ids[3], detail: { title: 'Item 3', field: 'password' } });
    await a.sync();
    const c = await joinedDevice(folder, 'desktop');
    expect(c.joined.quarantined).toEqual([]);
    expect(contents(c.vault)).toEqual(contents(a.vault));
    expect(c.vault.items.withSecrets(ids[0]!).username).toBe('edited');
    expect(c.vault.items.listedItem(ids[1]!).deletedAt).not.toBeNull();
    expect(copiesFrom(c, 'laptop')).toBe(5);
    // Carrying on from there: nothing again, nothing twice.
    await c.sync();
    await a.sync();
    expect(contents(c.vault)).toEqual(contents(a.vault));
    expect(copiesFrom(c, 'laptop')).toBe(5);
    expect(c.vault.sync.conflictedIds()).toEqual([]);
    expect(c.vault.history.firstBrokenLink()).toBeNull();
  });

  it('a device that fell behind reads the snapshot in place of the batches it never saw', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder, 'laptop');
    const first = a.vault.items.create(login('Before'));
    await a.sync();
    const b = await joinedDevice(folder, 'desktop');
    b.vault.items.update(first.id, { notes: 'from b' });
    await b.sync();
    // While b is away, a writes three batches, then a snapshot that deletes them.
    for (let i = 0; i < 3; i++) {
      a.vault.items.create(login(`Away ${i}`));
      a.vault.history.record({ kind: 'copy', itemId: first.id, detail: { title: 'Before', field: 'username' } });
      await a.sync();
    }
    await writeSnapshot(a.vault, FolderTransport.open(folder));
    expect(fs.existsSync(path.join(folder, batchPath(a.vault.sync.requireState().deviceId, 2)))).toBe(false);
    const r = await b.sync();
    expect(r.quarantined).toEqual([]);
    expect(contents(b.vault)).toEqual(contents(a.vault));
    expect(b.vault.items.withSecrets(first.id).notes).toBe('from b');
    expect(copiesFrom(b, 'laptop')).toBe(3);
    expect(b.vault.sync.conflictedIds()).toEqual([]);
    // And b's own log, read by a, still lines up.
    expect((await a.sync()).quarantined).toEqual([]);
  });

  it('a three-device target converges with every device snapshotting and deleting its batches', async () => {
    const folder = sharedFolder();
    const devices = [await firstDevice(folder, 'one')];
    devices.push(await joinedDevice(folder, 'two'), await joinedDevice(folder, 'three'));
    const made: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [i, d] of devices.entries()) {
        await d.sync();
        made.push(d.vault.items.create(login(`r${round} d${i}`)).id);
        if (made.length > 1) d.vault.items.update(made[made.length - 2]!, { notes: `touched by ${i} in ${round}` });
        await d.sync();
        if ((round + i) % 2 === 0) await writeSnapshot(d.vault, FolderTransport.open(folder));
      }
    }
    for (let round = 0; round < 2; round++) for (const d of devices) expect((await d.sync()).quarantined).toEqual([]);
    const late = await joinedDevice(folder, 'four');
    for (const d of [...devices, late]) expect(contents(d.vault)).toEqual(contents(devices[0]!.vault));
  });

  it('is due after enough batches or bytes, and never deletes a batch sealed under an older key', () => {
    const state = { ownSeq: 10, snapshotSeq: 0, bytesSinceSnapshot: 0 } as SyncState;
    expect(snapshotDue(state)).toBe(false);
    expect(snapshotDue({ ...state, ownSeq: SNAPSHOT_EVERY_BATCHES })).toBe(true);
    expect(snapshotDue({ ...state, bytesSinceSnapshot: SNAPSHOT_EVERY_BYTES })).toBe(true);
    expect(snapshotDue({ ...state, ownSeq: 60, snapshotSeq: 60, bytesSinceSnapshot: SNAPSHOT_EVERY_BYTES })).toBe(false);
    expect(deletableBatches({ ...state, epochFromSeq: 4 }, 8, [1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([5, 6, 7, 8]);
  });
});
