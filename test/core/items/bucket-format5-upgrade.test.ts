// A vault written before index bucket format 5 (row texts inside each bucket's ciphertext)
// must open with nothing lost, and move to format 5 one bucket at a time as buckets change.
// The fixture, test/fixtures/vaults/format4-buckets.keystash, was made by Keystash at 0b60a9c
// (bucket format 4, schema 8) with the test password and FAST_KDF: 300 items in two buckets
// (logins with a URL, a folder and a visible field, API keys tagged "api", notes with "Zürich"
// in the title), then "Login 000" renamed to "Login 000 (edited)" and "Key 001" moved to the
// trash, then VACUUM INTO a fresh file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListedItem } from '../../../shared/domain';
import { SCHEMA_VERSION } from '../../../electron/core/vault/db';
import { openVault, PASSWORD, tempDir, withRaw } from '../fixtures/vault-helpers';

const FIXTURE = path.join(__dirname, '../../fixtures/vaults/format4-buckets.keystash');

function copyOfFixture(): string {
  const file = path.join(tempDir(), 'vault.keystash');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

/** What the list shows of an item, without the last-used time. */
const shown = (s: ListedItem) => ({ ...s, lastUsedAt: undefined });
/** The fields a list item and the item's own record (its summary) both have. */
const SHARED = ['id', 'type', 'title', 'username', 'urls', 'tags', 'folder', 'favorite', 'fields', 'service', 'keyId', 'environment', 'createdAt', 'updatedAt', 'deletedAt', 'hasPassword', 'hasSecret', 'hasTotp'] as const;
const sharedOf = (s: Pick<ListedItem, (typeof SHARED)[number]>) => Object.fromEntries(SHARED.map((k) => [k, s[k]]));

describe('a vault with format 4 index buckets', () => {
  it('unlocks with nothing lost, and each bucket moves to format 5 when it next changes', async () => {
    const file = copyOfFixture();
    withRaw(file, (db) => expect(db.pragma('user_version', { simple: true })).toBe(8));
    const v = openVault(file);
    const report = await v.unlock(PASSWORD);
    expect(report.integrityProblems).toEqual([]);
    expect(report.damagedItemIds).toEqual([]);
    expect(v.items.counts()).toMatchObject({ all: 299, trash: 1, login: 100, api_key: 99, note: 100, folders: { Work: 50 }, tags: { api: 99 } });
    const before = [...v.items.list(), ...v.items.list({ trash: true })];
    // Every list item, built from the format 4 row texts, is what its own record says.
    expect(before).toHaveLength(300);
    for (const item of before) expect(sharedOf(item)).toEqual(sharedOf(v.items.summary(item.id)));
    const edited = v.items.list({ text: 'login 000' })[0];
    expect(edited).toMatchObject({ title: 'Login 000 (edited)', username: 'user000@example.com', urls: ['https://site000.example'], fields: [{ name: 'Account', value: 'acct-000', concealed: false }] });
    expect(v.items.list({ text: 'zurich' })).toHaveLength(100);

    v.items.update(edited?.id ?? '', { title: 'Login 000 (edited twice)' });
    v.close();
    withRaw(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const formats = db.prepare('SELECT id, rows IS NOT NULL AS sealedRows FROM index_buckets ORDER BY id').all();
      // Only the bucket that changed was written again, now with its row texts beside it.
      expect(formats).toHaveLength(2);
      expect(formats.filter((b) => (b as { sealedRows: number }).sealedRows === 1)).toHaveLength(1);
    });

    const again = openVault(file);
    expect((await again.unlock(PASSWORD)).integrityProblems).toEqual([]);
    const after = [...again.items.list(), ...again.items.list({ trash: true })];
    const renamed = (s: ListedItem) => (s.id === edited?.id ? { ...shown(s), title: 'Login 000 (edited)', updatedAt: 0 } : shown(s));
    const byId = (a: ListedItem, b: ListedItem) => (a.id < b.id ? -1 : 1);
    expect(after.sort(byId).map(renamed)).toEqual(before.sort(byId).map((s) => (s.id === edited?.id ? { ...shown(s), updatedAt: 0 } : shown(s))));
  });
});
