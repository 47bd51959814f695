// What the activity page and `keystash history` read: events recorded for every operation
// from the app and the CLI, filters, search over decrypted details, chart counts, unusual
// activity flags, failed unlocks, and the CSV/JSON export.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Activity, type ActivitySession } from '../../../electron/core/history/activity';
import { DetailIndex } from '../../../electron/core/history/detail-index';
import { rawHandle, sessionOf } from '../fixtures/vault-internals';
import { apiKey, caught, login, newVault, note, openVault, PASSWORD, tempDir } from '../fixtures/vault-helpers';

const DAY = 86_400_000;

describe('events are recorded for every operation', () => {
  it('from the app and from the CLI, each with its source', async () => {
    const app = await newVault({ source: 'app' });
    const a = app.items.create(login('GitHub'));
    app.items.update(a.id, { notes: 'n' });
    app.items.useField(a.id, 'password', 'copy');
    app.items.useField(a.id, 'password', 'reveal');
    app.items.trash(a.id);
    app.items.restore(a.id);
    app.items.createMany([note('Imported')], 'CSV import');
    const file = app.file;
    app.close();

    const cli = openVault(file, { source: 'cli' });
    await expect(cli.unlock('wrong password!')).rejects.toThrow();
    await cli.unlock(PASSWORD);
    cli.items.useField(a.id, 'password', 'cli-use', 'env');
    cli.items.purge(a.id);
    cli.activity.exportTo(path.join(tempDir(), 'log.json'), 'json', {}, 'cli');
    const all = cli.history.query({ limit: 100 }).reverse();
    expect(all.map((e) => `${e.source}:${e.kind}`)).toEqual([
      'app:unlock',
      'app:create',
      'app:edit',
      'app:copy',
      'app:reveal',
      'app:delete',
      'app:restore',
      'app:import',
      'app:lock',
      'cli:unlock-failed',
      'cli:unlock',
      'cli:cli-use',
      'cli:purge',
      'cli:export',
    ]);
    expect(cli.activity.verify('full').ok).toBe(true);
    expect(cli.activity.count({ source: 'cli' })).toBe(5);
    expect(cli.activity.status().recentFailedUnlocks).toHaveLength(1);
  });
});

async function busyVault() {
  let now = Date.UTC(2026, 10, 1, 12);
  const v = await newVault({ now: () => now });
  const gh = v.items.create(login('GitHub'));
  const stripe = v.items.create(apiKey('Stripe live'));
  const memo = v.items.create(note('Wifi memo'));
  for (let i = 0; i < 3; i++) v.items.useField(gh.id, 'password', 'copy');
  now += DAY;
  v.items.useField(stripe.id, 'secret', 'reveal');
  v.items.update(memo.id, { notes: 'changed' });
  return { v, gh, stripe, memo, clock: { get now() { return now; }, set now(x: number) { now = x; } } };
}

describe('filters', () => {
  it('by item, item type, kind, source and date range; pages by beforeSeq; counts agree', async () => {
    const { v, gh, stripe, memo } = await busyVault();
    const act = v.activity;
    expect(act.page({ itemId: gh.id }).map((e) => e.kind)).toEqual(['copy', 'copy', 'copy', 'create']);
    expect(act.page({ itemType: 'api_key' }).map((e) => [e.kind, e.itemId])).toEqual([['reveal', stripe.id], ['create', stripe.id]]);
    expect(act.page({ itemType: 'note', kinds: ['edit'] }).map((e) => e.itemId)).toEqual([memo.id]);
    expect(act.page({ kinds: ['copy', 'reveal'] })).toHaveLength(4);
    expect(act.page({ source: 'cli' })).toEqual([]);
    const day2 = Date.UTC(2026, 10, 2);
    expect(act.page({ since: day2 }).map((e) => e.kind)).toEqual(['edit', 'reveal']);
    expect(act.page({ until: day2 - 1 }).every((e) => e.at < day2)).toBe(true);
    const first = act.page({ limit: 3 });
    const next = act.page({ limit: 3, beforeSeq: first[2]?.seq });
    expect([...first, ...next].map((e) => e.seq)).toEqual(act.page({ limit: 6 }).map((e) => e.seq));
    for (const f of [{}, { itemId: gh.id }, { itemType: 'api_key' as const }, { kinds: ['copy' as const] }, { since: day2 }]) {
      expect(act.count(f)).toBe(act.page({ ...f, limit: 1000 }).length);
    }
  });

  it('an item-type filter and an item of another type match nothing', async () => {
    const { v, gh } = await busyVault();
    expect(v.activity.page({ itemId: gh.id, itemType: 'note' })).toEqual([]);
    expect(v.activity.count({ itemId: gh.id, itemType: 'note' })).toBe(0);
  });
});

describe('search over decrypted details', () => {
  it('matches title, field and note, accent- and case-insensitively, with filters', async () => {
    const { v, gh } = await busyVault();
    v.items.create(login('Café Müller'));
    const act = v.activity;
    expect(act.search({ text: 'github' }).events.map((e) => e.kind)).toEqual(['copy', 'copy', 'copy', 'create']);
    expect(act.search({ text: 'cafe muller' }).events.map((e) => e.kind)).toEqual(['create']);
    expect(act.search({ text: 'secret' }).events.map((e) => e.detail.title)).toEqual(['Stripe live']);
    expect(act.search({ text: 'notes' }).events.map((e) => e.kind)).toEqual(['edit']); // the edit's note names the field
    expect(act.search({ text: 'github', kinds: ['create'] }).events.map((e) => e.itemId)).toEqual([gh.id]);
    const r = act.search({ text: 'nothing-like-this' });
    expect(r).toMatchObject({ events: [], complete: true });
  });

  it('searches further back on each call when the indexing budget runs out, and sees new events', async () => {
    const v = await newVault();
    const [kiwi, plum] = v.items.createMany([login('Kiwi bank'), login('Plum mail')], 'seed');
    for (let round = 0; round < 60; round++) {
      v.items.useField(kiwi?.id ?? '', 'username', 'copy');
      v.items.useField(plum?.id ?? '', 'password', 'reveal');
    }
    // A small decrypting step makes several calls necessary for 120 events.
    const live = sessionOf(v);
    if (!live) throw new Error('expected an unlocked session');
    const small: ActivitySession = { keys: live.keys, events: live.events, details: new DetailIndex(rawHandle(v), live.keys, 25), lastCheck: null };
    const act = new Activity(rawHandle(v), { read: () => small, write: () => small }, Date.now, { listed: () => null, idsOfType: () => [] });
    const first = act.search({ text: 'kiwi', limit: 1000 }, 0);
    expect(first.complete).toBe(false);
    let r = first;
    let calls = 1;
    while (!r.complete) {
      r = act.search({ text: 'kiwi', limit: 1000 }, 0);
      calls++;
    }
    expect(calls).toBeGreaterThan(3);
    expect(r.events).toHaveLength(60);
    expect(r.events.every((e) => e.detail.title === 'Kiwi bank' && e.kind === 'copy')).toBe(true);
    v.items.useField(kiwi?.id ?? '', 'username', 'copy');
    expect(act.search({ text: 'KIWI', limit: 1000 }).events).toHaveLength(61);
    expect(act.search({ text: 'password plum', limit: 1000 }).events).toHaveLength(60);
  });

  it('is dropped on lock', async () => {
    const { v } = await busyVault();
    const act = v.activity;
    act.search({ text: 'github' });
    v.lock();
    expect((await caught(() => act.search({ text: 'github' }))).code).toBe('locked');
  });
});

describe('charts', () => {
  it('counts per local day by kind, the most-used items, and a sparkline', async () => {
    const { v, gh, stripe, clock } = await busyVault();
    v.items.purge(v.items.create(login('Gone')).id);
    const charts = v.activity.charts({ days: 7, tzOffsetMinutes: 0 });
    expect(charts.perDay).toHaveLength(7);
    expect(charts.perDay.map((d) => d.day).slice(-2)).toEqual(['2026-11-01', '2026-11-02']);
    expect(charts.perDay.at(-2)).toMatchObject({ counts: { unlock: 1, create: 3, copy: 3 }, total: 7 });
    expect(charts.perDay.at(-1)?.counts).toEqual({ reveal: 1, edit: 1, create: 1, purge: 1 });
    expect(charts.topItems).toEqual([
      { itemId: gh.id, title: 'GitHub', type: 'login', count: 3, exists: true },
      { itemId: stripe.id, title: 'Stripe live', type: 'api_key', count: 1, exists: true },
    ]);
    expect(v.activity.sparkline(gh.id, 3)).toEqual([0, 4, 0]); // created and copied three times
    // A day west of UTC: 12:00 UTC on Nov 1 is still Nov 1 at UTC-10.
    expect(v.activity.charts({ days: 2, tzOffsetMinutes: -600 }).perDay.map((d) => d.day)).toEqual(['2026-11-01', '2026-11-02']);
    clock.now += 400 * DAY;
    expect(v.activity.charts({ days: 90 }).perDay.every((d) => d.total === 0)).toBe(true);
  });

  it('keeps a purged item in the most-used list under the title it had', async () => {
    const { v } = await busyVault();
    const gone = v.items.create(login('Old bank'));
    for (let i = 0; i < 5; i++) v.items.useField(gone.id, 'password', 'copy');
    v.items.purge(gone.id);
    expect(v.activity.charts().topItems[0]).toEqual({ itemId: gone.id, title: 'Old bank', type: null, count: 5, exists: false });
  });
});

describe('unusual activity', () => {
  it('flags every export and ≥ 10 uses within 5 minutes, merging overlapping bursts', async () => {
    const { v, gh, clock } = await busyVault();
    clock.now += DAY;
    for (let i = 0; i < 9; i++) {
      v.items.useField(gh.id, 'password', 'copy');
      clock.now += 60_000;
    }
    expect(v.activity.flags()).toEqual([]);
    clock.now += DAY;
    for (let i = 0; i < 25; i++) {
      v.items.useField(gh.id, 'password', i % 2 ? 'copy' : 'reveal');
      clock.now += 20_000;
    }
    v.activity.exportTo(path.join(tempDir(), 'h.csv'), 'csv', {}, 'app');
    const flags = v.activity.flags();
    expect(flags.map((f) => [f.reason, f.count])).toEqual([
      ['export', 1],
      ['burst', 25],
    ]);
    expect(flags[1]?.message).toBe('25 secrets were revealed, copied or used within 8 min.');
  });
});

describe('export', () => {
  it('writes CSV and JSON to new 0600 files, never overwrites, and records the export', async () => {
    const { v } = await busyVault();
    v.items.create(login('=HYPERLINK("http://evil")'));
    const dir = tempDir();
    const csvFile = path.join(dir, 'activity.csv');
    const n = v.activity.exportTo(csvFile, 'csv', {}, 'app');
    expect(fs.statSync(csvFile).mode & 0o777).toBe(0o600);
    const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(csvFile, 'utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(n);
    expect(parsed.data[0]).toMatchObject({ seq: '1', kind: 'unlock', source: 'app' });
    expect(parsed.data.at(-1)?.title).toBe('\'=HYPERLINK("http://evil")');
    const last = v.history.query({ limit: 1 })[0];
    expect(last).toMatchObject({ kind: 'export', detail: { note: 'activity log as CSV', count: n } });

    const err = await caught(() => v.activity.exportTo(csvFile, 'json', {}, 'app'));
    expect(err.code).toBe('exists');
    expect(v.history.query({ limit: 1 })[0]?.seq).toBe(last?.seq);

    const jsonFile = path.join(dir, 'copies.json');
    expect(v.activity.exportTo(jsonFile, 'json', { kinds: ['copy'] }, 'app')).toBe(3);
    const rows = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { kind: string; title: string }[];
    expect(rows.map((r) => [r.kind, r.title])).toEqual([
      ['copy', 'GitHub'],
      ['copy', 'GitHub'],
      ['copy', 'GitHub'],
    ]);
    expect(fs.statSync(jsonFile).mode & 0o777).toBe(0o600);
  });
});

describe('recently used and stale items', () => {
  it('filter the vault list by last use; never-used items count from their creation', async () => {
    let now = Date.UTC(2026, 0, 1);
    const v = await newVault({ now: () => now });
    const old = v.items.create(login('Old unused'));
    const usedLongAgo = v.items.create(login('Used long ago'));
    v.items.useField(usedLongAgo.id, 'password', 'copy');
    now += 200 * DAY;
    const fresh = v.items.create(login('New unused'));
    const busy = v.items.create(login('Busy'));
    v.items.useField(busy.id, 'password', 'reveal');
    const titles = (q: Parameters<typeof v.items.list>[0]) => v.items.list(q).map((s) => s.title);
    expect(titles({ usedSince: now - 30 * DAY })).toEqual(['Busy']);
    expect(titles({ unusedSince: now - 180 * DAY })).toEqual(['Old unused', 'Used long ago']);
    expect(titles({ sort: 'last-used' })[0]).toBe('Busy');
    expect(fresh.lastUsedAt).toBeNull();
    expect(old.id).not.toBe(fresh.id);
  });
});

describe('per-day counts across time zones', () => {
  it('match a direct count of each local day, east and west of UTC', async () => {
    let now = Date.UTC(2026, 10, 10, 0, 0);
    const v = await newVault({ now: () => now });
    const item = v.items.create(login('Zone'));
    // Events every 47 minutes for three days, so every midnight edge has some on both sides.
    for (let i = 0; i < 92; i++) {
      now += 47 * 60_000;
      v.items.useField(item.id, 'password', i % 3 ? 'copy' : 'reveal');
    }
    const all = v.history.query({ limit: 10_000 });
    for (const tz of [0, 60, 330, 345, 600, -300, -570, -720, 840]) {
      const perDay = v.activity.charts({ days: 5, tzOffsetMinutes: tz }).perDay;
      for (const d of perDay) {
        const start = Date.parse(`${d.day}T00:00:00Z`) - tz * 60_000;
        const expected = all.filter((e) => e.at >= start && e.at < start + DAY).length;
        expect([tz, d.day, d.total]).toEqual([tz, d.day, expected]);
        expect(Object.values(d.counts).reduce((a, b) => a + b, 0)).toBe(d.total);
      }
    }
  });
});
