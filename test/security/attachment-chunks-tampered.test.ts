// Attack: rearrange an attachment's sealed chunks in the vault file. Someone who can write the
// file moves a chunk to another attachment or another item, swaps two chunks of one file,
// deletes the last chunk (or every chunk), adds a chunk, or flips a bit. Each chunk's AAD binds
// item, attachment, index and total, and the item's authenticated record says how many chunks
// there are, so every case fails as `integrity` and no altered byte reaches the saved file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../electron/core/attachments/chunks';
import type { Vault } from '../../electron/core/vault';
import { login, newVault, tempDir, withRaw } from '../core/fixtures/vault-helpers';

interface Setup {
  vault: Vault;
  itemA: string;
  itemB: string;
  /** Three chunks, on item A. */
  big: string;
  /** Three chunks, on item A too. */
  other: string;
  /** Three chunks, on item B. */
  foreign: string;
}

async function setup(): Promise<Setup> {
  const vault = await newVault();
  const a = vault.items.create(login('A'));
  const b = vault.items.create(login('B'));
  const three = (): Uint8Array => new Uint8Array(randomBytes(2 * CHUNK_BYTES + 100));
  const big = vault.attachments.addBytes(a.id, 'big.bin', three()).id;
  const other = vault.attachments.addBytes(a.id, 'other.bin', three()).id;
  const foreign = vault.attachments.addBytes(b.id, 'foreign.bin', three()).id;
  return { vault, itemA: a.id, itemB: b.id, big, other, foreign };
}

function blobOf(file: string, attachment: string, idx: number): Buffer {
  return withRaw(file, (db) => (db.prepare('SELECT blob FROM attachment_chunks WHERE attachment_id = ? AND idx = ?').get(attachment, idx) as { blob: Buffer }).blob);
}

function setBlob(file: string, attachment: string, idx: number, blob: Buffer): void {
  withRaw(file, (db) => db.prepare('UPDATE attachment_chunks SET blob = ? WHERE attachment_id = ? AND idx = ?').run(blob, attachment, idx));
}

/** Saving fails as integrity, and no file (or temporary file) is left where it would have gone. */
function expectRefused(s: Setup, attachment: string, pattern: RegExp): void {
  const dir = tempDir();
  const out = path.join(dir, 'out.bin');
  let code: unknown;
  try {
    s.vault.attachments.saveTo(s.itemA, attachment, out);
  } catch (err) {
    code = (err as { code?: string }).code;
    expect((err as Error).message).toMatch(pattern);
  }
  expect(code).toBe('integrity');
  expect(fs.readdirSync(dir)).toEqual([]);
}

describe('attachment chunks tampered with on disk', () => {
  it('a chunk copied from another attachment of the same item fails', async () => {
    const s = await setup();
    setBlob(s.vault.file, s.big, 1, blobOf(s.vault.file, s.other, 1));
    expectRefused(s, s.big, /chunk 2 of 3 was altered, moved or swapped/);
  });

  it('a chunk copied from another item’s attachment at the same index fails', async () => {
    const s = await setup();
    setBlob(s.vault.file, s.big, 0, blobOf(s.vault.file, s.foreign, 0));
    expectRefused(s, s.big, /chunk 1 of 3/);
  });

  it('a whole attachment’s chunks moved under another attachment id fail', async () => {
    const s = await setup();
    withRaw(s.vault.file, (db) => {
      db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ?').run(s.big);
      db.prepare('UPDATE attachment_chunks SET attachment_id = ?, item_id = ? WHERE attachment_id = ?').run(s.big, s.itemA, s.foreign);
    });
    expectRefused(s, s.big, /chunk 1 of 3/);
  });

  it('two chunks of one file swapped fail', async () => {
    const s = await setup();
    const first = blobOf(s.vault.file, s.big, 0);
    const second = blobOf(s.vault.file, s.big, 1);
    setBlob(s.vault.file, s.big, 0, second);
    setBlob(s.vault.file, s.big, 1, first);
    expectRefused(s, s.big, /chunk 1 of 3/);
  });

  it('the last chunk deleted (the file cut short) fails before anything is written', async () => {
    const s = await setup();
    withRaw(s.vault.file, (db) => db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ? AND idx = 2').run(s.big));
    expectRefused(s, s.big, /should have 3 chunks, the vault holds 2/);
  });

  it('the last chunk deleted and a middle one renumbered in its place fails', async () => {
    const s = await setup();
    withRaw(s.vault.file, (db) => {
      db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ? AND idx = 2').run(s.big);
      db.prepare('UPDATE attachment_chunks SET idx = 2 WHERE attachment_id = ? AND idx = 1').run(s.big);
    });
    expectRefused(s, s.big, /should have 3 chunks|chunk 2 of 3 is missing/);
  });

  it('an extra chunk appended fails', async () => {
    const s = await setup();
    withRaw(s.vault.file, (db) => db.prepare('INSERT INTO attachment_chunks (attachment_id, idx, item_id, blob) VALUES (?, 3, ?, ?)').run(s.big, s.itemA, blobOf(s.vault.file, s.big, 2)));
    expectRefused(s, s.big, /should have 3 chunks, the vault holds 4/);
  });

  it('one flipped bit fails', async () => {
    const s = await setup();
    const blob = Buffer.from(blobOf(s.vault.file, s.big, 2));
    blob[40] = (blob[40] ?? 0) ^ 1;
    setBlob(s.vault.file, s.big, 2, blob);
    expectRefused(s, s.big, /chunk 3 of 3/);
  });

  it('a purged attachment put back with the item record that listed it is refused as an older record', async () => {
    const s = await setup();
    const saved = withRaw(s.vault.file, (db) => ({
      item: db.prepare('SELECT version, detail FROM items WHERE id = ?').get(s.itemA) as { version: number; detail: Buffer },
      chunks: db.prepare('SELECT * FROM attachment_chunks WHERE attachment_id = ?').all(s.big) as { attachment_id: string; idx: number; item_id: string; blob: Buffer }[],
    }));
    s.vault.attachments.purge(s.itemA, s.big);
    withRaw(s.vault.file, (db) => {
      db.prepare('UPDATE items SET version = ?, detail = ? WHERE id = ?').run(saved.item.version, saved.item.detail, s.itemA);
      for (const c of saved.chunks) db.prepare('INSERT INTO attachment_chunks (attachment_id, idx, item_id, blob) VALUES (?, ?, ?, ?)').run(c.attachment_id, c.idx, c.item_id, c.blob);
    });
    expect(() => s.vault.attachments.list(s.itemA, { trash: true })).toThrow(/older version/);
  });

  it('an untouched attachment next to a tampered one still saves', async () => {
    const s = await setup();
    setBlob(s.vault.file, s.big, 1, blobOf(s.vault.file, s.other, 1));
    const out = path.join(tempDir(), 'other.bin');
    s.vault.attachments.saveTo(s.itemA, s.other, out);
    expect(fs.statSync(out).size).toBe(2 * CHUNK_BYTES + 100);
  });
});
