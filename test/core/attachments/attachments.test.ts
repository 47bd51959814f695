// vault.attachments against a real vault file: files of 0 bytes to several chunks go in and
// come back byte for byte, the list lives in the item's record (kept through edits, trash and
// restore), names stay unique, each open and save is an event, and trash, restore and purge
// behave as for items.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../../electron/core/attachments/chunks';
import { login, newVault, openVault, PASSWORD, tempDir, withRaw } from '../fixtures/vault-helpers';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function fileWith(dir: string, name: string, content: Uint8Array): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

describe('attachments', () => {
  it('keeps files of 0 bytes, one byte, exactly one chunk and several chunks byte for byte, across a lock', async () => {
    const vault = await newVault();
    const dir = tempDir();
    const item = vault.items.create(login('Server'));
    const sizes = [0, 1, CHUNK_BYTES, 2 * CHUNK_BYTES + 17];
    const contents = sizes.map((n) => new Uint8Array(randomBytes(n)));
    const added = contents.map((c, i) => vault.attachments.addFile(item.id, fileWith(dir, `f${i}.bin`, c)));
    expect(added.map((a) => a.size)).toEqual(sizes);
    vault.lock();
    await vault.unlock(PASSWORD);
    for (const [i, a] of added.entries()) {
      const out = path.join(dir, `out${i}.bin`);
      vault.attachments.saveTo(item.id, a.id, out);
      expect(sha(fs.readFileSync(out))).toBe(sha(contents[i] ?? new Uint8Array()));
      expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    }
    const chunks = withRaw(vault.file, (db) => db.prepare('SELECT COUNT(*) AS n FROM attachment_chunks').get() as { n: number });
    expect(chunks.n).toBe(1 + 1 + 1 + 3);
  });

  it('lists name, size and media type; a second file of the same name gets a new name', async () => {
    const vault = await newVault();
    const dir = tempDir();
    const item = vault.items.create(login('Site'));
    vault.attachments.addFile(item.id, fileWith(dir, 'scan.png', new Uint8Array([1, 2, 3])));
    vault.attachments.addBytes(item.id, 'scan.png', new Uint8Array([4]));
    vault.attachments.addBytes(item.id, 'notes.txt', new TextEncoder().encode('hello'));
    expect(vault.attachments.list(item.id).map((a) => [a.name, a.size, a.mime])).toEqual([
      ['scan.png', 3, 'image/png'],
      ['scan (2).png', 1, 'image/png'],
      ['notes.txt', 5, 'text/plain'],
    ]);
    expect(vault.attachments.resolve(item.id, 'NOTES.TXT').name).toBe('notes.txt');
    expect(() => vault.attachments.resolve(item.id, 'missing.txt')).toThrow(/no attachment named/);
  });

  it('survives edits, trash and restore of the item, and a reopen', async () => {
    const vault = await newVault();
    const item = vault.items.create(login('Keep files'));
    vault.attachments.addBytes(item.id, 'a.txt', new TextEncoder().encode('A'));
    vault.items.update(item.id, { password: 'changed' });
    vault.items.trash(item.id);
    vault.items.restore(item.id);
    vault.close();
    const again = openVault(vault.file);
    await again.unlock(PASSWORD);
    const [a] = again.attachments.list(item.id);
    expect(a?.name).toBe('a.txt');
    expect(new TextDecoder().decode(again.attachments.readForPreview(item.id, a?.id ?? '', 1024).content)).toBe('A');
  });

  it('logs each open and save in usage history with the file name, and each add', async () => {
    const vault = await newVault();
    const dir = tempDir();
    const item = vault.items.create(login('Logged'));
    const a = vault.attachments.addBytes(item.id, 'key.pem', new TextEncoder().encode('-----BEGIN-----'));
    vault.attachments.readForPreview(item.id, a.id, 1024);
    vault.attachments.saveTo(item.id, a.id, path.join(dir, 'key.pem'));
    const events = vault.history.query({ itemId: item.id }).map((e) => [e.kind, e.detail.field ?? e.detail.note]);
    expect(events).toEqual(expect.arrayContaining([['attach', 'key.pem'], ['attachment-open', 'attachment:key.pem'], ['attachment-save', 'attachment:key.pem']]));
  });

  it('trash hides an attachment, restore brings it back, purge removes its chunks', async () => {
    const vault = await newVault();
    const item = vault.items.create(login('Trash'));
    const a = vault.attachments.addBytes(item.id, 'doc.txt', new Uint8Array(10));
    vault.attachments.trash(item.id, a.id);
    expect(vault.attachments.list(item.id)).toEqual([]);
    expect(vault.attachments.list(item.id, { trash: true })[0]?.deletedAt).not.toBeNull();
    expect(() => vault.attachments.trash(item.id, a.id)).toThrow(/already in the trash/);
    vault.attachments.restore(item.id, a.id);
    expect(vault.attachments.list(item.id).map((x) => x.name)).toEqual(['doc.txt']);
    vault.attachments.purge(item.id, a.id);
    expect(vault.attachments.list(item.id, { trash: true })).toEqual([]);
    expect(withRaw(vault.file, (db) => db.prepare('SELECT COUNT(*) AS n FROM attachment_chunks').get())).toEqual({ n: 0 });
  });

  it('purging the item removes its chunks; other items keep theirs', async () => {
    const vault = await newVault();
    const doomed = vault.items.create(login('Doomed'));
    const kept = vault.items.create(login('Kept'));
    vault.attachments.addBytes(doomed.id, 'x.bin', new Uint8Array(5));
    vault.attachments.addBytes(kept.id, 'y.bin', new Uint8Array(5));
    vault.items.trash(doomed.id);
    vault.items.purge(doomed.id);
    expect(withRaw(vault.file, (db) => db.prepare('SELECT item_id FROM attachment_chunks').all())).toEqual([{ item_id: kept.id }]);
  });

  it('refuses a file over 100 MB before reading it, a folder, and an item in the trash, changing nothing', async () => {
    const vault = await newVault();
    const dir = tempDir();
    const item = vault.items.create(login('Refusals'));
    const big = path.join(dir, 'big.bin');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 100 * 1024 * 1024 + 1);
    expect(() => vault.attachments.addFile(item.id, big)).toThrow(/larger than 100 MB/);
    expect(() => vault.attachments.addFile(item.id, dir)).toThrow(/not a regular file|folder/);
    vault.items.trash(item.id);
    expect(() => vault.attachments.addBytes(item.id, 'a.txt', new Uint8Array(1))).toThrow(/in the trash/);
    expect(withRaw(vault.file, (db) => db.prepare('SELECT COUNT(*) AS n FROM attachment_chunks').get())).toEqual({ n: 0 });
    expect(vault.attachments.list(item.id, { trash: true })).toEqual([]);
  });

  it('never replaces an existing file unless forced, and leaves no temporary file behind', async () => {
    const vault = await newVault();
    const dir = tempDir();
    const item = vault.items.create(login('Save'));
    const a = vault.attachments.addBytes(item.id, 'a.txt', new TextEncoder().encode('new'));
    const out = fileWith(dir, 'a.txt', new TextEncoder().encode('old'));
    expect(() => vault.attachments.saveTo(item.id, a.id, out)).toThrow(/already exists/);
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    vault.attachments.saveTo(item.id, a.id, out, { force: true });
    expect(fs.readFileSync(out, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });

  it('refuses names that cannot be file names', async () => {
    const vault = await newVault();
    const item = vault.items.create(login('Names'));
    expect(() => vault.attachments.addBytes(item.id, '..', new Uint8Array(1))).toThrow(/not a file name/);
    expect(() => vault.attachments.addBytes(item.id, 'a\u0000b', new Uint8Array(1))).toThrow(/control characters/);
    expect(vault.attachments.addBytes(item.id, '../../etc/passwd', new Uint8Array(1)).name).toBe('passwd');
  });
});
