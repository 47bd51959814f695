// The generator, TOTP, health and API-key features in real Chromium against the real core:
// generate and copy (from main), history and its clear; generate into an item; the TOTP
// code and its countdown on a controlled clock; the health page and its links; the due-keys
// notice; "Copy as env var"; a pasted key pre-filling its service.
import { Secret } from 'otpauth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { totpCode } from '../../electron/core/items/totp';
import { seedVault, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { box, button, row, screenshotOnFailure } from './support/ui';

const SEED = Secret.fromLatin1('12345678901234567890').base32;
const START = Date.parse('2026-03-10T09:00:10Z'); // 10 s into a 30 s period
const GH = `ghp_${'aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY9zZ9'.slice(0, 36)}`;
const STRIPE = `sk_live_${'Qw3Er5Ty7Ui9'.repeat(2)}`;

const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Vault navigation' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });
const detailTitle = (p: Page) => p.locator('#detail-title');

describe.skipIf(!CHROMIUM)('generator, TOTP, health and API keys', () => {
  let h: Harness;
  let p: Page;
  const clock = { at: START as number | null };
  beforeAll(async () => {
    h = await startHarness(CHROMIUM as string, { clock });
    p = h.page;
    await p.clock.install({ time: START });
    await seedVault(h, [
      { type: 'login', title: 'Two-factor site', username: 'me', password: 'Vq7#mZ2!pL9@xR4$tK8^wN3&', totp: SEED },
      { type: 'login', title: 'Old forum', username: 'me', password: 'password1' },
      { type: 'login', title: 'Old shop', username: 'me2', password: 'password1' },
      { type: 'api_key', title: 'Payments', service: 'Stripe', secret: STRIPE, expiresAt: '2026-03-01' },
    ]);
  });
  afterEach(async (ctx) => screenshotOnFailure(p, ctx));
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  it('shows the due-keys notice after unlock, linking to the key', async () => {
    const notice = p.getByTestId('due-keys-notice');
    await notice.getByText(/1 API key needs attention/).waitFor();
    await notice.getByText(/expired/).waitFor();
    await notice.getByRole('button', { name: 'Payments' }).click();
    await detailTitle(p).filter({ hasText: 'Payments' }).waitFor();
    await button(p, 'Dismiss API key notice').click();
    expect(await notice.count()).toBe(0);
  });

  it('generates with options, keeps only copied results in a masked history with reveal, and clears it', async () => {
    await nav(p, 'Generator').click();
    const value = p.getByTestId('generated-value');
    await value.waitFor();
    expect((await value.textContent())?.length).toBe(20);
    await p.getByTestId('generated-stats').getByText(/bits of entropy · crack time/).waitFor();

    // Trying options writes no history: only a result copied (or used) is kept.
    for (const name of ['A–Z', '0–9', 'Symbols']) await p.getByRole('checkbox', { name, exact: true }).uncheck();
    await p.getByText('Nothing copied or used yet.', { exact: false }).waitFor();
    expect(h.services.vault.unlocked().generatorHistory.list()).toEqual([]);
    await p.getByRole('radio', { name: 'Passphrase' }).check();
    await p.getByTestId('generated-value').filter({ hasText: /^[a-z-]+(-[a-z-]+){5,}$/ }).waitFor();
    const phrase = (await value.textContent()) ?? '';
    await button(p, 'Copy').click();
    expect(await h.clipboard.readText()).toBe(phrase);
    await p.getByTestId('toast').filter({ hasText: /^Passphrase copied — clears in 30 s$/ }).waitFor();

    const rows = p.getByTestId('generator-history-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await p.getByRole('list', { name: 'Generator history' }).textContent()).not.toContain(phrase);
    await rows.first().getByRole('button', { name: /^Reveal passphrase from/ }).click();
    await p.getByTestId('generator-history-value').filter({ hasText: phrase }).waitFor();
    await rows.first().getByRole('button', { name: /^Hide passphrase from/ }).click();
    expect(await p.getByRole('list', { name: 'Generator history' }).textContent()).not.toContain(phrase);
    const stored = h.services.vault.unlocked().generatorHistory.list();
    expect(stored.map((e) => e.value)).toEqual([phrase]);
    // The slider is drawn by the app's stylesheet, not the native control.
    expect(await p.getByRole('slider', { name: 'Words' }).evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { appearance: string } }).getComputedStyle(el).appearance)).toBe('none');

    await button(p, 'Clear history').click();
    await p.getByRole('dialog').getByRole('button', { name: 'Clear history' }).click();
    await p.getByText('Nothing copied or used yet.', { exact: false }).waitFor();
    expect(h.services.vault.unlocked().generatorHistory.list()).toEqual([]);
  });

  it('generates a password inside the item editor and saves it with the item', async () => {
    await nav(p, 'All items').click();
    await button(p, /^New/).click();
    await p.getByRole('menuitem', { name: 'Login' }).click();
    await box(p, 'Title').fill('Generated login');
    await button(p, 'Generate a password').click();
    const group = p.getByRole('group', { name: 'Password generator' });
    await group.getByRole('radio', { name: 'PIN' }).check();
    await group.getByTestId('generated-value').filter({ hasText: /^\d{6}$/ }).waitFor();
    await group.getByRole('radio', { name: 'Password' }).check();
    await group.getByTestId('generated-value').filter({ hasText: /^.{20}$/ }).waitFor();
    const generated = (await group.getByTestId('generated-value').textContent()) ?? '';
    await button(p, 'Use this password').click();
    expect(await box(p, 'Password').inputValue()).toBe(generated);
    await button(p, 'Save').click();
    await detailTitle(p).filter({ hasText: 'Generated login' }).waitFor();
    const id = h.services.vault.unlocked().items.resolve('Generated login');
    expect(h.services.vault.unlocked().items.withSecrets(id).password).toBe(generated);
    // The PIN tried on the way is not remembered; the password used is.
    expect(h.services.vault.unlocked().generatorHistory.list().map((e) => e.value)).toEqual([generated]);
  });

  it('shows the live TOTP code with a ring countdown as soon as the item opens, refreshes it, and copies it', async () => {
    await row(p, 'Two-factor site').click();
    await detailTitle(p).filter({ hasText: 'Two-factor site' }).waitFor();
    // No eye to click, and the seed is not in the detail pane (it stays in the editor).
    expect(await p.getByRole('button', { name: /one-time code secret/i }).count()).toBe(0);
    const first = totpCode(SEED, START).code;
    const code = p.getByTestId('totp-code');
    await code.getByText(`${first.slice(0, 3)} ${first.slice(3)}`).waitFor();
    await p.getByTestId('totp-countdown').filter({ hasText: /^20 seconds left$/ }).waitFor();
    await p.locator('.totp-ring').waitFor();
    await p.clock.runFor(5_000);
    await p.getByTestId('totp-countdown').filter({ hasText: /^15 seconds left$/ }).waitFor();

    clock.at = START + 20_000; // main's clock reaches the next period with the page's
    await p.clock.runFor(15_000);
    const next = totpCode(SEED, START + 20_000).code;
    expect(next).not.toBe(first);
    await code.getByText(`${next.slice(0, 3)} ${next.slice(3)}`).waitFor();
    await p.getByTestId('totp-countdown').filter({ hasText: /^30 seconds left$/ }).waitFor();

    await button(p, 'Copy one-time code').click();
    await p.getByTestId('toast').filter({ hasText: /^One-time code copied — clears in 30 s$/ }).waitFor();
    expect(await h.clipboard.readText()).toBe(next);
    const events = h.services.vault.unlocked().history.query({ kinds: ['reveal', 'copy'] }).filter((e) => e.detail.field === 'totp');
    // Newest first: the copy, then one showing for the open pane (not one per code), both as codes.
    expect(events.map((e) => [e.kind, e.detail.note])).toEqual([['copy', 'one-time code'], ['reveal', 'one-time code']]);
    await p.getByTestId('item-events').getByText('Copied one-time code').waitFor();
    clock.at = START;
  });

  it('copies an API key as an env var and as a .env line', async () => {
    await row(p, 'Payments').click();
    await detailTitle(p).filter({ hasText: 'Payments' }).waitFor();
    await button(p, 'Copy as env var').click();
    await expect.poll(() => h.clipboard.readText()).toBe(`export STRIPE_SECRET_KEY='${STRIPE}'`);
    await button(p, 'Copy as .env line').click();
    await expect.poll(() => h.clipboard.readText()).toBe(`STRIPE_SECRET_KEY="${STRIPE}"`);
  });

  it('pre-fills the service of a pasted GitHub token and names its variable', async () => {
    await button(p, /^New/).click();
    await p.getByRole('menuitem', { name: 'API key' }).click();
    await box(p, 'Title').fill('CI token');
    await box(p, 'Secret').fill(GH);
    expect(await box(p, 'Service').inputValue()).toBe('GitHub');
    await p.getByTestId('key-format-hint').getByText('GITHUB_TOKEN').waitFor();
    await button(p, 'Save').click();
    await detailTitle(p).filter({ hasText: 'CI token' }).waitFor();
  });

  it('lists health findings with counts in the sidebar, and links open the item', async () => {
    await nav(p, 'Health').click();
    const weak = p.getByTestId('health-weak');
    await weak.waitFor();
    await weak.getByRole('button', { name: 'Old forum' }).waitFor();
    await p.getByTestId('health-reused').getByRole('button', { name: 'Old shop' }).waitFor();
    await p.getByTestId('health-expired').getByRole('button', { name: 'Payments' }).waitFor();
    const report = await h.services.health.report();
    const sidebarCount = nav(p, 'Health').locator('.nav-count');
    await sidebarCount.filter({ hasText: String(report.findings.length) }).waitFor();
    expect(await p.locator('main').textContent()).not.toContain('password1');

    await weak.getByRole('button', { name: 'Old forum' }).click();
    await detailTitle(p).filter({ hasText: 'Old forum' }).waitFor();
  });
});
