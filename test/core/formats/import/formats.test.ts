// Each password manager's export, from our own fixtures, lands as the items a person expects:
// URLs, TOTP, folders, favourites, notes, non-login rows as notes, extras as custom fields.
import { describe, expect, it } from 'vitest';
import { guessMapping, previewImport } from '../../../../electron/core/formats/import';
import { newVault } from '../../fixtures/vault-helpers';
import { allItems, byTitle, importFixture, loadFixture } from './helpers';

async function imported(name: string) {
  const vault = await newVault();
  const result = await importFixture(vault, name);
  return { vault, result };
}

describe('format detection and mapping', () => {
  it('Bitwarden: several URIs, TOTP, folder, favourite, fields, note and card rows', async () => {
    const { vault, result } = await imported('bitwarden.csv');
    expect(result).toMatchObject({ format: 'bitwarden', imported: 5, skipped: 0, committed: true });
    const t = byTitle(vault, 'Twitter');
    expect(t).toMatchObject({ type: 'login', folder: 'Social', favorite: true, username: 'me@example.com', password: 'p@ss,"word"' });
    expect(t.urls).toEqual(['https://twitter.com', 'https://x.com']);
    expect(t.totp).toMatch(/^otpauth:\/\/totp\/Twitter/);
    expect(t.fields).toEqual([
      { name: 'Recovery code', value: '1234-5678', concealed: false },
      { name: 'Account', value: 'personal', concealed: false },
    ]);
    expect(byTitle(vault, 'Wi-Fi at home')).toMatchObject({ type: 'note', notes: 'SSID: home\nPassword is on the router' });
    const card = byTitle(vault, 'Visa ✨');
    expect(card.type).toBe('note');
    expect(card.fields).toContainEqual({ name: 'number', value: '4111111111111111', concealed: true });
    expect(card.fields).toContainEqual({ name: 'code', value: '123', concealed: true });
    // No title: derived from the URL host; the note keeps its quotes, comma and newline.
    expect(byTitle(vault, 'github.com')).toMatchObject({ username: 'octo', password: '', notes: 'multi\nline "note", with comma' });
    expect(byTitle(vault, 'メール 📧')).toMatchObject({ username: '太郎', password: 'пароль🔑', folder: '日本語' });
  });

  it('Chrome, from UTF-8, UTF-8 with BOM and CRLF, UTF-16 LE and BE', async () => {
    for (const name of ['chrome.csv', 'chrome-bom-crlf.csv', 'chrome-utf16le.csv', 'chrome-utf16be.csv']) {
      const { vault, result } = await imported(name);
      expect(result.format).toBe('chrome');
      expect(allItems(vault).map((i) => [i.title, i.username, i.password])).toEqual([
        ['accounts.google.com', 'ana@gmail.com', 'hunter2hunter2'],
        ['example.net', '', ''],
        ['example.org', 'bob', 'pa,ss'],
      ]);
    }
  });

  it('Edge with a note column keeps a formula-looking password as typed', async () => {
    const { vault } = await imported('edge-note.csv');
    expect(byTitle(vault, 'bank.example')).toMatchObject({ password: '=1+1', notes: 'note with "quotes"\r\nand a second line' });
  });

  it('Firefox: title from host, original times, realm and form origin as fields', async () => {
    const { vault, result } = await imported('firefox.csv');
    expect(result.format).toBe('firefox');
    const m = byTitle(vault, 'mozilla.org');
    expect(m).toMatchObject({ username: 'ana@example.com', password: 'fox-pass', createdAt: 1600000000000, updatedAt: 1650000000000 });
    expect(m.fields).toEqual([{ name: 'formActionOrigin', value: 'https://www.mozilla.org', concealed: false }]);
    expect(byTitle(vault, 'intranet.example').fields).toEqual([{ name: 'httpRealm', value: 'Intranet Realm', concealed: false }]);
  });

  it('Safari / Apple Passwords with OTPAuth and notes', async () => {
    const { vault } = await imported('safari.csv');
    expect(byTitle(vault, 'Apple ID')).toMatchObject({ notes: 'my apple note', totp: expect.stringMatching(/^otpauth:/) });
  });

  it('KeePassXC: group path without the root, TOTP, times', async () => {
    const { vault } = await imported('keepassxc.csv');
    expect(byTitle(vault, 'Forum')).toMatchObject({ folder: '', createdAt: Date.parse('2023-01-01T09:00:00Z'), updatedAt: Date.parse('2024-03-01T10:00:00Z') });
    expect(byTitle(vault, 'SSH jump')).toMatchObject({ folder: 'Work/Servers', password: 's3cr3t;pw', notes: 'line1\nline2' });
  });

  it('LastPass: grouping, fav, bare TOTP secret, secure notes and typed notes', async () => {
    const { vault } = await imported('lastpass.csv');
    expect(byTitle(vault, 'GitHub')).toMatchObject({ folder: 'Work/Dev', favorite: true, totp: 'JBSWY3DPEHPK3PXP' });
    expect(byTitle(vault, 'Plain note')).toMatchObject({ type: 'note', notes: 'This is a plain secure note' });
    const card = byTitle(vault, 'My card');
    expect(card).toMatchObject({ type: 'note', folder: 'Finance', notes: 'card note line 1\ncard note line 2' });
    expect(card.fields).toContainEqual({ name: 'Security Code', value: '123', concealed: true });
    expect(card.fields).toContainEqual({ name: 'Name on Card', value: 'Ana', concealed: false });
  });

  it('1Password: favourite, tags, archived as a tag', async () => {
    const { vault } = await imported('1password.csv');
    expect(byTitle(vault, 'Dropbox')).toMatchObject({ favorite: true, tags: ['work', 'cloud'] });
    expect(byTitle(vault, 'Old forum').tags).toEqual(['archived']);
  });

  it('Proton Pass: URL list, email, vault as folder, card JSON as concealed fields', async () => {
    const { vault } = await imported('protonpass.csv');
    const p = byTitle(vault, 'Proton');
    expect(p).toMatchObject({ folder: 'Personal', username: 'ana', createdAt: 1706621831000, updatedAt: 1707735222000 });
    expect(p.urls).toEqual(['https://proton.me/', 'https://account.proton.me/']);
    expect(p.fields).toEqual([{ name: 'Email', value: 'ana@proton.me', concealed: false }]);
    expect(byTitle(vault, 'Note title')).toMatchObject({ type: 'note', notes: 'this is my note' });
    const card = byTitle(vault, 'Card');
    expect(card).toMatchObject({ type: 'note', folder: 'Second vault', notes: 'card note' });
    expect(card.fields).toContainEqual({ name: 'pin', value: '1234', concealed: true });
    expect(card.fields).toContainEqual({ name: 'verificationNumber', value: '123', concealed: true });
  });

  it('Dashlane: credentials, secure notes and payments files', async () => {
    const { vault } = await imported('dashlane-credentials.csv');
    expect(byTitle(vault, 'login with 2fa')).toMatchObject({ folder: 'Work', totp: 'JBSWY3DPEHPK3PXP', fields: [{ name: 'username2', value: 'john2', concealed: false }] });
    const notes = await imported('dashlane-securenotes.csv');
    expect(byTitle(notes.vault, 'Secret recipe')).toMatchObject({ type: 'note', notes: 'flour, sugar; "love"' });
    const pay = await imported('dashlane-payments.csv');
    const visa = byTitle(pay.vault, 'My Visa');
    expect(visa.type).toBe('note');
    expect(visa.fields).toContainEqual({ name: 'cc_number', value: '4111111111111111', concealed: true });
  });

  it('generic CSV with semicolons: mapped columns, extras as fields, secret-looking names concealed', async () => {
    const vault = await newVault();
    const mapping = { title: ['Site'], username: ['Login'], password: ['Pass'], notes: ['Comment'] };
    const { preview } = await previewImport(vault, loadFixture('generic-semicolon.csv'), { mapping });
    expect(preview).toMatchObject({ format: 'generic', mapping });
    await importFixture(vault, 'generic-semicolon.csv', { mapping });
    const item = byTitle(vault, 'Intranet');
    expect(item).toMatchObject({ username: 'ana', password: 'in-pass', notes: 'has; semicolon' });
    expect(item.fields).toEqual([
      { name: 'PIN code', value: '1234', concealed: true },
      { name: 'Colour', value: 'blue', concealed: false },
    ]);
  });

  it('guesses "Site" as the title of a semicolon CSV, with the address from a column that can only be one', () => {
    expect(guessMapping(['Site', 'Login', 'Password'])).toEqual({ title: ['Site'], username: ['Login'], password: ['Password'] });
    expect(guessMapping(['Name', 'Site', 'Login', 'Password'])).toEqual({ title: ['Name'], url: ['Site'], username: ['Login'], password: ['Password'] });
    expect(guessMapping(['Site', 'URL', 'User', 'Password'])).toEqual({ title: ['Site'], url: ['URL'], username: ['User'], password: ['Password'] });
  });

  it('generic tab-separated file with a guessed mapping', async () => {
    const vault = await newVault();
    const { preview } = await previewImport(vault, loadFixture('generic-tab.tsv'));
    expect(preview.mapping).toEqual({ title: ['Name'], username: ['Login'], url: ['URL'] });
    await importFixture(vault, 'generic-tab.tsv');
    expect(byTitle(vault, 'Tabbed').fields).toEqual([{ name: 'Secret Token', value: 'tok-123', concealed: true }]);
  });

  it('refuses a chosen format whose columns the file lacks', async () => {
    const vault = await newVault();
    await expect(previewImport(vault, loadFixture('chrome.csv'), { format: 'bitwarden' })).rejects.toThrow(/does not look like a Bitwarden export/);
  });
});
