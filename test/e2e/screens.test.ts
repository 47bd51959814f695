// Settings through the UI (preferences, theme, master password, KDF measure and apply), and
// screenshots of the main screens in light and dark for docs/screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAST_KDF, PASSWORD, startHarness, stopShared, type Harness } from './support/harness';
import { seedLivedIn } from './support/realistic';
import { CHROMIUM } from './support/skip';
import { box, button, row, screenshotOnFailure } from './support/ui';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const NEW_PASSWORD = 'lighthouse pebble orchard winter';

async function shot(p: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  // Let the meter, toasts and fonts settle into their final frame.
  await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe.skipIf(!CHROMIUM)('settings and screenshots', () => {
  let h: Harness | undefined;
  afterEach(async (ctx) => {
    await screenshotOnFailure(h?.page, ctx);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => stopShared());

  it('saves preferences and theme, changes the master password, measures and applies KDF settings', async () => {
    const clock = { at: null as number | null };
    h = await startHarness(CHROMIUM as string, { clock });
    const p = h.page;
    await seedLivedIn(h, clock);
    await p.reload();
    await p.getByRole('button', { name: 'Settings' }).click();
    await p.getByRole('heading', { name: 'Settings' }).waitFor();

    await box(p, 'Lock after idle (minutes)').fill('0');
    await p.getByText('Use a whole number from 1 to 720.').waitFor();
    // Shorter times need no password (test/security/protection-weakened-silently.test.ts), and
    // no Save: they apply as soon as typing pauses.
    expect(await button(p, 'Save').count()).toBe(0);
    await box(p, 'Lock after idle (minutes)').fill('3');
    await box(p, 'Clear clipboard after (seconds)').fill('15');
    await p.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    const settings = h.services.settings;
    await expect.poll(() => settings.get()).toMatchObject({ autoLockMinutes: 3, clipboardClearSeconds: 15 });
    await p.getByRole('radio', { name: 'Dark' }).check();
    await p.locator('html[data-theme=dark]').waitFor({ state: 'attached' });
    expect(h.services.settings.get().theme).toBe('dark');
    await p.getByRole('radio', { name: 'System' }).check();
    await p.locator('html[data-theme=system]').waitFor({ state: 'attached' });

    await box(p, 'Current master password').first().fill('not the password');
    await box(p, 'New master password').fill(NEW_PASSWORD);
    await box(p, 'Confirm new master password').fill(NEW_PASSWORD);
    await button(p, 'Change master password').click();
    await p.getByText('The current master password is wrong; nothing was changed.').waitFor();
    await box(p, 'Current master password').first().fill(PASSWORD);
    await button(p, 'Change master password').click();
    await p.getByTestId('toast').filter({ hasText: 'Master password changed' }).waitFor();

    const kdf = p.getByRole('region', { name: 'Key derivation (Argon2id)' });
    await kdf.getByRole('spinbutton', { name: 'Iterations' }).fill('3');
    await button(p, 'Measure unlock time').click();
    await p.getByTestId('kdf-measured').filter({ hasText: /^Unlocking takes about [\d,]+ ms on this computer\.$/ }).waitFor();
    await kdf.getByRole('textbox', { name: 'Current master password' }).fill(NEW_PASSWORD);
    await button(p, 'Apply key-derivation settings').click();
    await p.getByTestId('toast').filter({ hasText: 'Key-derivation settings applied' }).waitFor();
    expect(h.services.vault.opened().kdfParams()).toEqual({ ...FAST_KDF, iterations: 3 });

    // The new password (with the new KDF) is the one that unlocks now.
    await p.keyboard.press('Control+KeyL');
    await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
    await box(p, 'Master password').fill(NEW_PASSWORD);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'All items' }).waitFor();
    expect(h.pageErrors).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`captures the main screens in the ${theme} theme`, async () => {
      const clock = { at: null as number | null };
      h = await startHarness(CHROMIUM as string, { colorScheme: theme, clock, throttle: { freeAttempts: 5, baseDelayMs: 1000, maxDelayMs: 1000 } });
      const p = h.page;
      await box(p, 'Master password').fill('Orchard lighthouse 7');
      await box(p, 'Confirm master password').fill('Orchard lighthouse 7');
      await p.locator('.strength:not([data-score="-1"])').waitFor();
      await shot(p, `create-${theme}`);

      await seedLivedIn(h, clock);
      // Locking reloads the page, as main does.
      await h.call('vault:lock', {});
      await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
      await box(p, 'Master password').fill('wrong guess');
      await p.keyboard.press('Enter');
      await p.getByText('Wrong master password.').waitFor();
      await shot(p, `unlock-${theme}`);

      await box(p, 'Master password').fill(PASSWORD);
      await p.keyboard.press('Enter');
      await row(p, 'GitHub').click();
      await p.getByTestId('item-events').waitFor();
      await p.getByTestId('unlock-notice').waitFor();
      await shot(p, `vault-${theme}`);
      await button(p, 'Dismiss notice').click();

      await row(p, 'Stripe live secret key').click();
      await button(p, 'Edit').click();
      await p.locator('#editor-title').waitFor();
      await shot(p, `editor-${theme}`);
      await button(p, 'Cancel').click();

      await p.getByRole('button', { name: 'Settings' }).click();
      await box(p, 'New master password').fill('orchard lighthouse');
      await p.locator('.strength:not([data-score="-1"])').first().waitFor();
      await shot(p, `settings-${theme}`);
      await box(p, 'New master password').fill('');

      await p.getByRole('button', { name: /^Trash/ }).click();
      await p.getByText('The trash is empty').waitFor();
      await shot(p, `empty-trash-${theme}`);

      await p.getByRole('button', { name: /^All items/ }).click();
      await row(p, 'GitHub').click();
      await button(p, 'Copy password').click();
      await button(p, 'Reveal password').click();
      await p.getByTestId('value-password').filter({ hasText: 'tundra' }).waitFor();
      await shot(p, `detail-copied-${theme}`);
      expect(h.pageErrors).toEqual([]);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`captures the vault at every window size, ${theme} (docs/screenshots/size-*)`, async () => {
      const clock = { at: null as number | null };
      h = await startHarness(CHROMIUM as string, { colorScheme: theme, clock, viewport: { width: 1600, height: 1000 } });
      const p = h.page;
      await seedLivedIn(h, clock);
      await p.reload();
      await p.getByRole('heading', { name: 'All items' }).waitFor();
      for (const [width, height] of [[1600, 1000], [1100, 720], [900, 600], [720, 560]] as const) {
        await p.setViewportSize({ width, height });
        // Below 860 px the item replaces the list; the switch follows the resize a frame later,
        // so wait for the back button instead of sampling whether it is there yet.
        if (width < 860) await p.getByRole('region', { name: 'Item details' }).getByRole('button', { name: 'All items' }).click();
        await row(p, 'GitHub').click();
        await p.locator('#detail-title').filter({ hasText: 'GitHub' }).waitFor();
        await p.getByTestId('item-events').waitFor();
        await shot(p, `size-${width}x${height}-${theme}`);
      }
      // A selection of several items, with its context menu.
      await p.setViewportSize({ width: 1100, height: 720 });
      await row(p, 'Fastmail').waitFor();
      await row(p, 'Fastmail').click();
      await row(p, 'GitHub').click({ modifiers: ['Shift'] });
      await row(p, 'Spotify').click({ modifiers: ['Control'] });
      await row(p, 'Figma').click({ button: 'right' });
      await p.getByRole('menu').waitFor();
      await shot(p, `bulk-${theme}`);
      expect(h.pageErrors).toEqual([]);
    });
  }
});
