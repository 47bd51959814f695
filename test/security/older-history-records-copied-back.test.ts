// Attack: older records copied back. Cutting the newest events and copying back an older
// `history-head` and `history-checkpoint` (authentic records, from a backup of the same file)
// used to pass: the chain and the head agreed again, and `history --verify` said intact. Now
// this machine keeps a witness of the head it last saw, outside the vault file (next to the
// "last state seen" in the user-data folder, MAC'd with the vault's event key): a head older
// than the witness is a hard failure, reported on stderr, as exit 3 from --verify, and kept by
// the history alarm until acknowledged. A copy of the file taken elsewhere, with the witness
// gone, cannot be told apart this way; docs/security.md says so. With only the two records
// copied back, the vault's manifest (issue 11 §1) already vouches for newer ones; the second
// case rolls the manifest and every meta record back too, so only the witness is left to tell.
// A real vault file and SQLite, Argon2 at FAST_KDF, and the real CLI bundle.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, VaultCli } from '../cli/cli-harness';
import { login, newVault, tempDir, withRaw } from '../core/fixtures/vault-helpers';

beforeAll(() => buildCli(), 120_000);

const OLDER = /this computer already saw it reach #\d+: newer events were removed and an older copy of the history's records was put back/;

/** A vault used once by the CLI, the attacker's backup of it, and two more reveals this machine saw. */
async function backedUpThenUsed(tables: string) {
  const dir = tempDir();
  const file = path.join(dir, 'vault.keystash');
  const v = await newVault({ file });
  v.items.create(login('GitHub', { password: 'old-secret-1' }));
  v.close();
  const cli = new VaultCli(file, cleanEnv(dir));
  await cli.ok(['list']);
  const saved = withRaw(file, (db) => ({
    max: (db.prepare('SELECT MAX(seq) AS s FROM events').get() as { s: number }).s,
    meta: db.prepare(`SELECT * FROM meta WHERE ${tables}`).all() as Record<string, unknown>[],
    manifest: db.prepare('SELECT * FROM manifest').all() as Record<string, unknown>[],
  }));
  await cli.ok(['show', 'GitHub', '--reveal']);
  await cli.ok(['show', 'GitHub', '--reveal']);
  return { cli, file, saved };
}

/** The attack: the events after the backup cut, and the saved rows put back. */
function rollBack(file: string, saved: Awaited<ReturnType<typeof backedUpThenUsed>>['saved'], withManifest: boolean): void {
  withRaw(file, (db) =>
    db.transaction(() => {
      db.prepare('DELETE FROM events WHERE seq > ?').run(saved.max);
      for (const row of saved.meta) {
        const cols = Object.keys(row);
        db.prepare(`INSERT OR REPLACE INTO meta (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
      }
      if (withManifest) {
        db.prepare('DELETE FROM manifest').run();
        for (const row of saved.manifest) {
          const cols = Object.keys(row);
          db.prepare(`INSERT INTO manifest (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
        }
      }
    })(),
  );
}

describe('attack: older records copied back', () => {
  it('an older head and checkpoint copied back fail --verify with exit 3 and stay flagged', async () => {
    const { cli, file, saved } = await backedUpThenUsed("name IN ('history-head', 'history-checkpoint')");
    expect(saved.meta).toHaveLength(2);
    rollBack(file, saved, false);

    // The manifest vouches for newer records, so the copied-back head reads as altered.
    const ALTERED = /The record of the newest event was altered|this computer already saw it reach/;
    const verify = await cli.run(['history', '--verify']);
    expect(verify.code).toBe(3);
    expect(verify.stdout).toMatch(ALTERED);
    expect(verify.stdout).not.toContain('intact');
    const next = await cli.run(['list']);
    expect(next.stderr).toMatch(ALTERED);
    expect((await cli.run(['history', '--verify'])).code).toBe(3);
  });

  it('with the manifest and every meta record rolled back too, the witness still tells: exit 3, flagged until acknowledged', async () => {
    const { cli, file, saved } = await backedUpThenUsed('1');
    rollBack(file, saved, true);

    const verify = await cli.run(['history', '--verify']);
    expect(verify.code).toBe(3);
    expect(verify.stdout).toMatch(OLDER);
    expect(verify.stdout).not.toContain('intact');
    expect(verify.stderr).toMatch(OLDER);

    // Still flagged by the next command, although its unlock moved the head on.
    const next = await cli.run(['list']);
    expect(next.stderr).toMatch(OLDER);
    expect((await cli.run(['history', '--verify'])).code).toBe(3);
    expect((await cli.run(['history', '--acknowledge'])).code).toBe(0);
    expect((await cli.run(['history', '--verify'])).code).toBe(0);
  });
});
