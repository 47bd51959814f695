// The first-run screen's "Join a vault you sync elsewhere" in real Chromium over the real core:
// another machine's vault syncs to a real folder; this machine has no vault yet, picks the
// folder, names itself, enters the master password, and lands in its vault, unlocked. A wrong
// password or an empty folder says so and leaves no vault file. Also the unlock notice after a
// master-password change made on another device. Screenshots, light and dark, narrow and wide.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runSync, setupSync } from '../../electron/core/sync/engine';
import { FolderTransport } from '../../electron/core/sync/folder-transport';
import { SNAPSHOT_EVERY_BATCHES } from '../../electron/core/sync/snapshot';
import { Vault } from '../../electron/core/vault';
import { FAST_KDF, PASSWORD, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { box, button, row, screenshotOnFailure } from './support/ui';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const NEW_PASSWORD = 'the new master password';

/** Another machine's vault, syncing to `folder`, with a few items. */
async function laptopOn(h: Harness, folder: string): Promise<Vault> {
  const laptop = await Vault.create(path.join(h.dir, 'laptop.keystash'), PASSWORD, { kdf: FAST_KDF });
  laptop.items.create({ type: 'login', title: 'Bank', username: 'alice', password: 'first' });
  laptop.items.create({ type: 'api_key', title: 'Stripe', service: 'stripe.com', secret: 'sk_live_x' });
  await setupSync(laptop, PASSWORD, { kind: 'folder', path: folder }, FolderTransport.open(folder), 'Laptop');
  return laptop;
}

async function openJoin(p: Page): Promise<void> {
  await p.getByRole('heading', { name: 'Create your vault' }).waitFor();
  await button(p, 'Join a vault you sync elsewhere').click();
  await p.getByRole('heading', { name: 'Join a vault you sync elsewhere' }).waitFor();
}

const settle = (p: Page): Promise<unknown> => p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');

describe.skipIf(!CHROMIUM)('first run: join a vault you sync elsewhere', () => {
  let h: Harness | undefined;
  let laptop: Vault | undefined;
  afterEach(async (ctx) => {
    await screenshotOnFailure(h?.page, ctx);
    laptop?.close();
    laptop = undefined;
    await h?.close();
    h = undefined;
  });
  afterAll(async () => stopShared());

  it('picks the folder, refuses a wrong password and an empty folder without a trace, then joins and opens the vault', async () => {
    h = await startHarness(CHROMIUM as string);
    const p = h.page;
    const folder = path.join(h.dir, 'Sync', 'keystash');
    laptop = await laptopOn(h, folder);
    await openJoin(p);

    // Nothing filled in: each field says what it needs.
    await button(p, 'Join and open').click();
    await p.getByText('Choose the folder your other device syncs to.').waitFor();
    await p.getByText('Name this device, so your other devices can tell it apart.').waitFor();

    const empty = path.join(h.dir, 'Empty');
    fs.mkdirSync(empty);
    h.fileChooser.syncFolder = empty;
    await button(p, 'Choose…').click();
    await expect.poll(() => box(p, 'Sync folder').inputValue()).toBe(empty);
    await box(p, 'This device’s name').fill('Desktop');
    await p.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await button(p, 'Join and open').click();
    await p.getByRole('alert').filter({ hasText: /holds no Keystash vault.*Nothing was created\./ }).waitFor();
    expect(fs.existsSync(h.services.vault.path)).toBe(false);

    h.fileChooser.syncFolder = folder;
    await button(p, 'Choose…').click();
    await expect.poll(() => box(p, 'Sync folder').inputValue()).toBe(folder);
    await p.getByLabel('Master password', { exact: true }).fill('not the password');
    await button(p, 'Join and open').click();
    await p.getByRole('alert').filter({ hasText: /does not open this sync target\. Nothing was created\./ }).waitFor();
    expect(fs.existsSync(h.services.vault.path)).toBe(false);
    expect(fs.readdirSync(h.dir).filter((f) => f.includes('.joining-'))).toEqual([]);

    await p.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await button(p, 'Join and open').click();
    await p.getByRole('heading', { name: 'All items' }).waitFor();
    await row(p, 'Bank').waitFor();
    await row(p, 'Stripe').waitFor();
    expect(h.services.vault.isUnlocked).toBe(true);
    // The window never held a secret on the way.
    expect(await p.content()).not.toMatch(/sk_live_x/);
    // It is a device of the vault: the laptop sees it by name.
    await runSync(laptop, FolderTransport.open(folder));
    expect(Object.values(laptop.sync.requireState().peers).map((d) => d.name)).toEqual(['Desktop']);
    expect(h.pageErrors).toEqual([]);
  });

  it('after a master-password change on another device, the next unlock says so and needs the new password', async () => {
    h = await startHarness(CHROMIUM as string);
    const p = h.page;
    const folder = path.join(h.dir, 'Sync', 'keystash');
    laptop = await laptopOn(h, folder);
    const joined = await h.call('sync:join', { target: { kind: 'folder', path: folder }, deviceName: 'Desktop', password: PASSWORD });
    expect(joined.ok).toBe(true);
    const t = FolderTransport.open(folder);
    await runSync(laptop, t);
    await laptop.masterPassword.change(PASSWORD, NEW_PASSWORD);
    await runSync(laptop, t);
    expect((await h.call('sync:run', {})).ok).toBe(true);
    await h.services.lock('manual');
    await p.getByLabel('Master password', { exact: true }).waitFor();
    await p.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await p.keyboard.press('Enter');
    await p.getByText(/Wrong master password/).waitFor();
    await p.getByLabel('Master password', { exact: true }).fill(NEW_PASSWORD);
    await p.keyboard.press('Enter');
    await p.getByTestId('password-changed-elsewhere').filter({ hasText: 'The master password was changed on “Laptop”.' }).waitFor();
    fs.mkdirSync(SHOTS, { recursive: true });
    await settle(p);
    await p.screenshot({ path: path.join(SHOTS, 'join-password-changed-notice-light.png') });
    expect(h.pageErrors).toEqual([]);
  });

  it('shows how far it is while a target with many change files is applied', async () => {
    h = await startHarness(CHROMIUM as string, { viewport: { width: 1400, height: 1000 } });
    const p = h.page;
    const folder = path.join(h.dir, 'Sync', 'keystash');
    laptop = await laptopOn(h, folder);
    const t = FolderTransport.open(folder);
    // One change file per edit, as a machine that synced after each change writes: fewer than
    // a snapshot's worth (SNAPSHOT_EVERY_BATCHES), so the join applies every one of them.
    for (let i = 0; i < SNAPSHOT_EVERY_BATCHES - 5; i++) {
      laptop.items.create({ type: 'note', title: `Note ${i}`, notes: 'x'.repeat(2000) });
      await runSync(laptop, t);
    }
    const total = laptop.sync.requireState().ownSeq;
    await openJoin(p);
    await box(p, 'Sync folder').fill(folder);
    await box(p, 'This device’s name').fill('Desktop');
    await p.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await button(p, 'Join and open').click();
    await p.getByTestId('join-progress').filter({ hasText: new RegExp(`Applying change files: \\d+ of ${total}`) }).waitFor();
    fs.mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: path.join(SHOTS, 'join-progress-light-wide.png') });
    await p.getByRole('heading', { name: 'All items' }).waitFor({ timeout: 120_000 });
    await row(p, 'Bank').waitFor();
    expect(h.services.vault.unlocked().items.list({ limit: 1000 }).length).toBe(SNAPSHOT_EVERY_BATCHES - 5 + 2);
    expect(h.pageErrors).toEqual([]);
  }, 240_000);

  for (const theme of ['light', 'dark'] as const) {
    for (const [size, viewport] of [
      ['narrow', { width: 760, height: 1100 }],
      ['wide', { width: 1400, height: 1000 }],
    ] as const) {
      it(`screenshots: the first-run choice and the join screen, ${theme}, ${size}`, async () => {
        h = await startHarness(CHROMIUM as string, { colorScheme: theme, viewport });
        const p = h.page;
        fs.mkdirSync(SHOTS, { recursive: true });
        await p.getByRole('heading', { name: 'Create your vault' }).waitFor();
        await settle(p);
        await p.screenshot({ path: path.join(SHOTS, `join-create-${theme}-${size}.png`) });
        await openJoin(p);
        await box(p, 'Sync folder').fill(path.join(h.dir, 'nothing here'));
        await box(p, 'This device’s name').fill('Desktop');
        await p.getByLabel('Master password', { exact: true }).fill(PASSWORD);
        await button(p, 'Join and open').click();
        await p.getByRole('alert').filter({ hasText: /Nothing was created/ }).waitFor();
        await settle(p);
        await p.screenshot({ path: path.join(SHOTS, `join-error-${theme}-${size}.png`) });
        await p.getByRole('radio', { name: /WebDAV/ }).check();
        await box(p, 'WebDAV address').fill('https://cloud.example.org/remote.php/dav/files/me/keystash');
        await settle(p);
        await p.screenshot({ path: path.join(SHOTS, `join-webdav-${theme}-${size}.png`) });
        expect(h.pageErrors).toEqual([]);
      });
    }
  }
});
