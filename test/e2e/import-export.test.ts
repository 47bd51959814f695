// The import wizard and the export page in real Chromium against the real handlers and core:
// choose a file (main's open dialog is the harness' stand-in; the page gets only its name and
// size), see the preview with masked secrets, problems by line and duplicates, import, then
// export with the master password re-entered and the unencrypted warning acknowledged.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemInputSchema, type Item } from '../../shared/domain';
import { MAX_IMPORT_BYTES } from '../../electron/core/formats/import';
import { sealExport } from '../../electron/core/formats/encrypted/envelope';
import { FAST_KDF, PASSWORD, seedVault, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'csv');
const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

describe.skipIf(!CHROMIUM)('import wizard and export', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(CHROMIUM as string);
    await seedVault(h, [{ type: 'login', title: 'Same', username: 'ana', password: 'other', urls: ['https://same.example'] }]);
  });
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  /** Picks the file in main's open dialog (the harness' stand-in) and waits for its name. */
  const chooseFile = async (file: string) => {
    h.fileChooser.path = file;
    await h.page.getByRole('button', { name: 'Choose file…' }).click();
    await h.page.getByText(path.basename(file), { exact: true }).waitFor();
  };

  const openPage = async () => {
    await h.page.getByRole('button', { name: 'Import / export' }).click();
    await h.page.getByRole('heading', { name: 'Import and export' }).waitFor();
  };

  it('previews a Bitwarden file without secrets, then imports it', async () => {
    const p = h.page;
    await openPage();
    await chooseFile(path.join(FIXTURES, 'bitwarden.csv'));
    const size = fs.statSync(path.join(FIXTURES, 'bitwarden.csv')).size;
    expect(await p.getByRole('group', { name: 'File to import' }).textContent()).toContain(`bitwarden.csv (${size} bytes)`);
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByText('(recognised from the header)').waitFor();
    const table = p.getByRole('table', { name: 'Preview of the first rows' });
    await table.getByText('Twitter', { exact: true }).waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('••••••••');
    for (const secret of ['p@ss', '4111111111111111', 'пароль']) expect(text).not.toContain(secret);
    await p.getByRole('button', { name: 'Import 5 items' }).click();
    await p.getByText('Imported 5 items.').waitFor();
    expect(h.services.vault.unlocked().items.list({}).map((s) => s.title)).toContain('Twitter');
  });

  it('lists problem rows by line, offers to skip them, and handles duplicates', async () => {
    const p = h.page;
    await p.getByRole('button', { name: 'Import another file' }).click();
    await chooseFile(path.join(FIXTURES, 'duplicates.csv'));
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByText('2 rows are duplicates').waitFor();
    await p.getByText('Line 4: Same — duplicate of an item in the vault').waitFor();
    await p.getByText('Line 3: Same — duplicate of an earlier row').waitFor();
    await p.getByRole('button', { name: 'Import 1 item' }).waitFor();
    await p.getByLabel('Import them anyway').check();
    await p.getByRole('button', { name: 'Import 3 items' }).click();
    await p.getByText('Imported 3 items.').waitFor();

    await p.getByRole('button', { name: 'Import another file' }).click();
    await chooseFile(path.join(FIXTURES, 'broken-ragged.csv'));
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByText('Line 3: The row has 3 fields but the header has 4.').waitFor();
    const importButton = p.getByRole('button', { name: 'Import 2 items' });
    expect(await importButton.isDisabled()).toBe(true);
    await p.getByLabel('Import the other rows and leave these out').check();
    await importButton.click();
    await p.getByText('Imported 2 items; skipped 1 row.').waitFor();
  });

  it('maps the columns of a generic CSV, guessing "Site" as the title, with a live preview', async () => {
    const p = h.page;
    await p.getByRole('button', { name: 'Import another file' }).click();
    await chooseFile(path.join(FIXTURES, 'generic-semicolon.csv'));
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByRole('group', { name: 'Map the columns' }).waitFor();
    // Site;Login;Pass;Comment: the guess needs no help.
    expect(await p.getByLabel('Title', { exact: true }).inputValue()).toBe('Site');
    expect(await p.getByLabel('URL', { exact: true }).inputValue()).toBe('');
    expect(await p.getByLabel('Password', { exact: true }).inputValue()).toBe('Pass');
    const table = p.getByRole('table', { name: 'Preview of the first rows' });
    await table.getByText('Intranet', { exact: true }).waitFor();
    // Each change redraws the preview, with no button to press.
    expect(await p.getByRole('button', { name: 'Update preview' }).count()).toBe(0);
    await p.getByLabel('Title', { exact: true }).selectOption('Colour');
    await table.getByText('blue', { exact: true }).waitFor();
    await p.getByLabel('Title', { exact: true }).selectOption('Site');
    await table.getByText('Intranet', { exact: true }).waitFor();
    await p.getByLabel('Notes', { exact: true }).selectOption('Comment');
    // The grid of selects fits the card at 1100 px (it overflowed it).
    await p.setViewportSize({ width: 1100, height: 720 });
    const grid = await p.locator('.ie-mapping-grid').boundingBox();
    const card = await p.locator('.ie-card').first().boundingBox();
    expect((grid?.x ?? 0) + (grid?.width ?? 0)).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0));
    expect(await p.locator('.ie-mapping-grid').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await p.getByRole('button', { name: 'Import 1 item' }).click();
    await p.getByText('Imported 1 item.').waitFor();
    const vault = h.services.vault.unlocked();
    const item = vault.items.withSecrets(vault.items.resolve('Intranet'));
    expect(item).toMatchObject({ password: 'in-pass', notes: 'has; semicolon' });
  });

  it('recognises an Enpass CSV (no header) from its rows, previews it without secrets and imports it', async () => {
    const p = h.page;
    await p.getByRole('button', { name: 'Import another file' }).click();
    await chooseFile(path.join(FIXTURES, 'enpass.csv'));
    expect(await p.locator('#import-format option', { hasText: 'Enpass (CSV)' }).count()).toBe(1);
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByText('(recognised from its content)').waitFor();
    // The last row is the Bitwarden file's メール 📧 again: a duplicate of an item in the vault.
    expect(await p.locator('.ie-summary').textContent()).toBe('Enpass (CSV) (recognised from its content) — 9 rows: 5 logins, 3 notes.');
    await p.getByText('Line 12: メール 📧 — duplicate of an item in the vault').waitFor();
    const table = p.getByRole('table', { name: 'Preview of the first rows' });
    await table.getByText('Booking', { exact: true }).waitFor();
    const text = (await table.textContent()) ?? '';
    for (const secret of ['MyPassWordHere', 'gh,pass', 'Rex', '4111111111111111']) expect(text).not.toContain(secret);
    expect(await p.getByRole('group', { name: 'Map the columns' }).count()).toBe(0);
    for (const [theme, width] of [['light', 1400], ['light', 760], ['dark', 760], ['dark', 1400]] as const) {
      await p.emulateMedia({ colorScheme: theme });
      await p.setViewportSize({ width, height: 900 });
      fs.mkdirSync(SHOTS, { recursive: true });
      await p.screenshot({ path: path.join(SHOTS, `import-enpass-${theme}-${width}.png`) });
    }
    await p.emulateMedia({ colorScheme: 'light' });
    await p.setViewportSize({ width: 1100, height: 720 });
    // The earlier test chose to import duplicates; this one skips it.
    await p.getByLabel('Skip duplicates').check();
    await p.getByRole('button', { name: 'Import 8 items' }).click();
    await p.getByText('Imported 8 items; skipped 1 row.').waitFor();
    const vault = h.services.vault.unlocked();
    expect(vault.items.withSecrets(vault.items.resolve('Booking'))).toMatchObject({ username: 'rw.cloud@example.com', password: 'MyPassWordHere', urls: ['https://account.booking.com', 'https://account.booking.com/sign-in'] });
    expect(h.pageErrors).toEqual([]);
  });

  it('exports after the master password is entered again and the warning acknowledged', async () => {
    const p = h.page;
    const file = path.join(h.dir, 'export.csv');
    h.services.importExport.chooseSavePath = async () => file;
    await p.getByLabel(/Keystash CSV/).check();
    await p.getByText('This file is not encrypted.').waitFor();
    await p.getByRole('textbox', { name: 'Master password', exact: true }).fill('wrong password');
    await p.getByRole('button', { name: 'Export…' }).click();
    await p.getByText('Tick the box to confirm.').waitFor();
    await p.getByLabel('I understand the file is not encrypted').check();
    await p.getByRole('button', { name: 'Export…' }).click();
    await p.getByText('The master password is wrong; nothing was exported.').waitFor();
    expect(fs.existsSync(file)).toBe(false);
    await p.getByRole('textbox', { name: 'Master password', exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Export…' }).click();
    await p.getByText(`to ${file}.`, { exact: false }).waitFor();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain('Twitter');
    expect(h.pageErrors).toEqual([]);
  });

  it('keeps the chosen file when the dialog is cancelled, refuses a file over the limit, and asks for an encrypted export\'s password', async () => {
    const p = h.page;
    await p.getByRole('button', { name: 'Import another file' }).click();
    await chooseFile(path.join(FIXTURES, 'chrome.csv'));
    h.fileChooser.path = null;
    await p.getByRole('button', { name: 'Choose file…' }).click();
    // Still chosen, in the page and in main: the preview is of the Chrome file.
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByRole('button', { name: 'Import 3 items' }).waitFor();
    await p.getByRole('button', { name: 'Choose another file' }).click();

    const huge = path.join(h.dir, 'huge.csv');
    fs.writeFileSync(huge, 'name,url,username,password\n');
    fs.truncateSync(huge, MAX_IMPORT_BYTES + 1);
    h.fileChooser.path = huge;
    await p.getByRole('button', { name: 'Choose file…' }).click();
    await p.getByText('The file is larger than 100 MB; split it and import the parts.').waitFor();
    await p.getByText('No file chosen').waitFor();
    expect(await p.getByRole('button', { name: 'Preview' }).isDisabled()).toBe(true);

    const sealed = path.join(h.dir, 'backup.keystash-export');
    const item: Item = { ...itemInputSchema.parse({ type: 'login', title: 'Sealed login', username: 'sam', password: 'sealed-pw' }), id: 'sealed-1', createdAt: 1, updatedAt: 1, deletedAt: null };
    fs.writeFileSync(sealed, await sealExport([{ item, passwordHistory: [] }], 'export-pass-1', FAST_KDF));
    await chooseFile(sealed);
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByText('This is an encrypted Keystash export; enter the password it was exported with.').waitFor();
    await p.getByRole('textbox', { name: 'Password of the encrypted export' }).fill('export-pass-1');
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByText('Keystash (encrypted export)').waitFor();
    await p.getByRole('button', { name: 'Import 1 item' }).click();
    await p.getByText('Imported 1 item.').waitFor();
    expect(h.services.vault.unlocked().items.withSecrets(h.services.vault.unlocked().items.resolve('Sealed login'))).toMatchObject({ username: 'sam', password: 'sealed-pw' });
    expect(h.pageErrors).toEqual([]);
  });

  it('shows real progress while a large file imports, then the result', { timeout: 120_000 }, async () => {
    const p = h.page;
    const rows = 20_000;
    const file = path.join(h.dir, 'large.csv');
    const lines = Array.from({ length: rows }, (_, i) => `Large site ${i},https://large${i}.example,user${i},pw-${i}`);
    fs.writeFileSync(file, `name,url,username,password\n${lines.join('\n')}\n`);
    await p.getByRole('button', { name: 'Import another file' }).click();
    await chooseFile(file);
    await p.getByRole('button', { name: 'Preview' }).click();
    // Every state of the bar and its status line is recorded in the page as it changes, so the
    // check does not depend on catching one moment. (A function, not a string: the app's CSP
    // forbids eval; the Node-side types have no DOM.)
    await p.evaluate(() => {
      type El = { value?: number; textContent: string | null; querySelector(s: string): El | null; parentElement: El | null };
      const g = globalThis as unknown as { document: El & { body: unknown }; MutationObserver: new (cb: () => void) => { observe(t: unknown, o: object): void }; seen: { value: number; status: string }[] };
      g.seen = [];
      new g.MutationObserver(() => {
        const bar = g.document.querySelector('progress[aria-label="Import progress"]');
        if (!bar) return;
        const status = bar.parentElement?.querySelector('p')?.textContent ?? '';
        const last = g.seen[g.seen.length - 1];
        if (!last || last.value !== bar.value || last.status !== status) g.seen.push({ value: bar.value ?? 0, status });
      }).observe(g.document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await p.getByRole('button', { name: 'Import 20,000 items' }).click();
    await p.getByText('Imported 20,000 items.').waitFor({ timeout: 90_000 });
    const seen = (await p.evaluate(() => (globalThis as unknown as { seen: unknown }).seen)) as { value: number; status: string }[];
    const partial = seen.filter((s) => s.value > 0 && s.value < 1);
    expect(partial.length, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(partial[0]?.status).toMatch(/^Saved [\d,]+ of 20,000 items \(\d+%\)…$/);
    expect(seen.map((s) => s.value)).toEqual([...seen.map((s) => s.value)].sort((a, b) => a - b));
    expect(h.services.vault.unlocked().items.counts().all).toBeGreaterThanOrEqual(rows);
    expect(h.pageErrors).toEqual([]);
  });
});
