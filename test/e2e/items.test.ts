// Items through the UI against the real core: create, edit, delete, restore and purge each
// type with inline validation; the unsaved-changes guard; search; copy with the clipboard
// clear; reveal (logged, and hidden again); previous passwords; opening a URL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedVault, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { SAMPLE_ITEMS } from './support/seed';
import { box, button, list, row, screenshotOnFailure } from './support/ui';

const detailTitle = (p: Page) => p.locator('#detail-title');

async function newItem(p: Page, kind: 'Login' | 'API key' | 'Secure note') {
  await button(p, /^New/).click();
  await p.getByRole('menuitem', { name: kind }).click();
  await p.locator('#editor-title').waitFor();
}

async function goTo(p: Page, nav: string) {
  await p.getByRole('navigation', { name: 'Vault navigation' }).getByRole('button', { name: new RegExp(`^${nav}\\b`) }).click();
}

describe.skipIf(!CHROMIUM)('items', () => {
  let h: Harness;
  let p: Page;
  beforeAll(async () => {
    h = await startHarness(CHROMIUM as string);
    p = h.page;
    await seedVault(h, SAMPLE_ITEMS);
  });
  afterEach(async (ctx) => screenshotOnFailure(p, ctx));
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  const idOf = (title: string) => h.services.vault.unlocked().items.resolve(title, { includeTrash: true });

  it('creates a login with inline validation, edits it with a custom field, deletes, restores and purges it', async () => {
    await newItem(p, 'Login');
    await button(p, 'Save').click();
    await p.getByText('A title is required').waitFor();
    await box(p, 'Title').fill('Hetzner Cloud');
    await box(p, 'Username').fill('ops@studio-north.io');
    await box(p, 'Password').fill('glacier-Anvil-93-sprout');
    await p.getByRole('meter', { name: 'Password strength' }).waitFor();
    await box(p, 'Website 1').fill('https://console.hetzner.cloud');
    await box(p, 'Tags').fill('work, hosting');
    await button(p, 'Save').click();
    await detailTitle(p).filter({ hasText: 'Hetzner Cloud' }).waitFor();
    const id = idOf('Hetzner Cloud');
    const saved = h.services.vault.unlocked().items.withSecrets(id);
    expect(saved).toMatchObject({ username: 'ops@studio-north.io', password: 'glacier-Anvil-93-sprout', tags: ['work', 'hosting'], urls: ['https://console.hetzner.cloud'] });

    await button(p, 'Edit').click();
    await box(p, 'Title').fill('Hetzner Cloud console');
    await button(p, 'Add field').click();
    await button(p, 'Save').click();
    await p.getByText('A custom field needs a name').waitFor();
    await box(p, 'Custom field 1 name').fill('Project ID');
    await box(p, 'Custom field 1 value').fill('prj-4471');
    await button(p, 'Save').click();
    await detailTitle(p).filter({ hasText: 'Hetzner Cloud console' }).waitFor();
    await p.getByTestId('value-project id').filter({ hasText: 'prj-4471' }).waitFor();
    // The password was not touched, so it is unchanged and left no history.
    expect(h.services.vault.unlocked().items.withSecrets(id).password).toBe('glacier-Anvil-93-sprout');
    expect(h.services.vault.unlocked().items.passwordHistory(id)).toEqual([]);

    await button(p, 'Delete').click();
    await row(p, 'Hetzner Cloud console').waitFor({ state: 'detached' });
    await goTo(p, 'Trash');
    await row(p, 'Hetzner Cloud console').click();
    await button(p, 'Restore').click();
    await p.getByText('The trash is empty').waitFor();
    await goTo(p, 'All items');
    await row(p, 'Hetzner Cloud console').click();
    await button(p, 'Delete').click();
    await goTo(p, 'Trash');
    await row(p, 'Hetzner Cloud console').click();
    await button(p, 'Delete forever').click();
    const dialog = p.getByRole('dialog');
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Delete forever' }).click();
    await p.getByText('The trash is empty').waitFor();
    expect(() => h.services.vault.unlocked().items.summary(id)).toThrow();
    await goTo(p, 'All items');
  });

  it('creates, edits, deletes and restores an API key, with date validation', async () => {
    await newItem(p, 'API key');
    await box(p, 'Title').fill('Mapbox token');
    await box(p, 'Service').fill('Mapbox');
    await box(p, 'Secret').fill('pk.eyJ1IjoibWF5YSJ9.example');
    await box(p, 'Expires (YYYY-MM-DD)').fill('2027-02-30');
    await box(p, 'Rotate every (days)').fill('zero');
    await button(p, 'Save').click();
    await p.getByText('That date does not exist').waitFor();
    await p.getByText('Rotation is a whole number of days from 1 to 3650.').waitFor();
    await box(p, 'Expires (YYYY-MM-DD)').fill('2027-02-28');
    await box(p, 'Rotate every (days)').fill('60');
    await button(p, 'Save').click();
    await detailTitle(p).filter({ hasText: 'Mapbox token' }).waitFor();
    const id = idOf('Mapbox token');
    expect(h.services.vault.unlocked().items.withSecrets(id)).toMatchObject({ secret: 'pk.eyJ1IjoibWF5YSJ9.example', expiresAt: '2027-02-28', rotationDays: 60 });

    await button(p, 'Edit').click();
    await box(p, 'Secret').fill('pk.rotated-2026-11');
    await box(p, 'Environment').fill('production');
    await button(p, 'Save').click();
    await p.getByTestId('value-environment').filter({ hasText: 'production' }).waitFor();
    expect(h.services.vault.unlocked().items.withSecrets(id).secret).toBe('pk.rotated-2026-11');
    // The replaced secret is in the item's history and can be revealed there.
    await button(p, /^Reveal previous secret/).click();
    await p.locator('.history-row .mono').filter({ hasText: 'pk.eyJ1IjoibWF5YSJ9.example' }).waitFor();

    await button(p, 'Delete').click();
    await goTo(p, 'Trash');
    await row(p, 'Mapbox token').click();
    await button(p, 'Restore').click();
    await goTo(p, 'API keys');
    await row(p, 'Mapbox token').waitFor();
    expect(h.services.vault.unlocked().items.summary(id).deletedAt).toBeNull();
  });

  it('creates, edits, deletes and restores a note', async () => {
    await goTo(p, 'Notes');
    await newItem(p, 'Secure note');
    await box(p, 'Title').fill('Storage unit');
    await p.getByRole('textbox', { name: 'Notes' }).fill('Unit 14B, code 2291#\nOpen weekdays 7–21.');
    await button(p, 'Save').click();
    await detailTitle(p).filter({ hasText: 'Storage unit' }).waitFor();
    await button(p, 'Edit').click();
    await p.getByRole('combobox', { name: 'Folder' }).fill('Personal');
    await button(p, 'Save').click();
    await p.locator('.chip').filter({ hasText: 'Personal' }).waitFor();
    const id = idOf('Storage unit');
    expect(h.services.vault.unlocked().items.summary(id)).toMatchObject({ folder: 'Personal', notes: 'Unit 14B, code 2291#\nOpen weekdays 7–21.' });
    await button(p, 'Delete').click();
    await row(p, 'Storage unit').waitFor({ state: 'detached' });
    await goTo(p, 'Trash');
    await row(p, 'Storage unit').click();
    await button(p, 'Restore').click();
    await goTo(p, 'Notes');
    await row(p, 'Storage unit').waitFor();
    await goTo(p, 'All items');
  });

  it('never drops unsaved edits silently', async () => {
    await row(p, 'Figma').click();
    await button(p, 'Edit').click();
    await box(p, 'Title').fill('Figma (team)');
    await row(p, 'Spotify').click();
    const dialog = p.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    expect(await box(p, 'Title').inputValue()).toBe('Figma (team)');
    await box(p, 'Title').press('Escape');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await detailTitle(p).filter({ hasText: /^Figma$/ }).waitFor();
    expect(h.services.vault.unlocked().items.summary(idOf('Figma')).title).toBe('Figma');
  });

  it('searches as you type and shows an empty state for no matches', async () => {
    await p.keyboard.press('Control+KeyF');
    const search = p.getByRole('searchbox', { name: 'Search items' });
    expect(await p.locator('input[type=search]:focus').count()).toBe(1);
    await search.pressSequentially('stripe');
    await expect.poll(() => list(p).getByRole('option').count()).toBe(1);
    expect(await list(p).getByRole('option').first().textContent()).toContain('Stripe live secret key');
    await search.fill('no such thing anywhere');
    await p.getByText('No items match “no such thing anywhere”').waitFor();
    await search.press('Escape');
    await row(p, 'GitHub').waitFor();
    expect(await search.inputValue()).toBe('');
  });

  it('copies a password, and the clipboard is cleared when its timer fires', async () => {
    await row(p, 'GitHub').click();
    await button(p, 'Copy password').click();
    await p.getByTestId('toast').filter({ hasText: /^Password copied — clears in 30 s$/ }).waitFor();
    expect(h.clipboard.text).toBe('tundra-Velvet-42-orbit');
    expect(h.timers.delays()).toEqual([30_000]);
    await h.timers.fireAll();
    expect(h.clipboard.text).toBe('');
    const copies = h.services.vault.unlocked().history.query({ itemId: idOf('GitHub'), kinds: ['copy'] });
    expect(copies.map((e) => e.detail.field)).toEqual(['password']);
  });

  it('reveals a password on request, logs it, and hides it again', async () => {
    await row(p, 'Fastmail').click();
    const value = p.getByTestId('value-password');
    expect(await value.textContent()).not.toContain('Correct-Lantern');
    await button(p, 'Reveal password').click();
    await value.filter({ hasText: 'Correct-Lantern-Fjord-88' }).waitFor();
    await p.getByTestId('item-events').getByText('Revealed password').waitFor();
    const reveals = await h.call('history:list', { itemId: idOf('Fastmail'), kinds: ['reveal'] });
    expect(reveals.ok && reveals.value.map((e) => e.detail.field)).toEqual(['password']);
    await button(p, 'Hide password').click();
    await value.filter({ hasNotText: 'Correct-Lantern' }).waitFor();
    // Revealed again, then the selection changes: coming back shows it hidden.
    await button(p, 'Reveal password').click();
    await value.filter({ hasText: 'Correct-Lantern-Fjord-88' }).waitFor();
    await row(p, 'Figma').click();
    await row(p, 'Fastmail').click();
    await detailTitle(p).filter({ hasText: 'Fastmail' }).waitFor();
    expect(await p.getByTestId('value-password').textContent()).not.toContain('Correct-Lantern');
    // A concealed custom field reveals the same way.
    await button(p, 'Reveal backup pin').click();
    await p.getByTestId('value-backup pin').filter({ hasText: '804271' }).waitFor();
  });

  it('opens an item URL through main', async () => {
    await row(p, 'GitHub').click();
    await button(p, 'Open https://github.com/login').click();
    await expect.poll(() => h.opened).toEqual(['https://github.com/login']);
    expect(h.pageErrors).toEqual([]);
  });
});
