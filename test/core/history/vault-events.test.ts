// Usage history: every operation leaves an event with the right kind, item, source and time,
// and the MAC chain over the events verifies until someone edits or deletes a row with SQLite.
import { describe, expect, it } from 'vitest';
import type { EventKind } from '../../../shared/domain';
import { caught, login, newVault, note, openVault, PASSWORD, withRaw } from '../fixtures/vault-helpers';

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('usage events', () => {
  it('records every operation with its item, source and time', async () => {
    const c = clock();
    const v = await newVault({ now: c.now, source: 'cli' });
    c.advance(1_000);
    const id = v.items.create(login('GitHub', { password: 'one' })).id;
    c.advance(1_000);
    v.items.update(id, { password: 'two' });
    v.items.trash(id);
    v.items.restore(id);
    v.items.useField(id, 'password', 'copy');
    v.items.useField(id, 'username', 'reveal');
    v.items.useField(id, 'password', 'cli-use', 'env');
    const imported = v.items.createMany([note('A'), note('B')], 'csv import');
    v.items.purge(imported[0]?.id as string);
    await v.masterPassword.change(PASSWORD, 'a different password');
    v.lock();
    await v.unlock('a different password');

    const events = v.history.query().reverse();
    const kinds = events.map((e) => e.kind);
    expect(kinds).toEqual<EventKind[]>([
      'unlock', 'create', 'edit', 'delete', 'restore', 'copy', 'reveal', 'cli-use', 'import', 'purge', 'password-change', 'lock', 'unlock',
    ]);
    expect(events.every((e) => e.source === 'cli')).toBe(true);
    const byKind = (k: EventKind) => events.find((e) => e.kind === k);
    expect(byKind('create')).toMatchObject({ itemId: id, at: 1_700_000_001_000, detail: { title: 'GitHub' } });
    expect(byKind('edit')).toMatchObject({ itemId: id, at: 1_700_000_002_000, detail: { note: 'password' } });
    expect(byKind('copy')?.detail).toMatchObject({ field: 'password', title: 'GitHub' });
    expect(byKind('reveal')?.detail).toMatchObject({ field: 'username' });
    expect(byKind('import')?.detail).toMatchObject({ note: 'csv import', count: 2 });
    expect(byKind('purge')?.itemId).toBe(imported[0]?.id);
    expect(v.history.query({ itemId: id }).map((e) => e.kind)).toEqual(['cli-use', 'reveal', 'copy', 'restore', 'delete', 'edit', 'create']);
    // The edit event names fields, never values.
    expect(JSON.stringify(events)).not.toContain('one');
    expect(v.history.firstBrokenLink()).toBeNull();
  });

  it('turns failed attempts into unlock-failed events with their original times at the next unlock', async () => {
    const c = clock();
    const v = await newVault({ now: c.now, throttle: { freeAttempts: 10, baseDelayMs: 1, maxDelayMs: 1 } });
    const file = v.file;
    v.close();
    const locked = openVault(file, { now: c.now, throttle: { freeAttempts: 10, baseDelayMs: 1, maxDelayMs: 1 } });
    c.advance(5_000);
    await caught(() => locked.unlock('wrong one'));
    c.advance(7_000);
    await caught(() => locked.unlock('wrong two'));
    c.advance(60_000);
    const report = await locked.unlock(PASSWORD);
    expect(report.failedAttempts).toEqual([{ at: 1_700_000_005_000 }, { at: 1_700_000_012_000 }]);
    const failed = locked.history.query({ kinds: ['unlock-failed'] });
    expect(failed.map((e) => e.at).sort()).toEqual([1_700_000_005_000, 1_700_000_012_000]);
    expect(locked.history.query({ kinds: ['unlock'] })[0]?.at).toBe(1_700_000_072_000);
    expect(locked.history.firstBrokenLink()).toBeNull();
    // Reported once: the next unlock has nothing to report.
    locked.lock();
    expect((await locked.unlock(PASSWORD)).failedAttempts).toEqual([]);
  });
});

describe('MAC chain', () => {
  async function withHistory() {
    const v = await newVault();
    const id = v.items.create(login('GitHub')).id;
    for (let i = 0; i < 5; i++) v.items.useField(id, 'password', 'copy');
    expect(v.history.firstBrokenLink()).toBeNull();
    return v;
  }

  it('breaks when an event row is edited (time, kind or item)', async () => {
    for (const sql of [
      'UPDATE events SET at = at + 1 WHERE seq = 3',
      "UPDATE events SET kind = 'reveal' WHERE seq = 4",
      'UPDATE events SET item_id = NULL WHERE seq = 5',
      "UPDATE events SET source = 'cli' WHERE seq = 2",
    ]) {
      const v = await withHistory();
      withRaw(v.file, (db) => db.prepare(sql).run());
      const broken = v.history.firstBrokenLink();
      expect(broken, sql).not.toBeNull();
      expect(broken, sql).toBeLessThanOrEqual(5);
    }
  });

  it('breaks when an event row is deleted from the start, the middle or the end', async () => {
    for (const sql of ['DELETE FROM events WHERE seq = 3', 'DELETE FROM events WHERE seq = 1', 'DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events)']) {
      const v = await withHistory();
      withRaw(v.file, (db) => db.prepare(sql).run());
      expect(v.history.firstBrokenLink(), sql).not.toBeNull();
    }
  });
});
