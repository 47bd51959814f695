// The history's alarm, witness and sliced check, at the core: an alarm outlives the head
// rewritten after it and the deletion of its findings; a damaged or foreign witness never makes
// an intact history look broken; the sliced walk agrees with the full check, also when pruning
// moved the chain's start after it began; a head written before the alarm bit still reads.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../../electron/core/history/chain-records';
import { WITNESS_FILE } from '../../../electron/core/history/history-witness';
import { login, newVault, openVault, PASSWORD, tempDir, withRaw } from '../fixtures/vault-helpers';

const DAY = 86_400_000;

describe('history alarm and witness', () => {
  it('outlives the new head and the deletion of its findings, until acknowledged', async () => {
    const v = await newVault();
    v.items.create(login('GitHub'));
    const file = v.file;
    v.close();
    withRaw(file, (db) => db.prepare("DELETE FROM meta WHERE name = 'history-head'").run());
    const w = openVault(file);
    await w.unlock(PASSWORD);
    expect(w.activity.lastCheck?.problems[0]?.kind).toBe('head-missing');
    w.close();
    withRaw(file, (db) => db.prepare("DELETE FROM meta WHERE name = 'history-alarm'").run());
    const x = openVault(file);
    await x.unlock(PASSWORD);
    const check = x.activity.verify('full');
    expect(check.ok).toBe(false);
    expect(check.alarm?.problems.map((p) => p.kind)).toEqual(['alarm-lost']);
    expect(x.activity.acknowledge().ok).toBe(true);
    expect(x.activity.verify('full')).toMatchObject({ ok: true, alarm: null });
  });

  it('ignores a witness whose tag does not verify, and one written for another vault', async () => {
    const dir = tempDir();
    const lastSeenFile = path.join(dir, 'last-seen.json');
    const v = await newVault({ lastSeenFile });
    v.items.create(login('GitHub'));
    const file = v.file;
    v.close();
    const witness = path.join(dir, WITNESS_FILE);
    const entries = JSON.parse(fs.readFileSync(witness, 'utf8')) as Record<string, { seq: number; mac: string; tag: string }>;
    const [id, entry] = Object.entries(entries)[0] ?? [];
    if (!id || !entry) throw new Error('no witness written');
    // A forged "newer" head would make the real one look older: it must not be believed.
    fs.writeFileSync(witness, JSON.stringify({ [id]: { ...entry, seq: entry.seq + 100 }, other: entry }));
    const w = openVault(file, { lastSeenFile });
    await w.unlock(PASSWORD);
    expect(w.activity.lastCheck?.ok).toBe(true);
  });

  it('reads a head record written before the alarm bit existed', () => {
    const key = new Uint8Array(32).fill(7);
    const point = { seq: 42, mac: Buffer.alloc(32, 1) };
    const v2 = encodeRecord(key, 'history-head', point, true);
    expect(decodeRecord(key, 'history-head', v2)).toMatchObject({ state: 'ok', alarm: true, point: { seq: 42 } });
    expect(decodeRecord(key, 'history-checkpoint', v2).state).toBe('invalid');
    const flipped = Buffer.from(v2);
    flipped[40] = 0; // the alarm bit cleared by hand
    expect(decodeRecord(key, 'history-head', flipped).state).toBe('invalid');
    // seq | mac | tag, as vaults wrote it before: still valid, without an alarm.
    const seq = Buffer.alloc(8);
    seq.writeBigUInt64BE(42n);
    const tag = createHmac('sha256', key).update('keystash chain-record|history-head|42|').update(point.mac).digest();
    expect(decodeRecord(key, 'history-head', Buffer.concat([seq, point.mac, tag]))).toMatchObject({ state: 'ok', alarm: false, point: { seq: 42 } });
  });
});

describe('sliced whole-chain check', () => {
  it('finds what the full check finds, a slice at a time', async () => {
    const v = await newVault();
    const item = v.items.create(login('GitHub'));
    for (let i = 0; i < 30; i++) v.items.useField(item.id, 'password', 'copy');
    expect(runSliced(v)).toMatchObject({ ok: true, mode: 'full' });
    const file = v.file;
    v.close();
    withRaw(file, (db) => db.prepare("UPDATE events SET source = 'cli' WHERE seq = 12").run());
    const w = openVault(file);
    await w.unlock(PASSWORD);
    expect(w.activity.lastCheck?.ok).toBe(true); // behind the checkpoint
    const sliced = runSliced(w);
    expect(sliced.problems).toEqual(w.activity.verify('full').problems);
    expect(sliced.problems[0]).toMatchObject({ kind: 'edited', seq: 12 });
  });

  it('starts from the new chain start when pruning moved it after the walk began', async () => {
    let now = Date.now() - 200 * DAY;
    const v = await newVault({ now: () => now });
    const item = v.items.create(login('Old'));
    for (let i = 0; i < 20; i++) v.items.useField(item.id, 'password', 'copy');
    now = Date.now();
    for (let i = 0; i < 5; i++) v.items.useField(item.id, 'password', 'reveal');
    const walk = v.activity.startFullCheck();
    expect(v.activity.continueFullCheck(walk, 0)).toBeNull(); // no budget: nothing walked yet
    expect(v.activity.setRetention('90d')).toBeGreaterThan(0);
    let report = null;
    while (!report) report = v.activity.continueFullCheck(walk, 5);
    expect(report).toMatchObject({ ok: true, mode: 'full' });
  });
});

function runSliced(v: Awaited<ReturnType<typeof newVault>>) {
  const walk = v.activity.startFullCheck();
  for (;;) {
    const r = v.activity.continueFullCheck(walk, 1);
    if (r) return r;
  }
}
