// Nothing in an attachment is stored in plaintext: a file holding a canary string (in every
// chunk, and in its name) is added, opened, saved, trashed and restored; the raw bytes of the
// vault file, its -wal and its -shm hold the canary nowhere. After a purge, none of the
// attachment's ciphertext is left in the vault file or its -wal either, while another
// connection holds the vault open (as the app does while the CLI purges).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { CHUNK_BYTES } from '../../electron/core/attachments/chunks';
import { login, newVault, rawDb, tempDir } from '../core/fixtures/vault-helpers';

const CANARY = 'CnyAttachment-4d81e-body';
const NAME_CANARY = 'CnyAttachName-92f0c.txt';

function filesOf(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));
}

function holding(file: string, needle: Buffer): string[] {
  return filesOf(file).filter((f) => fs.readFileSync(f).includes(needle));
}

const others: Database.Database[] = [];
afterEach(() => {
  for (const db of others.splice(0)) db.close();
});

describe('attachment plaintext on disk', () => {
  it('the content and name of an attachment never reach the disk unencrypted', async () => {
    const vault = await newVault();
    const dir = tempDir();
    const item = vault.items.create(login('Holder'));
    // The canary in every chunk, at a chunk boundary too.
    const body = Buffer.alloc(2 * CHUNK_BYTES + 500, ' ');
    for (const at of [0, CHUNK_BYTES - 10, CHUNK_BYTES + 300, 2 * CHUNK_BYTES + 400]) body.write(CANARY, at);
    const src = path.join(dir, NAME_CANARY);
    fs.writeFileSync(src, body);
    const a = vault.attachments.addFile(item.id, src);
    vault.attachments.readForPreview(item.id, a.id, 10 * CHUNK_BYTES);
    vault.attachments.saveTo(item.id, a.id, path.join(dir, 'copy.txt'));
    vault.attachments.trash(item.id, a.id);
    vault.attachments.restore(item.id, a.id);
    for (const needle of [CANARY, NAME_CANARY, CANARY.slice(0, 12)]) {
      for (const enc of ['utf8', 'utf16le'] as const) expect(holding(vault.file, Buffer.from(needle, enc))).toEqual([]);
    }
    vault.close();
    for (const enc of ['utf8', 'utf16le'] as const) expect(holding(vault.file, Buffer.from(CANARY, enc))).toEqual([]);
  });

  it('a purged attachment leaves none of its ciphertext in the vault file or its -wal', async () => {
    const vault = await newVault();
    const item = vault.items.create(login('Purge'));
    const a = vault.attachments.addBytes(item.id, 'doomed.bin', new Uint8Array(CHUNK_BYTES + 5000).fill(7));
    const other = rawDb(vault.file);
    others.push(other);
    const chunks = (other.prepare('SELECT blob FROM attachment_chunks WHERE attachment_id = ?').all(a.id) as { blob: Buffer }[]).map((r) => r.blob);
    const probes = chunks.map((c) => c.subarray(100, 164));
    expect(probes.some((p) => holding(vault.file, p).length > 0)).toBe(true);
    vault.attachments.purge(item.id, a.id);
    for (const p of probes) expect(holding(vault.file, p)).toEqual([]);
  });

  it('purging the item removes its attachments’ ciphertext too', async () => {
    const vault = await newVault();
    const item = vault.items.create(login('Purge item'));
    const a = vault.attachments.addBytes(item.id, 'doomed.bin', new Uint8Array(5000).fill(9));
    const other = rawDb(vault.file);
    others.push(other);
    const blob = (other.prepare('SELECT blob FROM attachment_chunks WHERE attachment_id = ?').get(a.id) as { blob: Buffer }).blob;
    vault.items.trash(item.id);
    vault.items.purge(item.id);
    expect(holding(vault.file, blob.subarray(100, 164))).toEqual([]);
  });
});
