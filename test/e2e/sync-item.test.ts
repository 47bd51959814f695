// Sync on the item's own page and in the activity log, in real Chromium over the real core:
// an item changed on two devices shows a conflict banner; its versions compare field by field
// (secrets hidden until revealed through the logged reveal channels) and settle from there;
// and another device's usage events appear on the Activity page with that device's name.
// Screenshots of the banner, light and dark, narrow and wide, for review.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinSync, runSync } from '../../electron/core/sync/engine';
import { FolderTransport } from '../../electron/core/sync/folder-transport';
import type { Vault } from '../../electron/core/vault';
import { FAST_KDF, PASSWORD, seedVault, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { box, button, row, screenshotOnFailure } from './support/ui';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** Sets up sync in Settings → Sync ("Laptop") and joins a second vault ("Desktop") from the same folder. */
async function twoDevices(h: Harness): Promise<{ other: Vault; transport: FolderTransport }> {
  const p = h.page;
  const folder = path.join(h.dir, 'Sync target');
  await p.getByRole('navigation', { name: 'Vault navigation' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await box(p, 'Sync folder').fill(folder);
  await box(p, 'This device’s name').fill('Laptop');
  await p.locator('section[aria-labelledby="sync-title"]').getByLabel('Master password for sync', { exact: true }).fill(PASSWORD);
  await button(p, 'Start syncing').click();
  await p.getByRole('table', { name: 'Devices' }).waitFor();
  await p.getByRole('navigation', { name: 'Vault navigation' }).getByRole('button', { name: /^All items/ }).click();
  const transport = FolderTransport.open(folder);
  const { vault } = await joinSync(path.join(h.dir, 'desktop.keystash'), PASSWORD, { kind: 'folder', path: folder }, transport, { kdf: FAST_KDF, deviceName: 'Desktop' });
  return { other: vault, transport };
}

/**
 * The same fields of `title`'s item changed on both devices; the desktop's change is the later
 * one. The app's runs are the ones main makes; the window learns of them as it would of a
 * background run (the sidebar's sync line reloads the views when a run pulled changes).
 */
async function conflict(h: Harness, other: Vault, transport: FolderTransport, title: string): Promise<string> {
  const app = h.services.vault.unlocked();
  const id = app.items.resolve(title);
  app.items.update(id, { username: 'alice@laptop', password: 'laptop-secret' });
  await h.call('sync:run', {});
  other.items.update(id, { username: 'alice@desktop', password: 'desktop-secret' });
  await runSync(other, transport);
  await h.call('sync:run', {});
  return id;
}

async function openItem(p: Page, title: string): Promise<void> {
  await row(p, title).click();
  await p.getByRole('heading', { name: title, level: 2 }).waitFor();
}

describe.skipIf(!CHROMIUM)('sync on the item page and in Activity', () => {
  let h: Harness | undefined;
  let other: Vault | undefined;
  afterEach(async (ctx) => {
    await screenshotOnFailure(h?.page, ctx);
    other?.close();
    other = undefined;
    await h?.close();
    h = undefined;
  });
  afterAll(async () => stopShared());

  it('an item changed on two devices shows a banner; the versions compare and settle there', async () => {
    h = await startHarness(CHROMIUM as string);
    await seedVault(h, [
      { type: 'login', title: 'Bank', username: 'alice', password: 'first' },
      { type: 'login', title: 'Mail', username: 'bob' },
    ]);
    const p = h.page;
    const devices = await twoDevices(h);
    other = devices.other;
    const id = await conflict(h, other, devices.transport, 'Bank');

    // An item without a conflict has no banner.
    await openItem(p, 'Mail');
    await p.getByTestId('value-username').filter({ hasText: 'bob' }).waitFor();
    expect(await p.getByTestId('item-conflict').count()).toBe(0);

    await openItem(p, 'Bank');
    const banner = p.getByTestId('item-conflict');
    await banner.getByRole('heading', { name: 'Changed on two devices' }).waitFor();
    await banner.getByText(/both changed the username and password\./).waitFor();
    await button(p, 'Compare versions').click();
    const table = banner.getByRole('table');
    await table.getByRole('cell', { name: 'alice@desktop' }).waitFor();
    await table.getByRole('cell', { name: 'alice@laptop' }).waitFor();
    // Secrets stay in main until revealed, and each reveal is logged.
    expect(await p.content()).not.toMatch(/laptop-secret|desktop-secret/);
    await button(p, 'Reveal password from the other device').click();
    await p.getByTestId('conflict-password-other').filter({ hasText: 'laptop-secret' }).waitFor();
    await button(p, 'Reveal password now').click();
    await p.getByTestId('conflict-password-current').filter({ hasText: 'desktop-secret' }).waitFor();
    const app = h.services.vault.unlocked();
    const reveals = app.history.query({ kinds: ['reveal'], itemId: id }).map((e) => e.detail.field);
    expect(reveals).toEqual(expect.arrayContaining(['password', 'history:password']));
    await button(p, 'Hide password from the other device').click();
    await p.getByTestId('conflict-password-other').filter({ hasText: '••••••••' }).waitFor();

    await button(p, 'Use the other version').click();
    await banner.waitFor({ state: 'detached' });
    await p.getByTestId('value-username').filter({ hasText: 'alice@laptop' }).waitFor();
    expect(app.items.withSecrets(id)).toMatchObject({ username: 'alice@laptop', password: 'laptop-secret' });
    expect(app.sync.conflictedIds()).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('keep both makes the other version a second item, from the item page', async () => {
    h = await startHarness(CHROMIUM as string);
    await seedVault(h, [{ type: 'login', title: 'Shop', username: 'carol', password: 'first' }]);
    const p = h.page;
    const devices = await twoDevices(h);
    other = devices.other;
    await conflict(h, other, devices.transport, 'Shop');
    await openItem(p, 'Shop');
    await button(p, 'Compare versions').click();
    await button(p, 'Keep both').click();
    await p.getByTestId('item-conflict').waitFor({ state: 'detached' });
    await row(p, 'Shop (other version)').waitFor();
    expect(h.pageErrors).toEqual([]);
  });

  it('the Activity page shows another device’s events with that device as the source', async () => {
    h = await startHarness(CHROMIUM as string);
    await seedVault(h, [{ type: 'login', title: 'Router', username: 'admin', password: 'pw' }]);
    const p = h.page;
    const devices = await twoDevices(h);
    other = devices.other;
    const id = other.items.resolve('Router');
    other.items.useField(id, 'password', 'copy');
    await runSync(other, devices.transport);
    await h.call('sync:run', {});

    await p.getByRole('button', { name: 'Activity' }).click();
    await p.getByRole('heading', { name: 'Activity' }).waitFor();
    const list = p.getByTestId('activity-list');
    const copied = list.getByRole('row').filter({ hasText: 'Router' }).filter({ hasText: 'on Desktop' });
    await copied.first().waitFor();
    expect(await copied.first().getByRole('cell').nth(2).innerText()).toMatch(/Copied|Copy/);
    // Events recorded on this device name no device.
    expect(await list.getByRole('row').filter({ hasText: 'on Laptop' }).count()).toBe(0);
    fs.mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: path.join(SHOTS, 'sync-activity-light-wide.png') });
    expect(h.pageErrors).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [
      ['narrow', { width: 760, height: 1000 }],
      ['wide', { width: 1400, height: 900 }],
    ] as const) {
      it(`screenshots: the conflict banner, ${theme}, ${size}`, async () => {
        h = await startHarness(CHROMIUM as string, { colorScheme: theme, viewport });
        await seedVault(h, [{ type: 'login', title: 'Bank', username: 'alice', password: 'first', urls: ['https://bank.example'] }]);
        const p = h.page;
        const devices = await twoDevices(h);
        other = devices.other;
        await conflict(h, other, devices.transport, 'Bank');
        await openItem(p, 'Bank');
        await p.getByTestId('item-conflict').waitFor();
        fs.mkdirSync(SHOTS, { recursive: true });
        await p.screenshot({ path: path.join(SHOTS, `sync-item-banner-${theme}-${size}.png`) });
        await button(p, 'Compare versions').click();
        await button(p, 'Reveal password from the other device').click();
        await p.getByTestId('conflict-password-other').filter({ hasText: 'laptop-secret' }).waitFor();
        await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
        await p.screenshot({ path: path.join(SHOTS, `sync-item-compare-${theme}-${size}.png`) });
        expect(h.pageErrors).toEqual([]);
      });
    }
  }
});
