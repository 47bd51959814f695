// Where three capabilities meet: bulk actions (items/bulk.ts) and sync's merged writes
// (ItemWrites.putSynced) rewrite whole item records, and attachments live in those records.
// A bulk edit or a synced edit must keep an item's files, and a bulk purge must remove their
// chunks as a single purge does. Real vault files, real SQLite.
import { describe, expect, it } from 'vitest';
import { login, newVault, withRaw } from '../fixtures/vault-helpers';
import { firstDevice, joinedDevice, sharedFolder } from '../sync/sync-kit';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function chunkCount(file: string, itemId: string): number {
  return withRaw(file, (db) => db.prepare('SELECT COUNT(*) FROM attachment_chunks WHERE item_id = ?').pluck().get(itemId) as number);
}

describe('attachments through bulk actions and synced writes', () => {
  it('a bulk move, tag and favourite keep the items’ files', async () => {
    const vault = await newVault();
    const a = vault.items.create(login('Alpha'));
    const b = vault.items.create(login('Beta'));
    vault.attachments.addBytes(a.id, 'a.txt', bytes('alpha file'));
    vault.attachments.addBytes(b.id, 'b.txt', bytes('beta file'));
    vault.items.bulk([a.id, b.id], { kind: 'move', folder: 'Work' });
    vault.items.bulk([a.id, b.id], { kind: 'add-tag', tag: 'team' });
    vault.items.bulk([a.id, b.id], { kind: 'favorite', value: true });
    expect(vault.attachments.list(a.id).map((x) => x.name)).toEqual(['a.txt']);
    expect(vault.attachments.list(b.id).map((x) => x.name)).toEqual(['b.txt']);
    const saved = vault.attachments.readForPreview(b.id, vault.attachments.list(b.id)[0]!.id, 1024);
    expect(new TextDecoder().decode(saved.content)).toBe('beta file');
    vault.close();
  });

  it('a bulk purge removes the purged items’ chunks and leaves the others', async () => {
    const vault = await newVault();
    const a = vault.items.create(login('Alpha'));
    const keep = vault.items.create(login('Kept'));
    vault.attachments.addBytes(a.id, 'a.txt', bytes('alpha file'));
    vault.attachments.addBytes(keep.id, 'k.txt', bytes('kept file'));
    vault.items.bulk([a.id], { kind: 'trash' });
    expect(vault.items.bulk([a.id], { kind: 'purge' }).changed).toEqual([a.id]);
    expect(chunkCount(vault.file, a.id)).toBe(0);
    expect(chunkCount(vault.file, keep.id)).toBeGreaterThan(0);
    vault.close();
  });

  it('an edit that sync merged in keeps the files this device holds', async () => {
    const folder = sharedFolder();
    const a = await firstDevice(folder);
    const item = a.vault.items.create(login('Alpha'));
    a.vault.attachments.addBytes(item.id, 'a.txt', bytes('alpha file'));
    await a.sync();
    const b = await joinedDevice(folder);
    b.vault.items.update(item.id, { title: 'Alpha (from the laptop)' });
    await b.sync();
    expect(await a.sync()).toMatchObject({ pulled: 1, quarantined: [] });
    expect(a.vault.items.withSecrets(item.id).title).toBe('Alpha (from the laptop)');
    expect(a.vault.attachments.list(item.id).map((x) => x.name)).toEqual(['a.txt']);
  });
});
