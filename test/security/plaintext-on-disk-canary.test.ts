// Nothing a user typed is stored in plaintext. Every user-typed field gets a unique canary
// string; after creating, editing, copying, revealing, trashing, restoring and changing the
// master password, the raw bytes of the vault file, its -wal and its -shm must not contain
// any canary, in UTF-8 or UTF-16LE, whether read while the vault is open or after close.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newVault, openVault } from '../core/fixtures/vault-helpers';

const MASTER = 'CanaryMasterPassword-9f3a1c';
const NEW_MASTER = 'CanaryNewMasterPassword-7b2e44';

/** Canaries by field; values are unique and long enough never to occur by chance. */
const C = {
  title: 'CnyTitle-a81f2',
  username: 'CnyUser-b7730',
  password: 'CnyPass-c0d9e',
  url: 'https://cny-url-d44c1.example',
  notes: 'CnyNotes-e5a07 with some more text',
  tag: 'CnyTag-f19b3',
  folder: 'CnyFolder-0c8d2',
  fieldName: 'CnyFieldName-1e6f0',
  fieldValue: 'CnyFieldValue-27a4b',
  concealedValue: 'CnyConcealed-3b5c8',
  service: 'CnyService-4f0d1',
  keyId: 'CnyKeyId-5a9e6',
  secret: 'CnySecret-6c2f7',
  environment: 'CnyEnv-7d4a0',
  totp: 'KSCANARYTOTPQWERTY234567',
  accented: 'Çnÿ-Ümlaut-Naïve-8e1b3',
  noteTitle: 'CnyNoteTitle-9f7c2',
  apiTitle: 'CnyApiTitle-a0b4d',
  // Values written by edits (the old ones must vanish from plaintext too, and never appear).
  editedPassword: 'CnyEditedPass-b3c6e',
  editedSecret: 'CnyEditedSecret-c5d8f',
  editedNotes: 'CnyEditedNotes-d7e0a',
  editedTitle: 'CnyEditedTitle-e9f2b',
};
const ALL = [...Object.values(C), MASTER, NEW_MASTER];

function filesOf(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));
}

function leaks(file: string): string[] {
  const found: string[] = [];
  for (const f of filesOf(file)) {
    const bytes = fs.readFileSync(f);
    for (const canary of ALL) {
      for (const enc of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(canary, enc))) found.push(`${canary} (${enc}) in ${f.slice(f.lastIndexOf('.'))}`);
      }
      // Lower-cased copies (the search haystack) must not reach the disk either.
      if (bytes.includes(Buffer.from(canary.toLowerCase(), 'utf8'))) found.push(`${canary} (lower) in ${f}`);
    }
  }
  return found;
}

describe('canary strings', () => {
  it('never appear in the vault file, its -wal or its -shm', async () => {
    const v = await newVault({ password: MASTER });
    const file = v.file;
    const login = v.items.create({
      type: 'login',
      title: C.title,
      username: C.username,
      password: C.password,
      urls: [C.url],
      notes: `${C.notes} ${C.accented}`,
      tags: [C.tag],
      folder: C.folder,
      totp: C.totp,
      fields: [
        { name: C.fieldName, value: C.fieldValue, concealed: false },
        { name: 'PIN', value: C.concealedValue, concealed: true },
      ],
    }).id;
    const api = v.items.create({ type: 'api_key', title: C.apiTitle, service: C.service, keyId: C.keyId, secret: C.secret, environment: C.environment, tags: [C.tag] }).id;
    const noteId = v.items.createMany([{ type: 'note', title: C.noteTitle, notes: C.notes, folder: C.folder }], 'canary import')[0]?.id as string;

    expect(v.items.list({ text: C.title })).toHaveLength(1);
    v.items.update(login, { password: C.editedPassword, title: C.editedTitle });
    v.items.update(api, { secret: C.editedSecret });
    v.items.update(noteId, { notes: C.editedNotes });
    expect(v.items.useField(login, 'password', 'copy')).toBe(C.editedPassword);
    expect(v.items.useField(login, 'username', 'reveal')).toBe(C.username);
    expect(v.items.useField(login, 'field:1', 'reveal')).toBe(C.concealedValue);
    expect(v.items.useField(login, 'totp', 'copy')).toBe(C.totp);
    expect(v.items.useField(api, 'secret', 'cli-use', 'env STRIPE_KEY')).toBe(C.editedSecret);
    expect(v.items.useField(api, 'keyId', 'copy')).toBe(C.keyId);
    expect(v.items.revealPasswordHistory(login, 0)).toBe(C.password);
    v.items.trash(noteId);
    v.items.restore(noteId);
    await v.masterPassword.change(MASTER, NEW_MASTER);
    v.lock();
    await v.unlock(NEW_MASTER);
    expect(v.items.withSecrets(api).secret).toBe(C.editedSecret);

    // While the connection is open: the WAL has not been checkpointed into the main file yet.
    expect(filesOf(file).length).toBeGreaterThanOrEqual(2);
    expect(leaks(file)).toEqual([]);

    v.close();
    expect(leaks(file)).toEqual([]);

    // Reopen once more (a wrong password, then the right one) and check again.
    const again = openVault(file);
    await again.unlock(MASTER).catch(() => undefined);
    await again.unlock(NEW_MASTER);
    expect(again.items.withSecrets(login).fields[1]?.value).toBe(C.concealedValue);
    expect(leaks(file)).toEqual([]);
    again.close();
    expect(leaks(file)).toEqual([]);
  });

  it('the detector does find a canary that is stored in plaintext', async () => {
    const v = await newVault({ password: MASTER });
    const file = v.file;
    v.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file);
    db.prepare('CREATE TABLE leak (t TEXT)').run();
    db.prepare('INSERT INTO leak VALUES (?)').run(C.secret);
    db.close();
    expect(leaks(file).some((l) => l.startsWith(C.secret))).toBe(true);
  });
});
