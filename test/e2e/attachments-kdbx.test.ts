// Attachments and the KeePass import in real Chromium against the real handlers and core: the
// wizard imports a KDBX database that needs a password and a key file, its attachment comes
// along; in the detail pane a file is attached with the (stand-in) dialog and by dropping it,
// a text and an image are previewed (each logged), one is saved, moved to the item's trash,
// restored and deleted for good. Screenshots at a narrow and a wide window, light and dark.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../shared/domain';
import { writeKdbx } from '../../electron/core/formats/kdbx/write';
import { FAST_KDF, seedVault, startHarness, stopShared, type Harness } from './support/harness';
import { CHROMIUM } from './support/skip';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
// A 2×2 PNG (red, green, blue, white).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAwMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

async function shot(p: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await p.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function kdbxWithKeyFile(dir: string): Promise<{ db: string; key: string }> {
  const key = path.join(dir, 'family.keyx');
  fs.writeFileSync(key, Buffer.alloc(32, 0x5a));
  const item: Item = { id: 'k1', type: 'login', title: 'Family NAS', username: 'admin', password: 'nas-pass', urls: ['https://nas.local'], totp: '', notes: 'in the cupboard', tags: [], folder: 'Home', favorite: false, fields: [], service: '', keyId: '', secret: '', environment: '', expiresAt: null, rotationDays: null, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, deletedAt: null };
  const db = path.join(dir, 'family.kdbx');
  fs.writeFileSync(db, await writeKdbx([{ item, passwordHistory: [], files: [{ name: 'warranty.txt', content: new TextEncoder().encode('Warranty until 2030') }] }], { password: 'family-pass-1', keyFile: fs.readFileSync(key), kdf: FAST_KDF }));
  return { db, key };
}

describe.skipIf(!CHROMIUM)('attachments and the KeePass import', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(CHROMIUM as string, { viewport: { width: 1400, height: 900 } });
    await seedVault(h, [{ type: 'login', title: 'Router', username: 'admin', password: 'router-pw', urls: ['https://router.local'] }]);
  });
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  const openItem = async (title: string) => {
    await h.page.getByRole('button', { name: 'All items' }).first().click();
    await h.page.getByRole('option', { name: new RegExp(title) }).first().click();
    await h.page.getByRole('heading', { name: title, level: 2 }).waitFor();
  };

  it('imports a KeePass database with its password and key file, attachments included', async () => {
    const p = h.page;
    const { db, key } = await kdbxWithKeyFile(h.dir);
    await p.getByRole('button', { name: 'Import / export' }).click();
    await p.getByRole('heading', { name: 'Import and export' }).waitFor();
    h.fileChooser.path = db;
    await p.getByRole('button', { name: 'Choose file…' }).click();
    await p.getByText('family.kdbx', { exact: true }).waitFor();
    await p.getByLabel('Password of the KeePass database', { exact: true }).fill('family-pass-1');
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByText('That password or key file does not open this database.').waitFor();
    h.fileChooser.keyFile = key;
    await p.getByRole('button', { name: 'Key file…' }).click();
    await p.getByTestId('key-file').getByText('Key file: family.keyx').waitFor();
    await p.getByRole('button', { name: 'Preview' }).click();
    await p.getByRole('button', { name: 'Import 1 item' }).click();
    await p.getByText('Imported 1 item.').waitFor();

    await openItem('Family NAS');
    const files = p.getByTestId('attachments');
    await files.getByText('warranty.txt').waitFor();
    await files.getByRole('button', { name: 'Preview warranty.txt' }).click();
    await p.getByRole('figure', { name: 'Preview of warranty.txt' }).getByText('Warranty until 2030').waitFor();
    const kinds = h.services.vault.unlocked().history.query({}).map((e) => e.kind);
    expect(kinds).toContain('attachment-open');
  });

  it('attaches by dialog and by drop, previews an image, saves, trashes, restores and purges', async () => {
    const p = h.page;
    await openItem('Router');
    const files = p.getByTestId('attachments');
    await files.getByText('No files yet.', { exact: false }).waitFor();
    const src = path.join(h.dir, 'router-backup.cfg');
    fs.writeFileSync(src, 'hostname router\n');
    h.fileChooser.attachment = src;
    await files.getByRole('button', { name: 'Attach file…' }).click();
    await files.getByText('router-backup.cfg').waitFor();

    // A drop as the OS would deliver it: a DataTransfer with a File.
    const data = await p.evaluateHandle(`(() => {
      const dt = new DataTransfer();
      const bytes = Uint8Array.from(atob('${PNG.toString('base64')}'), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], 'label.png', { type: 'image/png' }));
      return dt;
    })()`);
    await files.dispatchEvent('dragover', { dataTransfer: data });
    await files.dispatchEvent('drop', { dataTransfer: data });
    await files.getByText('label.png').waitFor();
    await files.getByRole('button', { name: 'Preview label.png' }).click();
    const img = p.getByRole('img', { name: 'label.png' });
    await img.waitFor();
    expect(await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(2);
    for (const [theme, width] of [['light', 1400], ['light', 760], ['dark', 760], ['dark', 1400]] as const) {
      await p.emulateMedia({ colorScheme: theme });
      await p.setViewportSize({ width, height: 900 });
      await shot(p, `attachments-${theme}-${width}`);
    }
    await p.setViewportSize({ width: 1400, height: 900 });

    h.fileChooser.saveTo = path.join(h.dir, 'saved.cfg');
    await files.getByRole('button', { name: 'Save router-backup.cfg as…' }).click();
    await p.getByText('Saved “router-backup.cfg”.').waitFor();
    expect(fs.readFileSync(path.join(h.dir, 'saved.cfg'), 'utf8')).toBe('hostname router\n');

    await files.getByRole('button', { name: 'Move label.png to the trash' }).click();
    await files.getByRole('button', { name: 'Show files in the trash (1)' }).click();
    await files.getByRole('button', { name: 'Restore label.png' }).click();
    await files.getByRole('button', { name: 'Move label.png to the trash' }).waitFor();
    await files.getByRole('button', { name: 'Move label.png to the trash' }).click();
    // The files in the trash are still shown from before.
    await files.getByRole('button', { name: 'Hide files in the trash (1)' }).waitFor();
    await files.getByRole('button', { name: 'Delete label.png forever' }).click();
    await p.getByRole('dialog').getByRole('button', { name: 'Delete forever' }).click();
    await files.getByRole('button', { name: /files in the trash/ }).waitFor({ state: 'detached' });
    const id = h.services.vault.unlocked().items.list({}).find((i) => i.title === 'Router')?.id ?? '';
    expect(h.services.vault.unlocked().attachments.list(id, { trash: true }).map((a) => a.name)).toEqual(['router-backup.cfg']);
    expect(h.pageErrors).toEqual([]);
  });
});
