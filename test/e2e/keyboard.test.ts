// The main flows with the keyboard alone (no mouse): search, arrows, Enter to edit, saving,
// copying with shortcuts, creating, closing with Esc, the discard dialog, reaching the
// sidebar with Tab, and locking and unlocking.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD, seedVault, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { SAMPLE_ITEMS } from './support/seed';
import { list, screenshotOnFailure } from './support/ui';

async function focusedName(p: Page): Promise<string> {
  const focused = p.locator(':focus');
  if ((await focused.count()) === 0) return '';
  return focused.evaluate((el) => el.getAttribute('aria-label') ?? (el.textContent ?? '').trim());
}

/** Presses Tab until the focused control is called `name` (at most `max` presses). */
async function tabTo(p: Page, name: string | RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press('Tab');
    const n = await focusedName(p);
    if (typeof name === 'string' ? n === name : name.test(n)) return;
  }
  throw new Error(`Tab never reached “${String(name)}”`);
}

const selectedTitle = (p: Page) => list(p).locator('[aria-selected=true] .item-title').textContent();

describe.skipIf(!CHROMIUM)('keyboard only', () => {
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

  it('finds an item, moves with the arrows, edits and saves it', async () => {
    await p.keyboard.press('Control+KeyF');
    await p.keyboard.type('fast');
    await expect.poll(() => selectedTitle(p)).toBe('Fastmail');
    await p.keyboard.press('Escape'); // clears the search
    await expect.poll(() => list(p).getByRole('option').count()).toBe(SAMPLE_ITEMS.length);
    await p.keyboard.press('Enter'); // from the empty search box into the list
    expect(await p.locator('[role=listbox]:focus').count()).toBe(1);
    await p.keyboard.press('ArrowDown');
    expect(await selectedTitle(p)).toBe('Figma');
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('ArrowUp');
    expect(await selectedTitle(p)).toBe('AWS deploy user');
    await p.keyboard.press('End');
    expect(await selectedTitle(p)).toBe('Stripe live secret key');
    await p.keyboard.press('Home');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    expect(await selectedTitle(p)).toBe('Figma');

    await p.keyboard.press('Enter');
    await p.locator('#editor-title').waitFor();
    expect(await focusedName(p)).toBe(''); // the title input has focus (its label is a <label>)
    await p.keyboard.press('End');
    await p.keyboard.type(' (studio)');
    await p.keyboard.press('Shift+Tab'); // the header's Save button
    expect(await focusedName(p)).toBe('Save');
    await p.keyboard.press('Enter');
    await p.locator('#detail-title').filter({ hasText: 'Figma (studio)' }).waitFor();
    expect(h.services.vault.unlocked().items.summary(h.services.vault.unlocked().items.resolve('Figma (studio)')).username).toBe('maya@studio-north.io');
  });

  it('copies the username with Ctrl+B and the password with Ctrl+C', async () => {
    await p.locator('[role=listbox]').focus();
    await p.keyboard.press('Home');
    await p.keyboard.press('ArrowDown'); // Fastmail
    expect(await selectedTitle(p)).toBe('Fastmail');
    await p.keyboard.press('Control+KeyB');
    await p.getByTestId('toast').filter({ hasText: /^Username copied — clears in \d+ s$/ }).waitFor();
    await expect.poll(() => h.clipboard.text).toBe('maya@lindqvist.se');
    await p.keyboard.press('Control+KeyC');
    await expect.poll(() => h.clipboard.text).toBe('Correct-Lantern-Fjord-88');
  });

  it('creates a login with Ctrl+N and Enter, and Esc closes an untouched editor', async () => {
    await p.keyboard.press('Control+KeyN');
    await p.locator('#editor-title').waitFor();
    await p.keyboard.type('Linear');
    await p.keyboard.press('Tab');
    await p.keyboard.type('maya@studio-north.io');
    await p.keyboard.press('Enter');
    await p.locator('#detail-title').filter({ hasText: 'Linear' }).waitFor();
    expect(h.services.vault.unlocked().items.list({ text: 'Linear' }).map((i) => i.username)).toEqual(['maya@studio-north.io']);

    await p.keyboard.press('Control+KeyN');
    await p.locator('#editor-title').waitFor();
    await p.keyboard.press('Escape');
    await p.locator('#editor-title').waitFor({ state: 'detached' });
  });

  it('answers the discard dialog from the keyboard', async () => {
    await p.locator('[role=listbox]').focus();
    await p.keyboard.press('Enter');
    await p.locator('#editor-title').waitFor();
    await p.keyboard.type('Draft ');
    await p.keyboard.press('Escape');
    const dialog = p.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await dialog.waitFor();
    expect(await focusedName(p)).toBe('Keep editing'); // the safe choice comes first
    await p.keyboard.press('Tab');
    expect(await focusedName(p)).toBe('Discard changes');
    await p.keyboard.press('Enter');
    await p.locator('#editor-title').waitFor({ state: 'detached' });
    expect(await p.locator('[role=listbox]:focus').count()).toBe(1);
  });

  it('asks before Ctrl+L locks over unsaved edits', async () => {
    await p.locator('[role=listbox]').focus();
    await p.keyboard.press('Enter');
    await p.locator('#editor-title').waitFor();
    await p.keyboard.type('Unsaved ');
    await p.keyboard.press('Control+KeyL');
    const dialog = p.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await dialog.waitFor();
    await p.keyboard.press('Enter'); // Keep editing
    await dialog.waitFor({ state: 'hidden' });
    expect(h.services.vault.isUnlocked).toBe(true);
    await p.locator('#editor-title').waitFor();
    await p.keyboard.press('Escape');
    await dialog.waitFor();
    await p.keyboard.press('Tab');
    await p.keyboard.press('Enter'); // Discard changes
    await p.locator('#editor-title').waitFor({ state: 'detached' });
  });

  it('reaches the sidebar with Tab, locks with Ctrl+L and unlocks with Enter', async () => {
    await tabTo(p, /^Trash/);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: /^Trash/ }).waitFor();
    await p.getByText('The trash is empty').waitFor();

    await p.keyboard.press('Control+KeyL');
    await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
    await p.locator('input[type=password]:focus').waitFor();
    await p.keyboard.type(PASSWORD);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: 'All items' }).waitFor();
    // Focus lands on the list, so the arrows work straight after unlocking.
    await p.locator('[role=listbox]:focus').waitFor();
    await p.keyboard.press('End');
    expect(await selectedTitle(p)).toBe('Stripe live secret key');
    expect(h.pageErrors).toEqual([]);
  });
});
