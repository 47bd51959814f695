// The Settings form asks for the master password before it weakens protection (issue 11 §4):
// a longer auto-lock or clipboard clear shows a master-password field, Save without it or
// with a wrong one changes nothing, and the right one saves. Shorter times need nothing.
// Screenshots of the form with the field, light and dark, narrow and wide, for review.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { PASSWORD, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { box, button, screenshotOnFailure } from './support/ui';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

async function openSettings(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Settings' }).click();
  await p.getByRole('heading', { name: 'Settings' }).waitFor();
}

async function createVault(h: Harness): Promise<void> {
  const r = await h.call('vault:create', { password: PASSWORD, kdf: { memoryMiB: 19, iterations: 2, parallelism: 1 } });
  if (!r.ok) throw new Error(r.error.message);
  await h.page.reload();
  await h.page.getByRole('heading', { name: 'All items' }).waitFor();
}

describe.skipIf(!CHROMIUM)('settings that weaken protection', () => {
  let h: Harness | undefined;
  afterEach(async (ctx) => {
    await screenshotOnFailure(h?.page, ctx);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => stopShared());

  it('asks for the master password before a longer auto-lock or clipboard clear', async () => {
    h = await startHarness(CHROMIUM as string);
    const p = h.page;
    await createVault(h);
    await openSettings(p);
    const master = box(p, 'Master password');
    expect(await master.count()).toBe(0);

    await box(p, 'Lock after idle (minutes)').fill('720');
    await box(p, 'Clear clipboard after (seconds)').fill('600');
    await master.waitFor();
    await button(p, 'Save').click();
    await p.getByText('Enter your master password to save these longer times.').waitFor();
    expect(h.services.settings.get()).toEqual(DEFAULT_SETTINGS);

    await master.fill('not the password');
    await button(p, 'Save').click();
    await p.getByText('The master password is wrong; nothing was changed.').waitFor();
    expect(h.services.settings.get()).toEqual(DEFAULT_SETTINGS);

    await master.fill(PASSWORD);
    await button(p, 'Save').click();
    await p.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    expect(h.services.settings.get()).toMatchObject({ autoLockMinutes: 720, clipboardClearSeconds: 600 });
    // Saved: the numbers are now the current ones, so the field goes away.
    await master.waitFor({ state: 'detached' });

    await box(p, 'Lock after idle (minutes)').fill('3');
    const services = h.services;
    await expect.poll(() => services.settings.get().autoLockMinutes).toBe(3);
    expect(await master.count()).toBe(0);
    expect(h.pageErrors).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [
      ['narrow', { width: 760, height: 900 }],
      ['wide', { width: 1400, height: 900 }],
    ] as const) {
      it(`screenshot: the master-password field, ${theme}, ${size}`, async () => {
        h = await startHarness(CHROMIUM as string, { colorScheme: theme, viewport });
        const p = h.page;
        await createVault(h);
        await openSettings(p);
        await box(p, 'Lock after idle (minutes)').fill('30');
        await button(p, 'Save').click();
        await p.getByText('Enter your master password to save these longer times.').waitFor();
        fs.mkdirSync(SHOTS, { recursive: true });
        await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
        await p.screenshot({ path: path.join(SHOTS, `settings-password-${theme}-${size}.png`) });
        expect(h.pageErrors).toEqual([]);
      });
    }
  }
});
