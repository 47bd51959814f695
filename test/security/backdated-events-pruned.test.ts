// Attack: backdated events pruned away. With retention on, an attacker who can write the vault
// file gave the events behind the last checkpoint an old `events.at`. The unlock check is
// incremental (it resumes at the checkpoint, whose own row and link are untouched), and the
// prune used to pick what to delete by the plaintext `at` alone, so the next ordinary command
// deleted them and `history --verify` said "intact… older ones were pruned". Now the prune
// verifies every event it would delete, in order from the chain's start, before its time
// counts: the backdated events fail their MAC, nothing is pruned, and the finding is reported.
// A real vault file and SQLite, Argon2 at FAST_KDF, and the real CLI bundle.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, VaultCli } from '../cli/cli-harness';
import { login, newVault, tempDir, withRaw } from '../core/fixtures/vault-helpers';

const DAY = 86_400_000;

beforeAll(() => buildCli(), 120_000);

function checkpointSeq(file: string): number {
  const row = withRaw(file, (db) => db.prepare("SELECT blob FROM meta WHERE name = 'history-checkpoint'").get() as { blob: Buffer } | undefined);
  if (!row) throw new Error('no checkpoint');
  return Number(row.blob.readBigUInt64BE(0));
}

describe('attack: backdated events pruned away', () => {
  it('the next command prunes nothing, says the events were changed, and --verify exits 3', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vault.keystash');
    let now = Date.now() - 200 * DAY;
    const v = await newVault({ file, now: () => now });
    const item = v.items.create(login('GitHub'));
    v.items.useField(item.id, 'password', 'copy');
    now = Date.now();
    expect(v.activity.setRetention('90d')).toBeGreaterThan(0);
    for (let i = 0; i < 8; i++) v.items.useField(item.id, 'password', i % 2 ? 'copy' : 'reveal');
    v.close();
    const cli = new VaultCli(file, cleanEnv(dir));
    await cli.ok(['list']); // an ordinary command: its unlock check moves the checkpoint to the newest event

    // The attack: every event before the checkpoint gets a time a year ago.
    const cp = checkpointSeq(file);
    const countBefore = (): number => withRaw(file, (db) => (db.prepare('SELECT COUNT(*) AS n FROM events WHERE seq < ?').get(cp) as { n: number }).n);
    withRaw(file, (db) => db.prepare('UPDATE events SET at = ? WHERE seq < ?').run(Date.now() - 365 * DAY, cp));
    const backdated = countBefore();
    expect(backdated).toBeGreaterThanOrEqual(8);

    const next = await cli.run(['list']);
    expect(next.code).toBe(0);
    expect(countBefore()).toBe(backdated); // nothing was pruned
    expect(next.stderr).toContain('Warning: the usage history failed its check at unlock:');
    expect(next.stderr).toMatch(/Event #\d+ \(.*\) was changed after it was recorded\./);

    const verify = await cli.run(['history', '--verify']);
    expect(verify.code).toBe(3);
    expect(verify.stdout).toMatch(/^History was tampered with/);
    expect(verify.stdout).toMatch(/Event #\d+ \(.*\) was changed after it was recorded\./);
    expect(verify.stdout).not.toContain('intact');
  });
});
