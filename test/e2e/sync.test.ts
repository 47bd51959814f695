// Settings → Sync in real Chromium over the real core: set up a folder target, see the device
// and the sidebar's sync line, compare and settle a conflict made on a second vault, and the
// warning for a vault file inside a sync tool's folder. Screenshots, light and dark, narrow and
// wide, for review.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinSync, runSync } from '../../electron/core/sync/engine';
import { FolderTransport } from '../../electron/core/sync/folder-transport';
import type { Vault } from '../../electron/core/vault';
import { FAST_KDF, PASSWORD, seedVault, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { box, button, screenshotOnFailure } from './support/ui';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

async function openSettings(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Vault navigation' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await p.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
}

const section = (p: Page) => p.locator('section[aria-labelledby="sync-title"]');

async function setUpInUi(h: Harness, folder: string): Promise<void> {
  const p = h.page;
  await openSettings(p);
  await box(p, 'Sync folder').fill(folder);
  await box(p, 'This device’s name').fill('Laptop');
  await section(p).getByLabel('Master password for sync', { exact: true }).fill(PASSWORD);
  await button(p, 'Start syncing').click();
  await p.getByTestId('toast').filter({ hasText: 'Syncing' }).waitFor();
  await p.getByRole('table', { name: 'Devices' }).waitFor();
}

/** A second device on the same folder, with a conflicting edit of `title`'s item. */
async function conflictFromOtherDevice(h: Harness, folder: string, title: string): Promise<Vault> {
  const t = FolderTransport.open(folder);
  const { vault } = await joinSync(path.join(h.dir, 'desktop.keystash'), PASSWORD, { kind: 'folder', path: folder }, t, { kdf: FAST_KDF, deviceName: 'Desktop' });
  const app = h.services.vault.unlocked();
  const id = app.items.resolve(title);
  app.items.update(id, { username: 'alice@laptop', password: 'laptop-secret' });
  await h.call('sync:run', {});
  vault.items.update(id, { username: 'alice@desktop', password: 'desktop-secret' });
  await runSync(vault, t);
  return vault;
}

describe.skipIf(!CHROMIUM)('Settings → Sync', () => {
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

  it('sets up a folder, shows the device and the sidebar line, and settles a conflict', async () => {
    h = await startHarness(CHROMIUM as string);
    await seedVault(h, [{ type: 'login', title: 'Bank', username: 'alice', password: 'first' }]);
    const p = h.page;
    const folder = path.join(h.dir, 'Sync target');
    await setUpInUi(h, folder);
    expect(fs.existsSync(path.join(folder, 'keystash-sync.json'))).toBe(true);
    await p.getByTestId('sync-status').filter({ hasText: /Synced just now/ }).waitFor();
    await p.getByRole('cell', { name: /Laptop/ }).waitFor();

    other = await conflictFromOtherDevice(h, folder, 'Bank');
    await button(p, 'Sync now').click();
    const conflict = p.getByTestId('sync-conflicts');
    await conflict.waitFor();
    await conflict.getByRole('cell', { name: 'alice@desktop' }).waitFor();
    await conflict.getByRole('cell', { name: 'alice@laptop' }).waitFor();
    // The secrets never reach the window.
    expect(await p.content()).not.toMatch(/laptop-secret|desktop-secret/);
    await p.getByRole('cell', { name: /Desktop/ }).first().waitFor();

    await button(p, 'Use the other version').click();
    await conflict.waitFor({ state: 'detached' });
    const app = h.services.vault.unlocked();
    expect(app.items.withSecrets(app.items.resolve('Bank'))).toMatchObject({ username: 'alice@laptop', password: 'laptop-secret' });
    expect(h.pageErrors).toEqual([]);
  });

  it('refuses a wrong master password and changes nothing', async () => {
    h = await startHarness(CHROMIUM as string);
    await seedVault(h, []);
    const p = h.page;
    const folder = path.join(h.dir, 'Sync target');
    await openSettings(p);
    await box(p, 'Sync folder').fill(folder);
    await box(p, 'This device’s name').fill('Laptop');
    await section(p).getByLabel('Master password for sync', { exact: true }).fill('not the password');
    await button(p, 'Start syncing').click();
    await p.getByText('The master password is wrong; nothing was set up.').waitFor();
    expect(fs.existsSync(path.join(folder, 'keystash-sync.json'))).toBe(false);
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [
      ['narrow', { width: 760, height: 1100 }],
      ['wide', { width: 1400, height: 1000 }],
    ] as const) {
      it(`screenshots: setup form and a conflict, ${theme}, ${size}`, async () => {
        h = await startHarness(CHROMIUM as string, { colorScheme: theme, viewport });
        await seedVault(h, [{ type: 'login', title: 'Bank', username: 'alice', password: 'first' }]);
        const p = h.page;
        fs.mkdirSync(SHOTS, { recursive: true });
        await openSettings(p);
        await p.getByRole('heading', { name: 'Sync', exact: true }).scrollIntoViewIfNeeded();
        await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
        await section(p).screenshot({ path: path.join(SHOTS, `sync-setup-${theme}-${size}.png`) });
        const folder = path.join(h.dir, 'Sync target');
        await setUpInUi(h, folder);
        other = await conflictFromOtherDevice(h, folder, 'Bank');
        await button(p, 'Sync now').click();
        await p.getByTestId('sync-conflicts').waitFor();
        await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
        await section(p).screenshot({ path: path.join(SHOTS, `sync-conflict-${theme}-${size}.png`) });
        await p.screenshot({ path: path.join(SHOTS, `sync-page-${theme}-${size}.png`) });
        expect(h.pageErrors).toEqual([]);
      });
    }
  }
});
