// Small locator helpers: find controls by their accessible name, as a screen reader would.
import type { Locator, Page } from 'playwright-core';

/** A text input (password inputs included) by its exact label. */
export const box = (p: Page, name: string): Locator => p.getByRole('textbox', { name, exact: true });

export const button = (p: Page, name: string | RegExp): Locator => p.getByRole('button', { name, exact: typeof name === 'string' });

/** The item list and one of its rows by title. */
export const list = (p: Page): Locator => p.getByRole('listbox');
export const row = (p: Page, title: string): Locator => p.getByRole('option').filter({ has: p.locator('.item-title', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

/** Waits until the page's text contains `text` somewhere in `locator`. */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** Saves a screenshot of a failed test to test-results/failures/, to see what the user saw. */
export async function screenshotOnFailure(p: Page | undefined, ctx: { task: { name: string; result?: { state?: string } } }): Promise<void> {
  if (!p || ctx.task.result?.state !== 'fail') return;
  const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  await p.screenshot({ path: `test-results/failures/${name}.png` }).catch(() => undefined);
}
