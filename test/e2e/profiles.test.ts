// Env profiles in real Chromium against the real core: create a profile by picking an item and
// a field, see it stored in the vault (as `keystash run --profile` reads it), add a typed
// reference, get main's error for a bad one (nothing stored), remove a variable, delete the profile.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedVault, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';
import { screenshotOnFailure } from './support/ui';

const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Vault navigation' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });

describe.skipIf(!CHROMIUM)('env profiles', () => {
  let h: Harness;
  let p: Page;
  const stored = () => h.services.vault.unlocked().profiles.list();
  beforeAll(async () => {
    h = await startHarness(CHROMIUM as string, { viewport: { width: 1400, height: 900 } });
    p = h.page;
    await seedVault(h, [
      { type: 'api_key', title: 'Stripe live', service: 'Stripe', secret: 'sk_live_never_shown_here' },
      { type: 'login', title: 'Database', username: 'app', password: 'db-password-never-shown' },
    ]);
  });
  afterEach(async (ctx) => screenshotOnFailure(p, ctx));
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  it('creates a profile from a picked item and field, stored in the vault', async () => {
    await nav(p, 'Env profiles').click();
    await p.getByText('No profiles yet').waitFor();
    await p.getByLabel('New profile').fill('billing-api');
    await p.getByRole('button', { name: 'Create' }).click();
    const card = p.getByRole('region', { name: 'Profile billing-api' });
    await card.getByLabel('Find an item to fill it from').fill('stripe');
    await card.getByRole('button', { name: 'Use secret of Stripe live' }).click();
    expect(await card.getByLabel('Filled from', { exact: true }).inputValue()).toBe('keystash://Stripe live/secret');
    expect(await card.getByLabel('Variable', { exact: true }).inputValue()).toBe('STRIPE_LIVE_SECRET');
    await card.getByLabel('Variable', { exact: true }).fill('STRIPE_KEY');
    await card.getByRole('button', { name: 'Add variable' }).click();
    await card.getByRole('cell', { name: 'STRIPE_KEY', exact: true }).waitFor();
    expect(stored()).toEqual({ 'billing-api': { STRIPE_KEY: 'keystash://Stripe live/secret' } });
    // Only references cross to the window: no value is on the page.
    expect(await p.content()).not.toContain('sk_live_never_shown_here');
  });

  it('refuses a bad reference with main’s message and stores nothing', async () => {
    const card = p.getByRole('region', { name: 'Profile billing-api' });
    await card.getByLabel('Variable', { exact: true }).fill('DB_URL');
    await card.getByLabel('Filled from', { exact: true }).fill('https://not-a-reference');
    await card.getByRole('button', { name: 'Add variable' }).click();
    await card.getByRole('alert').getByText(/is not a reference: it must start with keystash:\/\//).waitFor();
    expect(Object.keys(stored()['billing-api'] ?? {})).toEqual(['STRIPE_KEY']);
    await card.getByLabel('Filled from', { exact: true }).fill('keystash://Database/password');
    await card.getByRole('button', { name: 'Add variable' }).click();
    await card.getByRole('cell', { name: 'DB_URL', exact: true }).waitFor();
    expect(stored()['billing-api']).toEqual({ DB_URL: 'keystash://Database/password', STRIPE_KEY: 'keystash://Stripe live/secret' });
  });

  it('removes a variable, then deletes the profile after confirming', async () => {
    const card = p.getByRole('region', { name: 'Profile billing-api' });
    await card.getByRole('button', { name: 'Remove DB_URL' }).click();
    await card.getByRole('cell', { name: 'DB_URL', exact: true }).waitFor({ state: 'detached' });
    expect(stored()['billing-api']).toEqual({ STRIPE_KEY: 'keystash://Stripe live/secret' });
    await card.getByRole('button', { name: 'Delete profile' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Delete profile' }).click();
    await p.getByText('No profiles yet').waitFor();
    expect(stored()).toEqual({});
  });
});
