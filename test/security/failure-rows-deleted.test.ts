// Attack: deleted failure rows. Deleting rows of the plain `unlock_failures` table used to reset
// the delay and erase the record of failed attempts. Now the delay is kept by an attempt
// counter as well as the rows, and each successful unlock seals the counter's value with a MAC
// under a key derived from the vault key, so the next one reports attempts that have no row as
// "recorded and later removed": in the unlock report (the app's notice), in usage history, and
// on the CLI's stderr. The last case is the limit docs/security.md states: a file whose throttle
// state is put back exactly as it was cannot be told from one nobody guessed at.
// Real vault files, real SQLite and Argon2 at FAST_KDF; the CLI through its real bundle.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThrottlePolicy } from '../../electron/core/vault/unlock-throttle';
import { removedFailuresMessage } from '../../shared/unlock-report';
import { buildCli, newVault as newCliVault, VaultCli } from '../cli/cli-harness';
import { caught, newVault, openVault, PASSWORD, withRaw } from '../core/fixtures/vault-helpers';
import { seedVault, startHarness, stopShared, type Harness } from '../e2e/support/harness';
import { CHROMIUM } from '../e2e/support/skip';
import { box } from '../e2e/support/ui';

// Guesses 10 s apart stay within the delay's doubling (5 s, then 10 s) up to the fifth.
const POLICY: ThrottlePolicy = { freeAttempts: 3, baseDelayMs: 5_000, maxDelayMs: 60_000 };
const HOUR = 60 * 60_000;

/** A locked vault on a hand-set clock, and `wrong` failed guesses made against it. */
async function guessedAt(wrong: number) {
  const clock = { t: Date.parse('2026-03-01T10:00:00Z') };
  const opts = { now: () => clock.t, throttle: POLICY };
  const v = await newVault(opts);
  const file = v.file;
  v.close();
  const locked = openVault(file, opts);
  for (let i = 0; i < wrong; i++) {
    if (i > 0) clock.t += 10_000;
    expect((await caught(() => locked.unlock('a wrong guess'))).code).toBe('wrong-password');
  }
  return { file, clock, locked, opts };
}

function sql(file: string, statement: string): void {
  withRaw(file, (db) => db.exec(statement));
}

describe('attack: deleted failure rows', () => {
  it('deleting every row neither resets the delay nor goes unnoticed: the next unlock says 4 were removed', async () => {
    const { file, clock, locked } = await guessedAt(4);
    const waitBefore = locked.lockState().retryAfterMs;
    expect(waitBefore).toBeGreaterThan(0);
    sql(file, 'DELETE FROM unlock_failures');

    // The delay still holds: the counter remembers the attempts the rows no longer show.
    expect(locked.lockState().retryAfterMs).toBe(waitBefore);
    expect((await caught(() => locked.unlock(PASSWORD))).code).toBe('rate-limited');

    clock.t += HOUR;
    const report = await locked.unlock(PASSWORD);
    expect(report.failedAttempts).toEqual([]);
    expect(report.removedFailedAttempts).toBe(4);
    const unlock = locked.history.query({ kinds: ['unlock'] })[0];
    expect(unlock?.detail.note).toContain(removedFailuresMessage(4));
    locked.lock();

    // Reported once: the count is sealed again, and the next unlock finds the record whole.
    const again = await locked.unlock(PASSWORD);
    expect(again.removedFailedAttempts).toBeUndefined();
    expect(again.failedAttempts).toEqual([]);
  });

  it('deleting some rows: the rest are reported as failures, the deleted ones as removed', async () => {
    const { file, clock, locked } = await guessedAt(5);
    sql(file, 'DELETE FROM unlock_failures WHERE seq IN (SELECT seq FROM unlock_failures ORDER BY seq LIMIT 2)');
    clock.t += HOUR;
    const report = await locked.unlock(PASSWORD);
    expect(report.failedAttempts).toHaveLength(3);
    expect(report.removedFailedAttempts).toBe(2);
    expect(locked.history.query({ kinds: ['unlock-failed'] })).toHaveLength(3);
  });

  it('deleting the rows and setting the counter back below the last unlock: reported, count unknown', async () => {
    const { file, clock, locked } = await guessedAt(0);
    // Two ordinary unlocks first, so the sealed count is above zero.
    for (let i = 0; i < 2; i++) {
      await locked.unlock(PASSWORD);
      locked.lock();
    }
    for (let i = 0; i < 4; i++) {
      clock.t += 10_000;
      expect((await caught(() => locked.unlock('a wrong guess'))).code).toBe('wrong-password');
    }
    sql(file, 'DELETE FROM unlock_failures; UPDATE unlock_state SET attempts = 0, settled = 0, last_at = NULL');
    // Rows and counter both gone: the delay is reset, but the tampering is still seen.
    expect(locked.lockState().retryAfterMs).toBe(0);
    clock.t += 1_000;
    const report = await locked.unlock(PASSWORD);
    expect(report.removedFailedAttempts).toBe('unknown');
  });

  it('deleting the throttle state row with its seal: reported, count unknown', async () => {
    const { file, clock, locked } = await guessedAt(2);
    sql(file, 'DELETE FROM unlock_failures; DELETE FROM unlock_state');
    clock.t += HOUR;
    expect((await locked.unlock(PASSWORD)).removedFailedAttempts).toBe('unknown');
  });

  it('forging the sealed count (no key, no valid MAC): reported, count unknown', async () => {
    const { file, clock, locked } = await guessedAt(3);
    sql(file, 'DELETE FROM unlock_failures; UPDATE unlock_state SET seen_attempts = attempts, settled = attempts');
    clock.t += HOUR;
    expect((await locked.unlock(PASSWORD)).removedFailedAttempts).toBe('unknown');
  });

  it('a password re-check (export, password change) is a success, not a removed failure', async () => {
    const { clock, locked } = await guessedAt(0);
    await locked.unlock(PASSWORD);
    await locked.masterPassword.verify(PASSWORD);
    expect((await caught(() => locked.masterPassword.verify('a wrong guess'))).code).toBe('wrong-password');
    await locked.masterPassword.change(PASSWORD, 'a new master password');
    locked.lock();
    clock.t += HOUR;
    const report = await locked.unlock('a new master password');
    expect(report.failedAttempts).toHaveLength(1);
    expect(report.removedFailedAttempts).toBeUndefined();
  });

  it('the limit: the throttle state put back exactly as it was before the guesses is not detected', async () => {
    const { file, clock, locked } = await guessedAt(0);
    const snapshot = withRaw(file, (db) => db.prepare('SELECT * FROM unlock_state').get()) as Record<string, unknown>;
    for (let i = 0; i < 3; i++) await caught(() => locked.unlock('a wrong guess'));
    withRaw(file, (db) => {
      db.exec('DELETE FROM unlock_failures');
      db.prepare('UPDATE unlock_state SET attempts = @attempts, settled = @settled, passed = @passed, last_at = @last_at WHERE id = 1').run(snapshot);
    });
    clock.t += 1_000;
    const report = await locked.unlock(PASSWORD);
    expect(report.failedAttempts).toEqual([]);
    expect(report.removedFailedAttempts).toBeUndefined();
  });
});

describe('attack: deleted failure rows, through the CLI', () => {
  beforeAll(() => {
    buildCli();
  });

  it('the next command warns on stderr that 2 failed attempts were removed, and still runs', async () => {
    const { cli } = await newCliVault();
    const wrong = new VaultCli(cli.file, cli.env, 'a wrong guess');
    for (let i = 0; i < 2; i++) expect((await wrong.run(['list'])).code).toBe(2);
    sql(cli.file, 'DELETE FROM unlock_failures');
    const r = await cli.run(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`Warning: ${removedFailuresMessage(2)}`);
    expect((await cli.run(['list'])).stderr).not.toContain('removed');
  });
});

describe.skipIf(!CHROMIUM)('attack: deleted failure rows, in the app (real Chromium, real handlers)', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
    await stopShared();
  });

  it('the unlock notice says how many failed attempts were removed', async () => {
    h = await startHarness(CHROMIUM as string);
    const p = h.page;
    await seedVault(h, []);
    await h.call('vault:lock', {});
    await p.getByRole('heading', { name: 'Keystash is locked' }).waitFor();
    for (let i = 0; i < 2; i++) {
      await box(p, 'Master password').fill('a wrong guess');
      await p.keyboard.press('Enter');
      await p.getByText('Wrong master password.').waitFor();
    }
    sql(path.join(h.dir, 'vault.keystash'), 'DELETE FROM unlock_failures');
    await box(p, 'Master password').fill(PASSWORD);
    await p.keyboard.press('Enter');
    const removed = p.getByTestId('removed-failures');
    await removed.waitFor();
    expect(await removed.textContent()).toContain(removedFailuresMessage(2));
    expect(await p.getByTestId('unlock-notice').textContent()).not.toContain('since your last unlock');
  });
});
