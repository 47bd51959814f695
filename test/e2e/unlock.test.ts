// First run, lock and unlock in real Chromium against the real core: inline messages and the
// strength meter on create, a wrong password with its count and enforced wait, the report of
// failed attempts after unlocking, Ctrl+L, and auto-lock after idle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF, PASSWORD, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { box } from './support/ui';


describe.skipIf(!CHROMIUM)('create, lock and unlock', () => {
  let h: Harness;
  beforeAll(async () => {
    // One free attempt, then a short enforced wait, so the countdown shows up quickly.
    h = await startHarness(CHROMIUM as string, { throttle: { freeAttempts: 1, baseDelayMs: 1500, maxDelayMs: 1500 } });
  });
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  it('creates a vault, with inline messages, a live strength meter and the chosen KDF', async () => {
    const p = h.page;
    await p.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await box(p, 'Master password').fill('short');
    await box(p, 'Confirm master password').fill('shorter');
    await p.getByRole('button', { name: 'Create vault' }).click();
    await p.getByText('Use at least 8 characters (5 so far).').waitFor();
    await p.getByText('The two passwords do not match.').waitFor();
    expect(h.services.vault.status().exists).toBe(false);

    await box(p, 'Master password').fill('password1');
    const meter = p.getByRole('meter', { name: 'Password strength' });
    await p.locator('[role=meter][aria-valuetext="Very weak"]').waitFor();
    await box(p, 'Master password').fill(PASSWORD);
    await p.locator('[role=meter][aria-valuetext$="trong"]').waitFor();
    expect(Number(await meter.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(3);

    await box(p, 'Confirm master password').fill(PASSWORD);
    await p.getByText('Advanced: key derivation').click();
    await p.getByRole('spinbutton', { name: 'Memory (MiB)' }).fill(String(FAST_KDF.memoryMiB));
    await p.getByRole('spinbutton', { name: 'Iterations' }).fill(String(FAST_KDF.iterations));
    await p.getByRole('spinbutton', { name: 'Parallelism' }).fill(String(FAST_KDF.parallelism));
    await p.getByRole('button', { name: 'Create vault' }).click();
    await p.getByText('Your vault is empty').waitFor();
    expect(h.services.vault.opened().kdfParams()).toEqual(FAST_KDF);
  });

  it('locks with Ctrl+L; a wrong password says so, counts it and makes the user wait', async () => {
    const p = h.page;
    await p.keyboard.press('Control+KeyL');
    await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
    expect(h.services.vault.isUnlocked).toBe(false);

    await box(p, 'Master password').fill('not my password');
    await p.keyboard.press('Enter');
    await p.getByText('Wrong master password.').waitFor();
    expect(await p.getByTestId('failed-count').textContent()).toBe('1 failed attempt since the last unlock.');
    const waitButton = p.getByRole('button', { name: /^Wait \d s$/ });
    await waitButton.waitFor();
    expect(await waitButton.isDisabled()).toBe(true);
    expect(await p.getByTestId('retry-wait').textContent()).toMatch(/^Try again in \d s\.$/);

    // The button comes back by itself when the wait is over.
    const unlock = p.getByRole('button', { name: 'Unlock', exact: true });
    await unlock.waitFor({ timeout: 10_000 });
    await box(p, 'Master password').fill(PASSWORD);
    await unlock.click();
    const notice = p.getByTestId('unlock-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('1 failed unlock attempt since your last unlock');
    expect(h.services.vault.isUnlocked).toBe(true);
    await p.getByRole('button', { name: 'Dismiss notice' }).click();
    expect(await notice.count()).toBe(0);
  });

  it('returns to the unlock screen when the auto-lock service locks after idle', async () => {
    const p = h.page;
    await p.getByText('Your vault is empty').waitFor();
    h.idle.seconds = 4 * 60;
    expect(await h.services.autoLock.check()).toBe(false);
    h.idle.seconds = 6 * 60; // the default auto-lock is 5 minutes
    expect(await h.services.autoLock.check()).toBe(true);
    await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
    expect(await p.getByText('Your vault is empty').count()).toBe(0);
    h.idle.seconds = 0;
  });

  it('sends any call that finds the vault locked back to the unlock screen', async () => {
    const p = h.page;
    await box(p, 'Master password').fill(PASSWORD);
    await p.keyboard.press('Enter');
    await p.getByText('Your vault is empty').waitFor();
    // Locked behind the page's back (as the CLI or a sleep would), with no reload:
    h.services.vault.lock();
    await p.getByRole('searchbox', { name: 'Search items' }).fill('git');
    await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
