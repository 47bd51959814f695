// The activity page's channels over a real vault: pages and counts with filters, search,
// chart counts, the failed-unlock record, the tamper check, retention and export.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, makeUnlockedHarness, ok, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await makeUnlockedHarness();
});
afterEach(() => h.cleanup());

describe('history channels', () => {
  it('page, count, search, charts, sparkline and status agree', async () => {
    const gh = ok(await h.api['item:create']({ item: { type: 'login', title: 'GitHub', password: 'pw-123456' } }));
    ok(await h.api['item:create']({ item: { type: 'note', title: 'Memo' } }));
    ok(await h.api['item:reveal']({ id: gh.id, field: 'password' }));
    ok(await h.api['item:copy-field']({ id: gh.id, field: 'password' }));
    ok(await h.api['vault:lock']({}));
    expect((await h.api['vault:unlock']({ password: 'not the password' })).ok).toBe(false);
    ok(await h.api['vault:unlock']({ password: PASSWORD }));

    const logins = ok(await h.api['history:page']({ itemType: 'login' }));
    expect(logins.map((e) => e.kind)).toEqual(['copy', 'reveal', 'create']);
    expect(ok(await h.api['history:count']({ itemType: 'login' }))).toEqual({ total: 3 });
    expect(ok(await h.api['history:count']({}))).toEqual({ total: ok(await h.api['history:page']({})).length });
    const found = ok(await h.api['history:search']({ text: 'memo' }));
    expect(found.events.map((e) => e.kind)).toEqual(['create']);
    const charts = ok(await h.api['history:charts']({ days: 7 }));
    expect(charts.perDay).toHaveLength(7);
    expect(charts.topItems[0]).toMatchObject({ itemId: gh.id, title: 'GitHub', count: 2 });
    expect(ok(await h.api['history:sparkline']({ itemId: gh.id, days: 3 })).at(-1)).toBe(3);
    const status = ok(await h.api['history:status']({}));
    expect(status.recentFailedUnlocks).toHaveLength(1);
    expect(status.lastCheck?.ok).toBe(true);
    expect(status.retention).toBe('forever');
    expect(ok(await h.api['history:verify']({ full: true }))).toMatchObject({ ok: true, mode: 'full' });
    expect(ok(await h.api['history:flags']({}))).toEqual([]);
  });

  it('sets retention; exports to the chosen path without overwriting, and records it', async () => {
    expect(ok(await h.api['history:set-retention']({ retention: '90d' }))).toEqual({ pruned: 0 });
    expect(ok(await h.api['history:status']({})).retention).toBe('90d');
    expect(ok(await h.api['history:export']({ format: 'csv' }))).toEqual({ cancelled: true });
    const file = path.join(h.dir, 'activity.csv');
    h.services.importExport.chooseSavePath = async () => file;
    const r = ok(await h.api['history:export']({ format: 'csv', filter: { kinds: ['unlock'] } }));
    expect(r).toEqual({ path: file, count: 1 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = await h.api['history:export']({ format: 'json' });
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(ok(await h.api['history:page']({ kinds: ['export'] }))).toHaveLength(1);
    expect(ok(await h.api['history:flags']({}))[0]).toMatchObject({ reason: 'export' });
  });

  it('refuses when locked', async () => {
    ok(await h.api['vault:lock']({}));
    for (const r of [await h.api['history:page']({}), await h.api['history:charts']({}), await h.api['history:export']({ format: 'csv' })]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
  });
});
