// KeePass databases against the real peer. keepassxc-cli writes KDBX 4 (from a KeePass XML
// export, with a key file) and KDBX 3.1 (db-create, add, edit, rm, attachment-import) that
// Keystash imports field by field; a database Keystash exports (KDBX 4, Argon2id) is opened
// by keepassxc-cli, which lists it, shows its attributes, computes its one-time codes and
// exports its attachments byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportVault } from '../../../../electron/core/formats/export/run';
import { commitImport, loadFile, previewImport, readImportFile } from '../../../../electron/core/formats/import';
import { totpCode } from '../../../../electron/core/items/totp';
import type { Vault } from '../../../../electron/core/vault';
import { FAST_KDF, login, newVault, tempDir } from '../../fixtures/vault-helpers';
import { kpcli, kpOk } from './peer';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'fixtures', 'kdbx', 'peer-rich.xml');
const PEER_PASSWORD = 'peer-pass-1';

async function importInto(vault: Vault, file: string, password: string, keyFile?: string): Promise<void> {
  const loaded = loadFile(await readImportFile(file));
  const checked = await previewImport(vault, loaded, { password, ...(keyFile ? { keyFile: await readImportFile(keyFile) } : {}) });
  expect(checked.preview.problems).toEqual([]);
  const r = await commitImport(vault, checked);
  expect(r.committed).toBe(true);
}

function byTitle(vault: Vault, title: string, trash = false): string {
  const hit = vault.items.list({ trash }).find((i) => i.title === title);
  if (!hit) throw new Error(`no item ${title}`);
  return hit.id;
}

describe('KDBX from keepassxc-cli', () => {
  it('imports a KDBX 4 database with a password and a key file: every field, history, recycle bin, old TOTP, attachments', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'peer.kdbx');
    const key = path.join(dir, 'peer.keyx');
    kpOk(['import', '-q', '-p', '-t', '100', '--set-key-file', key, FIXTURE, db], [PEER_PASSWORD, PEER_PASSWORD]);
    const note = path.join(dir, 'recovery.txt');
    fs.writeFileSync(note, 'recovery codes\n1111 2222\n');
    kpOk(['attachment-import', '-q', '-k', key, db, 'GitHub', 'recovery.txt', note], [PEER_PASSWORD]);
    expect(fs.readFileSync(db).subarray(8, 12)).toEqual(Buffer.from([0, 0, 4, 0])); // KDBX 4.0

    const vault = await newVault();
    await importInto(vault, db, PEER_PASSWORD, key);
    const gh = vault.items.withSecrets(byTitle(vault, 'GitHub'));
    expect(gh).toMatchObject({
      type: 'login',
      username: 'alice',
      password: 'pw-now',
      urls: ['https://github.com', 'https://gist.github.com', 'https://api.github.com'],
      notes: 'line1\nline2',
      tags: ['dev', 'work'],
      folder: '',
      totp: 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DP&period=30&digits=6&issuer=GitHub',
      createdAt: Date.parse('2023-01-02T03:04:05Z'),
    });
    // attachment-import touched the entry, so its modification time is now the peer's clock.
    expect(gh.updatedAt).toBeGreaterThan(Date.parse('2024-05-06T07:08:09Z'));
    expect(gh.fields).toEqual([
      { name: 'Recovery code', value: 'rc-123', concealed: true },
      { name: 'Team', value: 'platform', concealed: false },
      { name: 'Expires', value: '2027-12-31', concealed: false },
    ]);
    expect(vault.items.record(gh.id).passwordHistory.map((h) => h.value)).toEqual(['pw-old']);
    const [file] = vault.attachments.list(gh.id);
    expect(file?.name).toBe('recovery.txt');
    expect(new TextDecoder().decode(vault.attachments.readForPreview(gh.id, file?.id ?? '', 1000).content)).toBe('recovery codes\n1111 2222\n');

    const old = vault.items.withSecrets(byTitle(vault, 'Old OTP'));
    expect(old.folder).toBe('Work/Servers');
    expect(totpCode(old.totp, 0).digits).toBe(8);
    expect(vault.items.list({ trash: true }).map((i) => i.title)).toEqual(['Deleted one']);
  });

  it('imports a KDBX 3.1 database built with db-create, mkdir, add, edit, rm and attachment-import', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'p31.kdbx');
    const pw = 'three-one-pw';
    kpOk(['db-create', '-q', '-p', '-t', '100', db], [pw, pw]);
    expect(fs.readFileSync(db).subarray(8, 12)).toEqual(Buffer.from([1, 0, 3, 0])); // KDBX 3.1
    kpOk(['mkdir', '-q', db, 'Work'], [pw]);
    kpOk(['add', '-q', '-u', 'bob', '--url', 'https://example.com', '--notes', 'hi', '-p', db, 'Work/Site'], [pw, 'first-secret']);
    kpOk(['edit', '-q', '-p', db, 'Work/Site'], [pw, 'second-secret']);
    const bin = path.join(dir, 'blob.bin');
    fs.writeFileSync(bin, Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251)));
    kpOk(['attachment-import', '-q', db, 'Work/Site', 'blob.bin', bin], [pw]);
    kpOk(['add', '-q', '-u', 'gone', db, 'Gone'], [pw]);
    kpOk(['rm', '-q', db, 'Gone'], [pw]);

    const vault = await newVault();
    await importInto(vault, db, pw);
    const site = vault.items.withSecrets(byTitle(vault, 'Site'));
    expect(site).toMatchObject({ folder: 'Work', username: 'bob', password: 'second-secret', urls: ['https://example.com'], notes: 'hi' });
    expect(vault.items.record(site.id).passwordHistory.map((h) => h.value)).toEqual(['first-secret']);
    const out = path.join(dir, 'back.bin');
    vault.attachments.saveTo(site.id, vault.attachments.resolve(site.id, 'blob.bin').id, out);
    expect(fs.readFileSync(out).equals(fs.readFileSync(bin))).toBe(true);
    expect(vault.items.list({ trash: true }).map((i) => i.title)).toEqual(['Gone']);
  });

  it('a wrong password or a missing key file imports nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'peer.kdbx');
    const key = path.join(dir, 'peer.keyx');
    kpOk(['import', '-q', '-p', '-t', '100', '--set-key-file', key, FIXTURE, db], [PEER_PASSWORD, PEER_PASSWORD]);
    const vault = await newVault();
    const loaded = loadFile(await readImportFile(db));
    await expect(previewImport(vault, loaded, { password: 'wrong-one', keyFile: await readImportFile(key) })).rejects.toMatchObject({ code: 'wrong-password' });
    await expect(previewImport(vault, loaded, { password: PEER_PASSWORD })).rejects.toMatchObject({ code: 'wrong-password' });
    expect(vault.items.list({})).toEqual([]);
  });
});

describe('KDBX from Keystash, opened by keepassxc-cli', () => {
  it('lists groups and the recycle bin, shows attributes, computes the TOTP and exports attachments byte for byte', async () => {
    const dir = tempDir();
    const vault = await newVault();
    const totp = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DP&period=30&digits=6';
    const a = vault.items.create(login('Mail', { username: 'alice', password: 'mail-pw', urls: ['https://mail.example', 'https://m.example'], totp, folder: 'Personal/Mail', tags: ['home'], fields: [{ name: 'PIN', value: '4321', concealed: true }, { name: 'Plan', value: 'gold', concealed: false }] }));
    vault.items.update(a.id, { password: 'mail-pw-2' });
    const content = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    vault.attachments.addBytes(a.id, 'backup codes.bin', content);
    const gone = vault.items.create(login('Old thing', { username: 'x', password: 'y' }));
    vault.items.trash(gone.id);
    vault.items.create({ type: 'api_key', title: 'Stripe', service: 'stripe', secret: 'sk_live_abc', keyId: 'pk_live_1', expiresAt: '2027-01-31' });

    const key = path.join(dir, 'export.keyx');
    fs.writeFileSync(key, Buffer.alloc(32, 7));
    const db = path.join(dir, 'keystash.kdbx');
    const exportPw = 'export-pass-9';
    await exportVault(vault, db, { format: 'kdbx', password: exportPw, keyFile: fs.readFileSync(key), kdf: FAST_KDF });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);

    const listing = kpOk(['ls', '-R', '-f', '-k', key, db], [exportPw]);
    expect(listing).toContain('Personal/Mail/Mail');
    expect(listing).toContain('Stripe');
    expect(listing).toMatch(/Recycle Bin\/Old thing/);
    const info = kpOk(['db-info', '-k', key, db], [exportPw]);
    expect(info).toMatch(/KDF: Argon2id/);
    const shown = kpOk(['show', '-s', '-k', key, db, 'Personal/Mail/Mail', '-a', 'UserName', '-a', 'Password', '-a', 'URL', '-a', 'KP2A_URL', '-a', 'PIN', '-a', 'Plan'], [exportPw]);
    expect(shown.trim().split('\n')).toEqual(['alice', 'mail-pw-2', 'https://mail.example', 'https://m.example', '4321', 'gold']);
    const code = kpOk(['show', '--totp', '-k', key, db, 'Personal/Mail/Mail'], [exportPw]).trim();
    const now = Date.now();
    expect([totpCode(totp, now).code, totpCode(totp, now - 30_000).code]).toContain(code);
    const out = path.join(dir, 'codes.bin');
    kpOk(['attachment-export', '-k', key, db, 'Personal/Mail/Mail', 'backup codes.bin', out], [exportPw]);
    expect(fs.readFileSync(out).equals(content)).toBe(true);
    // Without the key file the peer refuses it.
    expect(kpcli(['ls', db], [exportPw]).code).not.toBe(0);
  });
});
