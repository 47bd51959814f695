// Exports: safe files (0600, no overwrite, no half-written file), formula guards, each format's
// content, the encrypted format's round trip, and the usage-history record.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../electron/core/formats/csv/read';
import { exportVault, renderExport } from '../../../../electron/core/formats/export/run';
import { writeExportFile } from '../../../../electron/core/formats/export/safe-write';
import { loadFile, runImport } from '../../../../electron/core/formats/import';
import type { Vault } from '../../../../electron/core/vault';
import { apiKey, caught, FAST_KDF, login, newVault, note, tempDir } from '../../fixtures/vault-helpers';
import { snapshot } from './helpers';

async function filled(): Promise<Vault> {
  const vault = await newVault();
  const a = vault.items.create(login('Formula', { password: '=HYPERLINK("http://evil")', notes: '+1\n@two, "three"', tags: ['a', 'b'], favorite: true, folder: 'F' }));
  vault.items.update(a.id, { password: '-changed' });
  vault.items.create(apiKey('Stripe', { expiresAt: '2030-01-02', rotationDays: 90, fields: [{ name: 'Token', value: "'quoted", concealed: true }] }));
  vault.items.create(note('Diary 📓', { notes: 'line1\r\nline2\ttab' }));
  const gone = vault.items.create(login('Trashed'));
  vault.items.trash(gone.id);
  return vault;
}

describe('writing the file', () => {
  it('creates it with mode 0600 and leaves no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.csv');
    writeExportFile(file, 'x');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });

  it('never replaces an existing file unless told to', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.csv');
    fs.writeFileSync(file, 'keep me');
    const err = await caught(() => writeExportFile(file, 'new'));
    expect(err.code).toBe('exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    writeExportFile(file, 'new', { overwrite: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });

  it('fails cleanly for a folder that does not exist', async () => {
    const err = await caught(() => writeExportFile(path.join(tempDir(), 'nope', 'out.csv'), 'x'));
    expect(err.code).toBe('not-found');
  });
});

describe('formats', () => {
  it('csv guards formulas and round-trips every field, time and password history', async () => {
    const vault = await filled();
    const file = path.join(tempDir(), 'vault.csv');
    const r = await exportVault(vault, file, { format: 'csv' });
    expect(r).toMatchObject({ count: 3, encrypted: false });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain(",'-changed,");
    expect(text).toContain(`"'+1\n@two, ""three"""`);
    const cells: string[] = [];
    readCsv(text, ',', (row) => cells.push(...row.fields));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const copy = await newVault();
    const imported = await runImport(copy, loadFile(fs.readFileSync(file)));
    expect(imported).toMatchObject({ format: 'keystash', imported: 3 });
    expect(snapshot(copy)).toEqual(snapshot(vault));
  });

  it('bitwarden writes Bitwarden columns and imports back as Bitwarden', async () => {
    const vault = await filled();
    const { content } = await renderExport(vault, { format: 'bitwarden' });
    expect(content.split('\r\n')[0]).toBe('folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp');
    const copy = await newVault();
    const r = await runImport(copy, loadFile(Buffer.from(content)));
    expect(r).toMatchObject({ format: 'bitwarden', imported: 3 });
    const stripe = copy.items.withSecrets(copy.items.resolve('Stripe'));
    expect(stripe.type).toBe('note');
    expect(stripe.fields).toContainEqual({ name: 'Secret', value: 'sk_live_Stripe', concealed: true });
    // Outside Keystash's own format the guard stays, as other tools expect.
    expect(copy.items.withSecrets(copy.items.resolve('Formula')).password).toBe("'-changed");
  });

  it('json holds every secret in the CLI item shape', async () => {
    const vault = await filled();
    const { content } = await renderExport(vault, { format: 'json' });
    const { items } = JSON.parse(content) as { items: Record<string, unknown>[] };
    expect(items).toHaveLength(3);
    const stripe = items.find((i) => i.title === 'Stripe');
    expect(Object.keys(stripe ?? {}).sort()).toEqual(
      ['id', 'type', 'title', 'username', 'password', 'urls', 'totp', 'notes', 'tags', 'folder', 'favorite', 'fields', 'service', 'keyId', 'secret', 'environment', 'expiresAt', 'createdAt', 'updatedAt', 'lastUsedAt', 'deletedAt'].sort(),
    );
    expect(stripe).toMatchObject({ secret: 'sk_live_Stripe', fields: [{ name: 'Token', value: "'quoted", concealed: true }] });
  });

  it('keystash (encrypted) keeps everything, trash included, and needs its password', async () => {
    const vault = await filled();
    const file = path.join(tempDir(), 'vault.keystash-export');
    await exportVault(vault, file, { format: 'keystash', password: 'export-pass-1', kdf: FAST_KDF });
    const raw = fs.readFileSync(file);
    expect(raw.toString()).not.toContain('Formula');
    const copy = await newVault();
    expect((await caught(() => runImport(copy, loadFile(raw)))).code).toBe('wrong-password');
    expect((await caught(() => runImport(copy, loadFile(raw), { password: 'wrong-pass-1' }))).code).toBe('wrong-password');
    const tampered = JSON.parse(raw.toString()) as { kdf: { iterations: number } };
    tampered.kdf.iterations = 3;
    expect((await caught(() => runImport(copy, loadFile(Buffer.from(JSON.stringify(tampered))), { password: 'export-pass-1' }))).code).toBe('wrong-password');
    const r = await runImport(copy, loadFile(raw), { password: 'export-pass-1' });
    expect(r).toMatchObject({ format: 'keystash', imported: 4 });
    expect(snapshot(copy, true)).toEqual(snapshot(vault, true));
    expect(copy.items.passwordHistory(copy.items.resolve('Formula'))).toHaveLength(1);
  });

  it('refuses an encrypted export without a password or with a short one', async () => {
    const vault = await filled();
    expect((await caught(() => renderExport(vault, { format: 'keystash' }))).code).toBe('invalid-input');
    expect((await caught(() => renderExport(vault, { format: 'keystash', password: 'short', kdf: FAST_KDF }))).code).toBe('invalid-input');
  });

  it('records the export in usage history', async () => {
    const vault = await filled();
    await exportVault(vault, path.join(tempDir(), 'v.json'), { format: 'json' });
    expect(vault.history.query({ kinds: ['export'] }).map((e) => e.detail)).toEqual([{ note: 'format json (not encrypted)', count: 3 }]);
  });
});
