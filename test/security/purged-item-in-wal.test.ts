// Attack: read a purged item back from the write-ahead log. In WAL mode a deleted record's old
// pages stay in the vault's -wal file until a checkpoint restarts the log, and SQLite does that
// by itself only when the last connection closes: while another connection holds the vault
// open (the app while the CLI purges, or the reverse), `rm --purge` left the item's ciphertext
// on disk for anyone who later learns the key (an old master password, a backup of the key).
// A purge now checkpoints and truncates the log; the raw bytes of the vault file and its -wal
// are searched for the purged ciphertext, the way the canary test searches for plaintext.
import fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { buildCli, newVault as newCliVault } from '../cli/cli-harness';
import { login, newVault, rawDb } from '../core/fixtures/vault-helpers';

const others: Database.Database[] = [];
afterEach(() => {
  for (const db of others.splice(0)) db.close();
});

/** Whether any of the vault's files holds a 48-byte window of `secret`, and which. */
function holders(file: string, secret: Buffer): string[] {
  const probes = [0, Math.floor(secret.length / 2), secret.length - 48].map((at) => secret.subarray(at, at + 48));
  return [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .filter((f) => {
      const bytes = fs.readFileSync(f);
      return probes.some((p) => bytes.includes(p));
    })
    .map((f) => (f.endsWith('-wal') ? '-wal' : 'vault file'));
}

describe('purged item in the WAL', () => {
  it('rm --purge leaves none of the item’s ciphertext in the vault file or its -wal while another connection holds the vault open', async () => {
    const vault = await newVault();
    const keep = vault.items.create(login('Keep'));
    const doomed = vault.items.create(login('Doomed', { password: 'purge-me-'.repeat(200), notes: 'long notes '.repeat(500) }));
    // Another process has the vault open, as the app does while the CLI runs.
    const other = rawDb(vault.file);
    others.push(other);
    const detail = (other.prepare('SELECT detail FROM items WHERE id = ?').get(doomed.id) as { detail: Buffer }).detail;
    const bucket = (other.prepare('SELECT blob FROM index_buckets').get() as { blob: Buffer }).blob;
    expect(detail.length).toBeGreaterThan(1000);
    // The search works: before the purge the ciphertext is on disk.
    expect(holders(vault.file, detail)).toContain('-wal');

    vault.items.purge(doomed.id);

    expect(holders(vault.file, detail)).toEqual([]);
    // The index bucket that listed it (its title, URL) is gone too.
    expect(holders(vault.file, bucket)).toEqual([]);
    // The other connection reads the vault as it is now; the kept item is intact.
    expect(other.prepare('SELECT id FROM items').all()).toEqual([{ id: keep.id }]);
    expect(vault.items.withSecrets(keep.id).password).toBe('pw-Keep');
  });

  describe('through the real CLI', () => {
    beforeAll(() => buildCli(), 120_000);

    it('keystash rm --purge, with the vault held open elsewhere, leaves no ciphertext behind', async () => {
      const { cli } = await newCliVault();
      await cli.ok(['add', 'login', '--title', 'Doomed', '--notes', 'n'.repeat(3000), '--secret-stdin'], ['purge-me-'.repeat(200)]);
      const other = rawDb(cli.file);
      others.push(other);
      const detail = (other.prepare('SELECT detail FROM items').get() as { detail: Buffer }).detail;
      // The CLI's own close would checkpoint if it were the last connection; here it is not.
      await cli.ok(['rm', 'Doomed', '--purge']);
      expect(holders(cli.file, detail)).toEqual([]);
      expect(other.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 0 });
    });
  });
});
