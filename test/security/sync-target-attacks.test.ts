// What a sync host, a sync tool or anyone who can write the shared folder can do to the target,
// and what Keystash does about it: every bad file is quarantined (reported with its reason,
// never applied), good files are still applied, and nothing is lost once the right file is back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchPath } from '../../electron/core/sync/batch-file';
import { FolderTransport } from '../../electron/core/sync/folder-transport';
import { runSync } from '../../electron/core/sync/engine';
import { syncStatus } from '../../electron/core/sync/devices';
import { Vault } from '../../electron/core/vault';
import { caught, login, PASSWORD, track, withRaw } from '../core/fixtures/vault-helpers';
import { firstDevice, joinedDevice, sharedFolder, type Device } from '../core/sync/sync-kit';

/** A and B share a folder; B has written its announce batch (1), which A has applied. */
async function pair(): Promise<{ folder: string; a: Device; b: Device; bFile: (seq: number) => string }> {
  const folder = sharedFolder();
  const a = await firstDevice(folder);
  const b = await joinedDevice(folder);
  await a.sync();
  const bId = b.vault.sync.requireState().deviceId;
  return { folder, a, b, bFile: (seq) => path.join(folder, batchPath(bId, seq)) };
}

function titles(d: Device): string[] {
  return d.vault.items.list().map((i) => i.title).sort();
}

describe('sync target attacks and accidents', () => {
  it('truncated file: quarantined until it is whole, then applied', async () => {
    const { a, b, bFile } = await pair();
    b.vault.items.create(login('Arrives in pieces'));
    await b.sync();
    const whole = fs.readFileSync(bFile(2));
    fs.writeFileSync(bFile(2), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const r = await a.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'truncated', file: expect.stringContaining('0000000002.batch') })]);
    expect(titles(a)).toEqual([]);
    fs.writeFileSync(bFile(2), whole);
    expect((await a.sync()).quarantined).toEqual([]);
    expect(titles(a)).toEqual(['Arrives in pieces']);
  });

  it('conflicted-copy duplicates: the batch applies once, the copy is reported', async () => {
    const { a, b, bFile } = await pair();
    b.vault.items.create(login('Only once'));
    await b.sync();
    fs.copyFileSync(bFile(2), bFile(2).replace('.batch', ' (conflicted copy 2026-12-01).batch'));
    const r = await a.sync();
    expect(r.pulled).toBe(1);
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'duplicate', file: expect.stringContaining('conflicted copy') })]);
    expect(titles(a)).toEqual(['Only once']);
    // A copy left behind of a batch already applied is still never applied again.
    expect((await a.sync()).quarantined).toEqual([expect.objectContaining({ reason: 'duplicate' })]);
    expect(titles(a)).toEqual(['Only once']);
  });

  it('out-of-order arrival: a later batch waits for the earlier one, then both apply in order', async () => {
    const { folder, a, b, bFile } = await pair();
    const item = b.vault.items.create(login('First'));
    await b.sync();
    b.vault.items.update(item.id, { title: 'Second' });
    await b.sync();
    const parked = path.join(folder, '..', 'parked.batch');
    fs.renameSync(bFile(2), parked);
    const r = await a.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'out-of-order', file: expect.stringContaining('0000000003.batch') })]);
    expect(titles(a)).toEqual([]);
    fs.renameSync(parked, bFile(2));
    expect((await a.sync()).quarantined).toEqual([]);
    expect(titles(a)).toEqual(['Second']);
  });

  it('missing middle batch: batches before it apply, later ones wait and are reported', async () => {
    const { a, b, bFile } = await pair();
    b.vault.items.create(login('Batch 2'));
    await b.sync();
    b.vault.items.create(login('Batch 3'));
    await b.sync();
    b.vault.items.create(login('Batch 4'));
    await b.sync();
    fs.rmSync(bFile(3));
    const r = await a.sync();
    expect(titles(a)).toEqual(['Batch 2']);
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'out-of-order', file: expect.stringContaining('0000000004.batch'), message: expect.stringContaining('batch 3') })]);
  });

  it('replayed old batch: an older batch under a later name is refused', async () => {
    const { a, b, bFile } = await pair();
    const item = b.vault.items.create({ ...login('Bank'), password: 'old-password' });
    await b.sync();
    b.vault.items.update(item.id, { password: 'new-password' });
    await b.sync();
    // The host drops batch 3 and puts a copy of batch 2 in its place, hoping to bring back the old password.
    fs.copyFileSync(bFile(2), bFile(3));
    const r = await a.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'replayed', file: expect.stringContaining('0000000003.batch') })]);
    expect(a.vault.items.withSecrets(item.id).password).toBe('old-password');
    expect(r.pulled).toBe(1);
  });

  it('rolled-back device folder: a log that now ends before what was seen is refused as a whole', async () => {
    const { a, b, bFile } = await pair();
    b.vault.items.create(login('Seen'));
    await b.sync();
    await a.sync();
    const seen = fs.readFileSync(bFile(2));
    fs.rmSync(bFile(2));
    const r = await a.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'rolled-back' })]);
    // Put back with other content (the folder restored from an older copy of another history): still refused.
    const other = Buffer.from(seen);
    other[other.length - 1] = (other[other.length - 1] ?? 0) ^ 1;
    fs.writeFileSync(bFile(2), other);
    expect((await a.sync()).quarantined).toEqual([expect.objectContaining({ reason: 'rolled-back' })]);
    expect(titles(a)).toEqual(['Seen']);
  });

  it('forged file: bytes that do not authenticate under the sync key are refused', async () => {
    const { a, b, bFile } = await pair();
    b.vault.items.create(login('Genuine'));
    await b.sync();
    const bytes = fs.readFileSync(bFile(2));
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    fs.writeFileSync(bFile(2), bytes);
    const r = await a.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'forged', file: expect.stringContaining('0000000002.batch') })]);
    expect(titles(a)).toEqual([]);
    // A whole new device folder made up by the host is refused the same way.
    const fake = bFile(1).replace(/devices\/[^/]+\//, 'devices/00000000-0000-4000-8000-000000000000/');
    fs.mkdirSync(path.dirname(fake), { recursive: true });
    fs.writeFileSync(fake, Buffer.concat([Buffer.from('KSB1\n'), Buffer.from('not a header\n'), Buffer.alloc(64)]));
    expect((await a.sync()).quarantined.map((q) => q.reason).sort()).toEqual(['forged', 'forged']);
  });

  it("another vault's file: a batch from a different sync target is refused by name", async () => {
    const { folder, a } = await pair();
    const otherFolder = sharedFolder();
    const other = await firstDevice(otherFolder, 'stranger');
    other.vault.items.create(login('Not ours'));
    await other.sync();
    const otherId = other.vault.sync.requireState().deviceId;
    const src = path.join(otherFolder, batchPath(otherId, 1));
    const dst = path.join(folder, batchPath(otherId, 1));
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(src, dst);
    const r = await a.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'other-vault' })]);
    expect(titles(a)).toEqual([]);
  });

  it("a file moved into another device's folder is refused", async () => {
    const { folder, a, b, bFile } = await pair();
    b.vault.items.create(login('Moved'));
    await b.sync();
    const cId = '11111111-2222-4333-8444-555555555555';
    const dst = path.join(folder, batchPath(cId, 1));
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(bFile(2), dst);
    fs.rmSync(bFile(2));
    const r = await a.sync();
    expect(r.quarantined).toEqual([expect.objectContaining({ reason: 'forged', file: expect.stringContaining(cId) })]);
    expect(titles(a)).toEqual([]);
  });

  it('what a device has seen of the others cannot be rolled back in its own vault file', async () => {
    const { a, b } = await pair();
    const before = withRaw(a.vault.file, (db) => db.prepare("SELECT version, blob FROM meta WHERE name = 'sync-state'").get() as { version: number; blob: Buffer });
    b.vault.items.create(login('Later'));
    await b.sync();
    await a.sync();
    withRaw(a.vault.file, (db) => db.prepare("UPDATE meta SET version = ?, blob = ? WHERE name = 'sync-state'").run(before.version, before.blob));
    expect((await caught(() => a.sync())).code).toBe('integrity');
    expect((await caught(async () => syncStatus(a.vault))).code).toBe('integrity');
  });

  it('a vault restored from an older copy (its own log on the target is ahead) refuses to write', async () => {
    const { folder, b } = await pair();
    const file = b.vault.file;
    b.vault.close();
    const old = `${file}.old`;
    fs.copyFileSync(file, old);
    const again = track(Vault.open(file));
    await again.unlock(PASSWORD);
    again.items.create(login('Written after the copy'));
    await runSync(again, FolderTransport.open(folder));
    again.close();
    fs.copyFileSync(old, file);
    const restored = track(Vault.open(file));
    await restored.unlock(PASSWORD);
    restored.items.create(login('Would reuse a batch number'));
    const err = await caught(() => runSync(restored, FolderTransport.open(folder)));
    expect(err.code).toBe('integrity');
    expect(err.message).toMatch(/restored from an older copy/);
  });
});
