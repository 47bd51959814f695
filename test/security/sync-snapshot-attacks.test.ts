// What anyone who can write the sync folder can do to a device's snapshot, and what Keystash
// does: a forged, truncated, rolled-back, misplaced or other vault's snapshot is quarantined
// (reported with its reason) and never applied, both by a device that fell behind and by a
// device joining; once the real snapshot is back, everything applies.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchPath, snapshotPath } from '../../electron/core/sync/batch-file';
import { writeSnapshot } from '../../electron/core/sync/engine';
import { FolderTransport } from '../../electron/core/sync/folder-transport';
import { login } from '../core/fixtures/vault-helpers';
import { contents, firstDevice, joinedDevice, sharedFolder, type Device } from '../core/sync/sync-kit';

/**
 * A writes items over three batches while B, which joined first, is away; then A writes a
 * snapshot, which deletes those batches. Returns the snapshot's file.
 */
async function snapshotWhileAway(): Promise<{ folder: string; a: Device; b: Device; aId: string; snap: string; seq: number }> {
  const folder = sharedFolder();
  const a = await firstDevice(folder, 'laptop');
  a.vault.items.create(login('Before'));
  await a.sync();
  const b = await joinedDevice(folder, 'desktop');
  await a.sync();
  for (let i = 0; i < 3; i++) {
    a.vault.items.create({ ...login(`Secret ${i}`), password: `pw-${i}` });
    await a.sync();
  }
  const seq = (await writeSnapshot(a.vault, FolderTransport.open(folder))) ?? 0;
  const aId = a.vault.sync.requireState().deviceId;
  return { folder, a, b, aId, seq, snap: path.join(folder, snapshotPath(aId, seq)) };
}

function titles(d: Device): string[] {
  return d.vault.items.list().map((i) => i.title).sort();
}

const reasons = (r: { quarantined: { reason: string }[] }): string[] => [...new Set(r.quarantined.map((q) => q.reason))].sort();

/** The device behind and a device joining now both refuse the snapshot with `reason`, and apply nothing of it; with the real one back, both catch up. */
async function refusedThenRecovered(s: Awaited<ReturnType<typeof snapshotWhileAway>>, whole: Buffer, reason: string): Promise<void> {
  const r = await s.b.sync();
  expect(reasons(r)).toContain(reason);
  expect(r.quarantined).toContainEqual(expect.objectContaining({ reason, file: expect.stringContaining('.snapshot') }));
  expect(titles(s.b)).toEqual(['Before']);
  const c = await joinedDevice(s.folder, 'joining');
  expect(reasons(c.joined)).toContain(reason);
  expect(titles(c)).toEqual([]);
  fs.writeFileSync(s.snap, whole);
  expect((await s.b.sync()).quarantined).toEqual([]);
  expect(contents(s.b.vault)).toEqual(contents(s.a.vault));
  expect((await c.sync()).quarantined).toEqual([]);
  expect(contents(c.vault)).toEqual(contents(s.a.vault));
}

describe('sync snapshot attacks', () => {
  it('forged snapshot: one altered byte, and it is refused as forged', async () => {
    const s = await snapshotWhileAway();
    const whole = fs.readFileSync(s.snap);
    const bad = Buffer.from(whole);
    bad[bad.length - 40]! ^= 0x01;
    fs.writeFileSync(s.snap, bad);
    await refusedThenRecovered(s, whole, 'forged');
  });

  it('truncated snapshot: waits as truncated until it is whole', async () => {
    const s = await snapshotWhileAway();
    const whole = fs.readFileSync(s.snap);
    fs.writeFileSync(s.snap, whole.subarray(0, Math.floor(whole.length / 2)));
    await refusedThenRecovered(s, whole, 'truncated');
  });

  it('rolled-back snapshot: an older snapshot under the newer one’s name is refused as rolled back', async () => {
    const s = await snapshotWhileAway();
    const older = fs.readFileSync(s.snap);
    s.a.vault.items.create(login('Later'));
    await s.a.sync();
    const seq2 = (await writeSnapshot(s.a.vault, FolderTransport.open(s.folder))) ?? 0;
    const newer = path.join(s.folder, snapshotPath(s.aId, seq2));
    expect(fs.existsSync(s.snap)).toBe(false);
    const whole = fs.readFileSync(newer);
    fs.writeFileSync(newer, older);
    await refusedThenRecovered({ ...s, snap: newer, seq: seq2 }, whole, 'rolled-back');
  });

  it('rolled-back folder: batches after the snapshot removed, the log now ends before what was seen', async () => {
    const s = await snapshotWhileAway();
    await s.b.sync();
    s.a.vault.items.create(login('After the snapshot'));
    await s.a.sync();
    await s.b.sync();
    const after = path.join(s.folder, batchPath(s.aId, s.seq + 1));
    const whole = fs.readFileSync(after);
    fs.rmSync(after);
    s.b.vault.items.create(login('Still writes'));
    const r = await s.b.sync();
    expect(r.quarantined).toContainEqual(expect.objectContaining({ reason: 'rolled-back' }));
    fs.writeFileSync(after, whole);
    expect((await s.b.sync()).quarantined).toEqual([]);
  });

  it('other vault’s snapshot: refused by name, nothing of it applied', async () => {
    const s = await snapshotWhileAway();
    const elsewhere = await snapshotWhileAway();
    const whole = fs.readFileSync(s.snap);
    // Another target's snapshot at the same place (same device id and number, so only the vault differs).
    const foreign = fs.readFileSync(elsewhere.snap).toString('latin1').replace(elsewhere.aId, s.aId);
    fs.writeFileSync(s.snap, Buffer.from(foreign, 'latin1'));
    await refusedThenRecovered(s, whole, 'other-vault');
  });

  it('a batch renamed as a snapshot, or a snapshot moved to another device’s folder, is forged', async () => {
    const s = await snapshotWhileAway();
    const whole = fs.readFileSync(s.snap);
    const bId = s.b.vault.sync.requireState().deviceId;
    await s.b.sync();
    s.b.vault.items.create(login('From b'));
    await s.b.sync();
    // b's batch 2 under the name of a's snapshot.
    fs.writeFileSync(s.snap, fs.readFileSync(path.join(s.folder, batchPath(bId, 2))));
    const c = await joinedDevice(s.folder, 'joining');
    expect(c.joined.quarantined).toContainEqual(expect.objectContaining({ reason: 'forged', file: expect.stringContaining(`${s.aId}/`) }));
    expect(titles(c)).toEqual(['From b']);
    // a's snapshot copied into b's folder.
    fs.writeFileSync(s.snap, whole);
    fs.writeFileSync(path.join(s.folder, snapshotPath(bId, 50)), whole);
    const d = await joinedDevice(s.folder, 'another');
    expect(d.joined.quarantined).toContainEqual(expect.objectContaining({ reason: 'forged', file: expect.stringContaining(`${bId}/`) }));
    expect(titles(d)).toEqual([...titles(s.a), 'From b'].sort());
  });
});
