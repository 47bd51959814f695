// The JSON exports of other managers, shaped like the real ones (field names and nesting as
// Bitwarden, 1Password and Proton Pass write them): recognised from their content, mapped
// field by field, through the same preview, duplicates and one-transaction commit as a CSV.
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { commitImport, loadFile, previewImport } from '../../../../electron/core/formats/import';
import type { Vault } from '../../../../electron/core/vault';
import { newVault } from '../../fixtures/vault-helpers';

const BITWARDEN = {
  encrypted: false,
  folders: [{ id: 'f1', name: 'Work' }],
  items: [
    {
      id: 'i1',
      organizationId: null,
      folderId: 'f1',
      type: 1,
      reprompt: 0,
      name: 'GitHub',
      notes: 'two\nlines',
      favorite: true,
      fields: [
        { name: 'Recovery', value: 'rc-1', type: 1, linkedId: null },
        { name: 'Team', value: 'core', type: 0, linkedId: null },
        { name: 'Remember', value: 'true', type: 2, linkedId: null },
      ],
      login: {
        uris: [{ match: null, uri: 'https://github.com' }, { match: null, uri: 'https://gist.github.com' }],
        username: 'alice',
        password: 'now-pw',
        totp: 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
        fido2Credentials: [],
      },
      passwordHistory: [{ lastUsedDate: '2024-02-01T00:00:00.000Z', password: 'old-pw' }],
      revisionDate: '2024-03-01T10:00:00.000Z',
      creationDate: '2023-01-01T10:00:00.000Z',
      deletedDate: null,
      collectionIds: null,
    },
    { id: 'i2', folderId: null, type: 2, name: 'Wi-Fi', notes: 'guest: hunter2', favorite: false, secureNote: { type: 0 }, revisionDate: '2024-03-01T10:00:00.000Z', creationDate: '2024-03-01T10:00:00.000Z', deletedDate: '2024-04-01T00:00:00.000Z' },
    { id: 'i3', folderId: null, type: 3, name: 'Visa', notes: null, favorite: false, card: { cardholderName: 'A B', brand: 'Visa', number: '4111111111111111', expMonth: '1', expYear: '2030', code: '123' }, revisionDate: '2024-03-01T10:00:00.000Z', creationDate: '2024-03-01T10:00:00.000Z', deletedDate: null },
  ],
};

async function importAll(vault: Vault, bytes: Uint8Array, password?: string): Promise<string> {
  const checked = await previewImport(vault, loadFile(bytes), password ? { password } : {});
  expect(checked.preview.problems).toEqual([]);
  const r = await commitImport(vault, checked);
  expect(r.committed).toBe(true);
  return r.format;
}

const find = (vault: Vault, title: string, trash = false) => {
  const id = vault.items.list({ trash }).find((i) => i.title === title)?.id;
  if (!id) throw new Error(`no ${title}`);
  return { ...vault.items.record(id), id };
};

/** Bitwarden's password-protected export (PBKDF2, EncString type 2), built as Bitwarden builds it. */
function protectBitwarden(plain: unknown, password: string): Uint8Array {
  const salt = randomBytes(16).toString('base64');
  const key = pbkdf2Sync(password, salt, 600_000 / 100, 32, 'sha256');
  const expand = (info: string) => createHmac('sha256', key).update(Buffer.concat([Buffer.from(info), Buffer.from([1])])).digest();
  const enc = expand('enc');
  const mac = expand('mac');
  const encString = (text: string): string => {
    const iv = randomBytes(16);
    const c = createCipheriv('aes-256-cbc', enc, iv);
    const ct = Buffer.concat([c.update(text, 'utf8'), c.final()]);
    const m = createHmac('sha256', mac).update(Buffer.concat([iv, ct])).digest();
    return `2.${iv.toString('base64')}|${ct.toString('base64')}|${m.toString('base64')}`;
  };
  return strToU8(JSON.stringify({ encrypted: true, passwordProtected: true, salt, kdfType: 0, kdfIterations: 6000, encKeyValidation_DO_NOT_EDIT: encString('b8f4a3c2-validation'), data: encString(JSON.stringify(plain)) }));
}

describe('Bitwarden JSON', () => {
  it('imports logins with every URI, typed fields, history, favourite, folder, TOTP and times; notes, trash and cards', async () => {
    const vault = await newVault();
    expect(await importAll(vault, strToU8(JSON.stringify(BITWARDEN)))).toBe('bitwarden-json');
    const gh = find(vault, 'GitHub');
    expect(gh.item).toMatchObject({
      type: 'login',
      folder: 'Work',
      favorite: true,
      username: 'alice',
      password: 'now-pw',
      urls: ['https://github.com', 'https://gist.github.com'],
      totp: 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
      notes: 'two\nlines',
      createdAt: Date.parse('2023-01-01T10:00:00.000Z'),
      updatedAt: Date.parse('2024-03-01T10:00:00.000Z'),
    });
    expect(gh.item.fields).toEqual([
      { name: 'Recovery', value: 'rc-1', concealed: true },
      { name: 'Team', value: 'core', concealed: false },
      { name: 'Remember', value: 'true', concealed: false },
    ]);
    expect(gh.passwordHistory).toEqual([{ field: 'password', value: 'old-pw', changedAt: Date.parse('2024-02-01T00:00:00.000Z') }]);
    expect(find(vault, 'Wi-Fi', true).item).toMatchObject({ type: 'note', notes: 'guest: hunter2', deletedAt: Date.parse('2024-04-01T00:00:00.000Z') });
    const visa = find(vault, 'Visa').item;
    expect(visa.type).toBe('note');
    expect(visa.fields).toEqual(expect.arrayContaining([{ name: 'Card number', value: '4111111111111111', concealed: true }, { name: 'Card code', value: '123', concealed: true }]));
  });

  it('opens the password-protected form with its password; a wrong one imports nothing', async () => {
    const vault = await newVault();
    const bytes = protectBitwarden(BITWARDEN, 'bw-export-pw');
    const loaded = loadFile(bytes);
    expect(loaded.encrypted).toBe(true);
    await expect(previewImport(vault, loaded, { password: 'nope-nope' })).rejects.toMatchObject({ code: 'wrong-password' });
    expect(vault.items.list({})).toEqual([]);
    expect(await importAll(vault, bytes, 'bw-export-pw')).toBe('bitwarden-json');
    expect(find(vault, 'GitHub').item.password).toBe('now-pw');
  });

  it('a second import finds every item outside the trash a duplicate', async () => {
    const vault = await newVault();
    await importAll(vault, strToU8(JSON.stringify(BITWARDEN)));
    const again = await previewImport(vault, loadFile(strToU8(JSON.stringify(BITWARDEN))));
    // The vault's trash is not compared (as for CSV): the trashed note comes in again.
    expect(again.preview.duplicates.map((d) => d.title).sort()).toEqual(['GitHub', 'Visa']);
  });
});

describe('1Password .1pux', () => {
  it('imports logins, section fields, TOTP, tags, archive, trash, history and files from the zip', async () => {
    const data = {
      accounts: [
        {
          attrs: { accountName: 'Me' },
          vaults: [
            {
              attrs: { uuid: 'v1', name: 'Private' },
              items: [
                {
                  uuid: 'a1',
                  favIndex: 1,
                  createdAt: 1700000000,
                  updatedAt: 1710000000,
                  state: 'active',
                  categoryUuid: '001',
                  details: {
                    loginFields: [
                      { value: 'bob', id: '', name: 'username', fieldType: 'T', designation: 'username' },
                      { value: 'bob-pw', id: '', name: 'password', fieldType: 'P', designation: 'password' },
                    ],
                    notesPlain: 'hello',
                    sections: [
                      {
                        title: 'Security',
                        name: 's1',
                        fields: [
                          { title: 'one-time password', id: 'TOTP_1', value: { totp: 'otpauth://totp/Ex:bob?secret=JBSWY3DPEHPK3PXP' } },
                          { title: 'PIN', id: 'p', value: { concealed: '0000' } },
                          { title: 'Recovery email', id: 'e', value: { email: { email_address: 'b@example.com', provider: null } } },
                          { title: 'scan', id: 'f', value: { file: { fileName: 'scan.png', documentId: 'doc1', decryptedSize: 3 } } },
                        ],
                      },
                    ],
                    passwordHistory: [{ value: 'bob-old', time: 1705000000 }],
                  },
                  overview: { subtitle: 'bob', urls: [{ label: '', url: 'https://ex.com' }, { label: 'alt', url: 'https://alt.ex.com' }], title: 'Example', url: 'https://ex.com', tags: ['web'] },
                },
                { uuid: 'a2', favIndex: 0, createdAt: 1700000000, updatedAt: 1700000100, state: 'archived', categoryUuid: '003', details: { notesPlain: 'secret note' }, overview: { title: 'Old note', tags: [] } },
                { uuid: 'a3', favIndex: 0, createdAt: 1700000000, updatedAt: 1700000200, state: 'deleted', categoryUuid: '006', details: { documentAttributes: { fileName: 'passport.pdf', documentId: 'doc2', decryptedSize: 4 } }, overview: { title: 'Passport' } },
              ],
            },
          ],
        },
      ],
    };
    const zip = zipSync({
      'export.attributes': strToU8(JSON.stringify({ version: 3, description: '1Password Unencrypted Export', createdAt: 1710000000 })),
      'export.data': strToU8(JSON.stringify(data)),
      'files/doc1__scan.png': new Uint8Array([1, 2, 3]),
      'files/doc2__passport.pdf': new Uint8Array([4, 5, 6, 7]),
    });
    const vault = await newVault();
    expect(await importAll(vault, zip)).toBe('1pux');
    const ex = find(vault, 'Example');
    expect(ex.item).toMatchObject({ type: 'login', folder: 'Private', favorite: true, username: 'bob', password: 'bob-pw', urls: ['https://ex.com', 'https://alt.ex.com'], totp: 'otpauth://totp/Ex:bob?secret=JBSWY3DPEHPK3PXP', tags: ['web'], notes: 'hello', createdAt: 1700000000000, updatedAt: 1710000000000 });
    expect(ex.item.fields).toEqual([
      { name: 'Security – PIN', value: '0000', concealed: true },
      { name: 'Security – Recovery email', value: 'b@example.com', concealed: false },
    ]);
    expect(ex.passwordHistory.map((h) => h.value)).toEqual(['bob-old']);
    expect(vault.attachments.list(ex.id).map((a) => [a.name, a.size])).toEqual([['scan.png', 3]]);
    expect(find(vault, 'Old note').item).toMatchObject({ type: 'note', tags: ['archived'] });
    const passport = find(vault, 'Passport', true);
    expect(passport.item.deletedAt).not.toBeNull();
    expect(vault.attachments.list(passport.id).map((a) => a.name)).toEqual(['passport.pdf']);
  });
});

describe('Proton Pass', () => {
  const data = {
    version: '1.21.0',
    userId: 'u1',
    encrypted: false,
    vaults: {
      share1: {
        name: 'Personal',
        description: '',
        display: { color: 0, icon: 0 },
        items: [
          {
            itemId: 'p1',
            shareId: 'share1',
            data: {
              metadata: { name: 'Mail', note: 'n', itemUuid: 'x' },
              extraFields: [
                { fieldName: 'Backup code', type: 'hidden', data: { content: 'bc-1' } },
                { fieldName: 'Plan', type: 'text', data: { content: 'free' } },
              ],
              type: 'login',
              content: { itemEmail: 'me@proton.me', itemUsername: 'me', password: 'mail-pw', urls: ['https://mail.proton.me'], totpUri: 'otpauth://totp/Proton:me?secret=JBSWY3DPEHPK3PXP', passkeys: [] },
            },
            state: 1,
            aliasEmail: null,
            contentFormatVersion: 1,
            createTime: 1700000000,
            modifyTime: 1700000500,
            pinned: true,
          },
          { itemId: 'p2', shareId: 'share1', data: { metadata: { name: 'Gone', note: '', itemUuid: 'y' }, extraFields: [], type: 'note', content: {} }, state: 2, createTime: 1700000000, modifyTime: 1700000900, pinned: false },
        ],
      },
    },
  };

  it('imports the zip export: email and username, URLs, TOTP, extra fields, pinned, vault folder, trash', async () => {
    const vault = await newVault();
    const zip = zipSync({ 'Proton Pass/data.json': strToU8(JSON.stringify(data)) });
    expect(await importAll(vault, zip)).toBe('protonpass-json');
    const mail = find(vault, 'Mail').item;
    expect(mail).toMatchObject({ folder: 'Personal', favorite: true, username: 'me', password: 'mail-pw', urls: ['https://mail.proton.me'], totp: 'otpauth://totp/Proton:me?secret=JBSWY3DPEHPK3PXP', createdAt: 1700000000000, updatedAt: 1700000500000 });
    expect(mail.fields).toEqual([
      { name: 'Email', value: 'me@proton.me', concealed: false },
      { name: 'Backup code', value: 'bc-1', concealed: true },
      { name: 'Plan', value: 'free', concealed: false },
    ]);
    expect(find(vault, 'Gone', true).item.deletedAt).toBe(1700000900000);
  });

  it('refuses an encrypted export and an unknown zip or JSON with a clear sentence', () => {
    expect(() => loadFile(strToU8(JSON.stringify({ ...data, encrypted: true })))).toThrow(/PGP-encrypted/);
    expect(() => loadFile(zipSync({ 'readme.txt': strToU8('hi') }))).toThrow(/not an export Keystash knows/);
    expect(() => loadFile(strToU8('{"hello": 1}'))).toThrow(/JSON file is not an export Keystash knows/);
  });
});
