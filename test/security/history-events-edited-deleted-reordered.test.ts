// Tamper evidence of usage history: edits, deletions, reordering and a cut-off tail made with
// a raw SQLite connection are reported in plain words; incremental checks resume from an
// authenticated checkpoint; retention pruning keeps the rest verifiable.
import { describe, expect, it } from 'vitest';
import type { Vault } from '../../electron/core/vault';
import { rawHandle } from '../core/fixtures/vault-internals';
import { login, newVault, openVault, PASSWORD, withRaw } from '../core/fixtures/vault-helpers';

/** A vault with a few dozen events, closed, so the file can be tampered with. */
async function closedVaultWithHistory(): Promise<{ file: string; last: number }> {
  const v = await newVault();
  const a = v.items.create(login('GitHub'));
  const b = v.items.create(login('Gmail'));
  for (let i = 0; i < 10; i++) v.items.useField(i % 2 ? a.id : b.id, 'password', i % 3 ? 'copy' : 'reveal');
  v.items.update(a.id, { notes: 'rotated' });
  const file = v.file;
  v.close();
  const last = withRaw(file, (db) => (db.prepare('SELECT MAX(seq) AS s FROM events').get() as { s: number }).s);
  return { file, last };
}

async function reopen(file: string): Promise<Vault> {
  const v = openVault(file);
  await v.unlock(PASSWORD);
  return v;
}

describe('history chain', () => {
  it('is intact after normal use, incrementally and in full', async () => {
    const { file } = await closedVaultWithHistory();
    const v = await reopen(file);
    expect(v.activity.lastCheck?.ok).toBe(true);
    const full = v.activity.verify('full');
    expect(full).toMatchObject({ ok: true, mode: 'full', problems: [] });
    expect(full.checkedEvents).toBeGreaterThan(10);
    expect(v.history.firstBrokenLink()).toBeNull();
  });

  it('reports an edited event by number, and records the finding in the unlock event', async () => {
    const { file } = await closedVaultWithHistory();
    withRaw(file, (db) => db.prepare("UPDATE events SET kind = 'lock' WHERE seq = 5").run());
    const v = await reopen(file);
    const check = v.activity.lastCheck;
    expect(check?.ok).toBe(false);
    expect(check?.problems).toEqual([expect.objectContaining({ kind: 'edited', seq: 5 })]);
    expect(check?.problems[0]?.message).toMatch(/Event #5 .* was changed after it was recorded/);
    expect(v.history.firstBrokenLink()).toBe(5);
    const unlock = v.history.query({ kinds: ['unlock'], limit: 1 })[0];
    expect(unlock?.detail.note).toMatch(/^History check failed: Event #5/);
  });

  it('reports an edited time and an edited encrypted detail', async () => {
    const { file } = await closedVaultWithHistory();
    withRaw(file, (db) => {
      db.prepare('UPDATE events SET at = at - 3600000 WHERE seq = 7').run();
      const row = db.prepare('SELECT detail FROM events WHERE seq = 9').get() as { detail: Buffer };
      const b = Buffer.from(row.detail);
      b[30] = (b[30] ?? 0) ^ 1;
      db.prepare('UPDATE events SET detail = ? WHERE seq = 9').run(b);
    });
    const v = await reopen(file);
    expect(v.activity.lastCheck?.problems.map((p) => [p.kind, p.seq])).toEqual([
      ['edited', 7],
      ['edited', 9],
    ]);
  });

  it('reports events deleted from the middle as a range', async () => {
    const { file } = await closedVaultWithHistory();
    withRaw(file, (db) => db.prepare('DELETE FROM events WHERE seq IN (6, 7, 8)').run());
    const v = await reopen(file);
    const problems = v.activity.lastCheck?.problems ?? [];
    expect(problems[0]).toMatchObject({ kind: 'missing', seq: 6, toSeq: 8 });
    expect(problems[0]?.message).toBe('3 events (#6–#8) were deleted from the history.');
  });

  it('reports swapped events as out of place', async () => {
    const { file } = await closedVaultWithHistory();
    withRaw(file, (db) =>
      db.transaction(() => {
        db.prepare('UPDATE events SET seq = -1 WHERE seq = 10').run();
        db.prepare('UPDATE events SET seq = 10 WHERE seq = 11').run();
        db.prepare('UPDATE events SET seq = 11 WHERE seq = -1').run();
      })(),
    );
    const v = await reopen(file);
    const problems = v.activity.lastCheck?.problems ?? [];
    expect(problems.map((p) => [p.kind, p.seq])).toEqual([
      ['moved', 10],
      ['moved', 11],
    ]);
    expect(problems[0]?.message).toBe('Event #10 is out of place: it was recorded as event #11.');
  });

  it('detects a truncated tail through the authenticated head', async () => {
    const { file, last } = await closedVaultWithHistory();
    withRaw(file, (db) => db.prepare('DELETE FROM events WHERE seq > ?').run(last - 2));
    const v = await reopen(file);
    const problems = v.activity.lastCheck?.problems ?? [];
    expect(problems).toEqual([expect.objectContaining({ kind: 'truncated', seq: last - 1, toSeq: last })]);
    expect(problems[0]?.message).toBe(`The newest 2 events (#${last - 1}–#${last}) were deleted.`);
    // Appends continue from the head, so the gap stays visible after this session too.
    v.close();
    const again = await reopen(file);
    expect(again.activity.verify('full').problems[0]).toMatchObject({ kind: 'missing', seq: last - 1, toSeq: last });
  });

  it('reports a removed or altered head record', async () => {
    const { file } = await closedVaultWithHistory();
    withRaw(file, (db) => db.prepare("DELETE FROM meta WHERE name = 'history-head'").run());
    const v = await reopen(file);
    expect(v.activity.lastCheck?.problems[0]?.kind).toBe('head-missing');
    v.close();
    withRaw(file, (db) => db.prepare("UPDATE meta SET blob = zeroblob(72) WHERE name = 'history-head'").run());
    const w = await reopen(file);
    expect(w.activity.lastCheck?.problems[0]?.kind).toBe('head-invalid');
  });

  it('checks incrementally from the checkpoint at unlock; a full check still finds old edits', async () => {
    const { file } = await closedVaultWithHistory();
    const v = await reopen(file); // verifies everything and moves the checkpoint
    v.close();
    withRaw(file, (db) => db.prepare("UPDATE events SET source = 'cli' WHERE seq = 3").run());
    const w = await reopen(file);
    const quick = w.activity.lastCheck;
    expect(quick?.mode).toBe('incremental');
    // Only the events since the last check (lock + this unlock's predecessor) were walked.
    expect(quick?.checkedEvents).toBeLessThan(5);
    expect(quick?.ok).toBe(true);
    const full = w.activity.verify('full');
    expect(full.problems).toEqual([expect.objectContaining({ kind: 'edited', seq: 3 })]);
  });

  it('falls back to a full walk when the checkpointed event itself was changed', async () => {
    const { file } = await closedVaultWithHistory();
    (await reopen(file)).close();
    const cp = withRaw(file, (db) => {
      const head = db.prepare('SELECT MAX(seq) AS s FROM events').get() as { s: number };
      // The checkpoint is the newest event the last unlock verified: the lock before its own unlock and lock.
      db.prepare("UPDATE events SET kind = 'copy' WHERE seq = ?").run(head.s - 2);
      return head.s - 2;
    });
    const v = await reopen(file);
    expect(v.activity.lastCheck).toMatchObject({ ok: false, mode: 'full' });
    expect(v.activity.lastCheck?.problems[0]).toMatchObject({ kind: 'edited', seq: cp });
  });
});

describe('retention', () => {
  it('prunes old events in one go and the rest still verifies, across sessions', async () => {
    let now = Date.UTC(2025, 0, 1);
    const clock = () => now;
    const v = await newVault({ now: clock });
    const item = v.items.create(login('Old'));
    v.items.useField(item.id, 'password', 'copy');
    now = Date.UTC(2026, 9, 1);
    v.items.useField(item.id, 'password', 'reveal');
    const before = v.activity.count();
    expect(v.activity.retention()).toBe('forever');
    const pruned = v.activity.setRetention('90d');
    expect(pruned).toBe(3); // unlock, create, copy from January 2025
    expect(v.activity.count()).toBe(before - 3);
    expect(v.activity.retention()).toBe('90d');
    expect(v.activity.verify('full')).toMatchObject({ ok: true, prunedThrough: 3 });
    // The chart counts forget pruned events too.
    const counted = rawHandle(v).prepare('SELECT SUM(n) AS n FROM event_quarters').get() as { n: number };
    expect(counted.n).toBe(v.activity.count());
    const byDay = rawHandle(v).prepare('SELECT SUM(n) AS n FROM event_days').get() as { n: number };
    expect(byDay.n).toBe(v.activity.count());
    const file = v.file;
    v.close();
    const again = openVault(file, { now: clock });
    await again.unlock(PASSWORD);
    expect(again.activity.lastCheck?.ok).toBe(true);
    expect(again.activity.verify('full').ok).toBe(true);
    expect(again.history.query({ kinds: ['copy'] })).toEqual([]);
  });

  it('detects deletion of the first event after the pruning anchor, and a forged anchor', async () => {
    let now = Date.UTC(2025, 0, 1);
    const v = await newVault({ now: () => now });
    v.items.create(login('Old'));
    now = Date.UTC(2026, 9, 1);
    v.items.create(login('New'));
    v.activity.setRetention('1y');
    const file = v.file;
    v.close();
    withRaw(file, (db) => db.prepare('DELETE FROM events WHERE seq = (SELECT MIN(seq) FROM events)').run());
    const w = openVault(file, { now: () => now });
    await w.unlock(PASSWORD);
    expect(w.activity.verify('full').problems[0]).toMatchObject({ kind: 'missing', seq: 3 });
    w.close();
    withRaw(file, (db) => db.prepare("UPDATE meta SET blob = zeroblob(72) WHERE name = 'history-anchor'").run());
    const x = openVault(file, { now: () => now });
    await x.unlock(PASSWORD);
    expect(x.activity.verify('full').problems[0]?.kind).toBe('anchor-invalid');
  });

  it('keeps everything with the default setting, and never prunes a broken history', async () => {
    let now = Date.UTC(2020, 0, 1);
    const v = await newVault({ now: () => now });
    v.items.create(login('Ancient'));
    now = Date.UTC(2026, 9, 1);
    expect(v.activity.prune()).toBe(0);
    const file = v.file;
    v.close();
    withRaw(file, (db) => db.prepare("UPDATE events SET kind = 'copy' WHERE seq = 2").run());
    const w = openVault(file, { now: () => now });
    await w.unlock(PASSWORD);
    expect(w.activity.lastCheck?.ok).toBe(false);
    expect(w.activity.setRetention('90d')).toBe(0);
    expect(w.activity.verify('full').problems[0]).toMatchObject({ kind: 'edited', seq: 2 });
  });
});
