// axe-core over every main screen of the app, in the light and the dark theme, in real
// Chromium against the real core: first run, unlock, the vault with an item, the editor, a
// multiple selection with its context menu, the trash, Activity, Generator, Health, Import /
// export, Settings and the shortcut overview. Nothing serious or critical may be found, and
// every scrollable region must be reachable from the keyboard.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD, startHarness, stopShared, type Harness } from './support/harness';
import { seedLivedIn } from './support/realistic';
import { CHROMIUM } from './support/skip';
import { box, button, list, row, screenshotOnFailure } from './support/ui';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  screen: string;
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now; returns the serious and critical violations. */
async function audit(p: Page, screen: string): Promise<Finding[]> {
  await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to it.
  if (!(await p.evaluate('typeof window.axe === "object"'))) await p.evaluate(AXE_SOURCE);
  const violations = (await p.evaluate(`window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\\n').slice(1, 2).join('')) })))`)) as Omit<Finding, 'screen'>[];
  // Serious and critical findings fail; so do the landmark and scroll-region rules the review
  // named (moderate in axe's scale).
  const named = new Set(['landmark-one-main', 'region', 'scrollable-region-focusable']);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || named.has(v.id)).map((v) => ({ screen, ...v }));
}

const nav = (p: Page, name: string) => p.getByRole('navigation', { name: 'Vault navigation' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });

describe.skipIf(!CHROMIUM)('accessibility (axe-core)', () => {
  let h: Harness | undefined;
  afterEach(async (ctx) => {
    await screenshotOnFailure(h?.page, ctx);
    await h?.close();
    h = undefined;
  });
  afterAll(async () => stopShared());

  for (const theme of ['light', 'dark'] as const) {
    it(`finds nothing serious or critical on any main screen in the ${theme} theme`, async () => {
      const clock = { at: null as number | null };
      h = await startHarness(CHROMIUM as string, { colorScheme: theme, clock, viewport: { width: 1280, height: 800 } });
      const p = h.page;
      const found: Finding[] = [];
      await box(p, 'Master password').waitFor();
      found.push(...(await audit(p, 'create')));

      await seedLivedIn(h, clock);
      await h.call('vault:lock', {});
      await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
      found.push(...(await audit(p, 'unlock')));
      await box(p, 'Master password').fill(PASSWORD);
      await p.keyboard.press('Enter');
      await row(p, 'GitHub').click();
      await p.getByTestId('item-events').waitFor();
      found.push(...(await audit(p, 'vault with the unlock notice')));

      await button(p, 'Edit').click();
      await p.locator('#editor-title').waitFor();
      found.push(...(await audit(p, 'editor')));
      await button(p, 'Cancel').click();

      await row(p, 'Figma').click({ modifiers: ['Shift'] });
      await p.getByTestId('bulk-count').waitFor();
      await row(p, 'Figma').click({ button: 'right' });
      await p.getByRole('menu').waitFor();
      found.push(...(await audit(p, 'multiple selection with the context menu')));
      await p.keyboard.press('Escape');

      await nav(p, 'Trash').click();
      await p.getByText('The trash is empty').waitFor();
      found.push(...(await audit(p, 'empty trash')));

      for (const [page, ready] of [
        ['Activity', 'Activity'],
        ['Generator', 'Generator'],
        ['Health', 'Vault health'],
        ['Import / export', 'Import and export'],
        ['Settings', 'Settings'],
      ] as const) {
        await nav(p, page).click();
        await p.getByRole('heading', { name: ready, exact: true }).first().waitFor();
        await p.waitForTimeout(300);
        found.push(...(await audit(p, page)));
      }

      await nav(p, 'All items').click();
      await list(p).waitFor();
      await p.keyboard.press('F1');
      await p.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      found.push(...(await audit(p, 'shortcut overview')));

      expect(found).toEqual([]);
      expect(h.pageErrors).toEqual([]);
    });
  }
});
