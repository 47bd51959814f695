// The activity page in real Chromium against the real handlers and core: charts in both
// themes (screenshots for review), the failed-unlock notice, filters, search, unusual-activity
// flags, export, and a tampered history reported after "Verify whole history".
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAST_KDF, PASSWORD, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { box, list, row, screenshotOnFailure } from './support/ui';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const DAY = 86_400_000;

async function shot(p: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** A vault with a few weeks of use, a burst of copies and an export, through the real handlers. */
async function seedHistory(h: Harness, clock: { at: number | null }): Promise<void> {
  const start = Date.now() - 40 * DAY;
  clock.at = start;
  const ok = async <T,>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const x = await r;
    if (!x.ok) throw new Error(x.error.message);
    return x.value;
  };
  await ok(h.call('vault:create', { password: PASSWORD, kdf: FAST_KDF }));
  const titles = ['GitHub', 'Stripe live', 'Fastmail', 'AWS root', 'Home Wi-Fi'];
  const ids: string[] = [];
  for (const t of titles) {
    const item = t === 'Stripe live' || t === 'AWS root' ? { type: 'api_key', title: t, service: t, secret: `sk-${t}` } : { type: 'login', title: t, password: `pw-${t}-123` };
    ids.push((await ok(h.call('item:create', { item }))).id);
  }
  for (let d = 0; d < 40; d++) {
    clock.at = start + d * DAY + 9 * 3_600_000;
    const n = 1 + ((d * 7) % 5);
    for (let i = 0; i < n; i++) {
      const id = ids[(d + i * i) % ids.length] as string;
      const field = id === ids[1] || id === ids[3] ? 'secret' : 'password';
      if (i % 2) await ok(h.call('item:reveal', { id, field }));
      else await ok(h.call('item:copy-field', { id, field }));
      clock.at += 60_000;
    }
    if (d % 9 === 0) await ok(h.call('item:update', { id: ids[2] as string, patch: { notes: `day ${d}` } }));
  }
  clock.at = Date.now() - 2 * DAY;
  for (let i = 0; i < 12; i++) {
    await ok(h.call('item:copy-field', { id: ids[3] as string, field: 'secret' }));
    clock.at += 10_000;
  }
  h.services.importExport.chooseSavePath = async () => path.join(h.dir, 'activity-export.csv');
  clock.at = Date.now() - DAY;
  await ok(h.call('history:export', { format: 'csv' }));
  clock.at = null;
}

describe.skipIf(!CHROMIUM)('activity page', () => {
  let h: Harness | undefined;
  afterEach(async (ctx) => {
    await screenshotOnFailure(h?.page, ctx);
  });
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  it('shows failed unlocks after unlocking, charts in both themes, flags and the event list', async () => {
    const clock = { at: null as number | null };
    h = await startHarness(CHROMIUM as string, { clock, throttle: { freeAttempts: 5, baseDelayMs: 1000, maxDelayMs: 1000 }, viewport: { width: 1400, height: 1000 } });
    const p = h.page;
    await seedHistory(h, clock);
    // Locking reloads the page, as main does; a second reload here would race that one.
    await h.call('vault:lock', {});
    await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
    await box(p, 'Master password').fill('not my password');
    await p.keyboard.press('Enter');
    await p.getByText('Wrong master password.').waitFor();
    await box(p, 'Master password').fill(PASSWORD);
    await p.keyboard.press('Enter');
    await p.getByTestId('unlock-notice').waitFor();
    expect(await p.getByTestId('unlock-notice').textContent()).toContain('1 failed unlock attempt since your last unlock');

    await p.getByRole('button', { name: 'Activity' }).click();
    await p.getByRole('heading', { name: 'Activity' }).waitFor();
    const failed = p.getByTestId('failed-unlocks');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/^1 failed unlock attempt in the last 30 days: /);
    await p.getByTestId('chain-ok').waitFor();
    const flags = p.getByTestId('activity-flags');
    await flags.waitFor();
    const flagText = (await flags.textContent()) ?? '';
    expect(flagText).toContain('Data was exported from the vault.');
    expect(flagText).toMatch(/12 secrets were revealed, copied or used within \d+ min\./);
    await p.getByTestId('chart-per-day').locator('.recharts-bar-rectangle').first().waitFor();
    await p.getByTestId('chart-top-items').getByText('AWS root', { exact: true }).first().waitFor();

    const total = h.services.vault.unlocked().activity.count();
    expect(await p.getByTestId('activity-count').textContent()).toBe(`${total} events`);
    expect(await p.getByTestId('activity-list').getByRole('row').count()).toBeGreaterThan(5);
    await shot(p, 'activity-light');
    await p.emulateMedia({ colorScheme: 'dark' });
    await p.locator('html[data-theme=system]').waitFor({ state: 'attached' });
    await shot(p, 'activity-dark');
    await p.emulateMedia({ colorScheme: 'light' });
    expect(h.pageErrors).toEqual([]);
  });

  it('filters by event kind, item and source, and searches decrypted details', async () => {
    const p = (h as Harness).page;
    const count = p.getByTestId('activity-count');
    const act = (h as Harness).services.vault.unlocked().activity;
    await p.getByRole('combobox', { name: 'Event', exact: true }).selectOption('export');
    await p.getByText(/^1 event$/).waitFor();
    await p.getByTestId('activity-list').getByText('activity log as CSV').waitFor();
    await p.getByRole('combobox', { name: 'Event', exact: true }).selectOption('');
    const aws = act.page({ limit: 1000 }).find((e) => e.detail.title === 'AWS root')?.itemId as string;
    await p.getByRole('combobox', { name: 'Item', exact: true }).selectOption(aws);
    await count.filter({ hasText: `${act.count({ itemId: aws })} events` }).waitFor();
    await p.getByRole('combobox', { name: 'Item', exact: true }).selectOption('');
    await p.getByRole('combobox', { name: 'Source', exact: true }).selectOption('cli');
    await p.getByText(/^0 events$/).waitFor();
    await p.getByRole('combobox', { name: 'Source', exact: true }).selectOption('');
    await p.getByRole('searchbox', { name: 'Search activity' }).fill('fastmail');
    await count.filter({ hasText: `${act.search({ text: 'fastmail', limit: 1000 }).events.length} matches` }).waitFor();
    const rows = await p.getByTestId('activity-list').getByRole('row').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('Fastmail'))).toBe(true);
    await p.getByRole('searchbox', { name: 'Search activity' }).fill('');
  });

  it('draws a 30-day sparkline in the item detail pane', async () => {
    const hh = h as Harness;
    const p = hh.page;
    await p.getByRole('button', { name: /^All items/ }).click();
    await row(p, 'AWS root').click();
    const spark = p.getByTestId('item-sparkline');
    await spark.waitFor();
    const id = hh.services.vault.unlocked().items.list({}).find((s) => s.title === 'AWS root')?.id as string;
    const expected = hh.services.vault.unlocked().activity.sparkline(id, 30, -new Date().getTimezoneOffset()).reduce((a, b) => a + b, 0);
    expect(await spark.getByRole('img').getAttribute('aria-label')).toBe(`${expected} events in the last 30 days`);
    await p.getByRole('button', { name: 'Activity' }).click();
    await p.getByRole('heading', { name: 'Activity' }).waitFor();
  });

  it('lists recently used items by last use, and none unused for 180 days', async () => {
    const p = (h as Harness).page;
    await p.getByRole('button', { name: 'Recently used' }).click();
    await p.getByRole('heading', { name: 'Recently used' }).waitFor();
    await row(p, 'AWS root').waitFor();
    expect(await list(p).getByRole('option').count()).toBe(5);
    await p.getByRole('button', { name: 'Not used in 180 days' }).click();
    await p.getByRole('heading', { name: 'Not used in 180 days' }).waitFor();
    await p.getByText('Nothing unused for 180 days').waitFor();
    await p.screenshot({ path: 'test-results/screenshots/stale-empty.png' });
    await p.getByRole('button', { name: 'Activity' }).click();
    await p.getByRole('heading', { name: 'Activity' }).waitFor();
  });

  it('reports a tampered history after "Verify whole history"', async () => {
    const hh = h as Harness;
    const p = hh.page;
    const db = new Database(path.join(hh.dir, 'vault.keystash'));
    db.prepare("UPDATE events SET kind = 'lock' WHERE seq = 10").run();
    db.close();
    await p.getByRole('button', { name: 'Verify whole history' }).click();
    const broken = p.getByTestId('chain-broken');
    await broken.waitFor();
    expect(await broken.textContent()).toMatch(/The usage history was tampered with\..*Event #10 .* was changed after it was recorded\./);
    await shot(p, 'activity-tampered');
  });
});
