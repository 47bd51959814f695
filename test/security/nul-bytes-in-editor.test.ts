// Attack: NUL characters (U+0000) typed or pasted into the app's editor. The editor validates
// with the very schema main uses, so the refusal shows inline, in the renderer (real Chromium,
// `window.api` bound to the real handlers), and nothing reaches the vault.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedVault, startHarness, stopShared, type Harness } from '../e2e/support/harness';
import { CHROMIUM } from '../e2e/support/skip';
import { box, button, screenshotOnFailure } from '../e2e/support/ui';

describe.skipIf(!CHROMIUM)('NUL characters in the editor', () => {
  let h: Harness;
  let p: Page;
  beforeAll(async () => {
    h = await startHarness(CHROMIUM as string);
    p = h.page;
    await seedVault(h, []);
  });
  afterEach(async (ctx) => screenshotOnFailure(p, ctx));
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  it('a password with a NUL is refused inline with the message, and nothing is saved', async () => {
    await button(p, /^New/).click();
    await p.getByRole('menuitem', { name: 'Login' }).click();
    await p.locator('#editor-title').waitFor();
    await box(p, 'Title').fill('Bank');
    await box(p, 'Password').fill('pass\u0000word');
    expect(await box(p, 'Password').inputValue()).toBe('pass\u0000word');
    await button(p, 'Save').click();
    await p.getByText('Passwords cannot contain NUL characters').waitFor();
    expect(h.services.vault.unlocked().items.list({})).toEqual([]);
  });
});
