// Failed unlock attempts: stored with their times, reported at the next success, and a growing
// delay after a few free attempts that survives closing and reopening the vault.
import { describe, expect, it } from 'vitest';
import type { ThrottlePolicy } from '../../../electron/core/vault/unlock-throttle';
import { caught, newVault, openVault, PASSWORD, withRaw } from '../fixtures/vault-helpers';

const POLICY: ThrottlePolicy = { freeAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 4_000 };

describe('unlock throttle', () => {
  it('lets a few attempts through, then imposes a doubling, capped delay', async () => {
    let t = 10_000_000;
    const opts = { now: () => t, throttle: POLICY };
    const v = await newVault(opts);
    const file = v.file;
    v.close();
    const locked = openVault(file, opts);

    let err = await caught(() => locked.unlock('wrong password'));
    expect(err.code).toBe('wrong-password');
    expect(err.retryAfterMs).toBeUndefined();
    expect(locked.lockState()).toEqual({ unlocked: false, failedCount: 1, retryAfterMs: 0 });
    // Two attempts are free; the second failure starts the delay for the third, and says so.
    err = await caught(() => locked.unlock('wrong password'));
    expect(err.code).toBe('wrong-password');
    expect(err.retryAfterMs).toBe(1_000);
    expect(err.message).toMatch(/Wait 1 s/);

    // During the delay even the right password is refused without being tried or counted.
    t += 400;
    err = await caught(() => locked.unlock(PASSWORD));
    expect(err.code).toBe('rate-limited');
    expect(err.retryAfterMs).toBe(600);
    expect(locked.lockState()).toEqual({ unlocked: false, failedCount: 2, retryAfterMs: 600 });

    // Closing and reopening does not reset it.
    locked.close();
    const reopened = openVault(file, opts);
    expect((await caught(() => reopened.unlock(PASSWORD))).code).toBe('rate-limited');
    expect(reopened.lockState().retryAfterMs).toBe(600);

    t += 600;
    err = await caught(() => reopened.unlock('still wrong'));
    expect(err.code).toBe('wrong-password');
    expect(err.retryAfterMs).toBe(2_000);
    t += 2_000;
    err = await caught(() => reopened.unlock('still wrong'));
    expect(err.retryAfterMs).toBe(4_000);
    t += 4_000;
    err = await caught(() => reopened.unlock('still wrong'));
    expect(err.retryAfterMs).toBe(4_000); // capped
    t += 4_000;

    const report = await reopened.unlock(PASSWORD);
    expect(report.failedAttempts.map((f) => f.at)).toEqual([10_000_000, 10_000_000, 10_001_000, 10_003_000, 10_007_000]);
    expect(reopened.lockState()).toEqual({ unlocked: true, failedCount: 0, retryAfterMs: 0 });
    expect(reopened.history.query({ kinds: ['unlock-failed'] })).toHaveLength(5);
  });

  it('an attempt is recorded before Argon2 runs, so one abandoned during the key derivation still counts', async () => {
    const v = await newVault();
    const file = v.file;
    v.close();
    const locked = openVault(file);
    // unlock() records the attempt before its first await; Argon2 is still running here.
    const pending = locked.unlock('wrong password');
    expect(withRaw(file, (db) => db.prepare('SELECT COUNT(*) AS n FROM unlock_failures').get())).toEqual({ n: 1 });
    expect((await caught(() => pending)).code).toBe('wrong-password');
    // A refused attempt writes nothing.
    const strict = openVault(file, { throttle: { freeAttempts: 1, baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const before = withRaw(file, (db) => db.prepare('SELECT * FROM unlock_state').get());
    expect((await caught(() => strict.unlock(PASSWORD))).code).toBe('rate-limited');
    expect(withRaw(file, (db) => db.prepare('SELECT * FROM unlock_state').get())).toEqual(before);
  });

  it('failures recorded by one process are seen by another (app and CLI)', async () => {
    let t = 5_000;
    const opts = { now: () => t, throttle: { freeAttempts: 1, baseDelayMs: 10_000, maxDelayMs: 10_000 } };
    const v = await newVault(opts);
    v.lock();
    const cli = openVault(v.file, opts);
    await caught(() => cli.unlock('wrong password'));
    expect(v.lockState().retryAfterMs).toBe(10_000);
    expect((await caught(() => v.unlock(PASSWORD))).code).toBe('rate-limited');
    t += 10_000;
    expect((await v.unlock(PASSWORD)).failedAttempts).toEqual([{ at: 5_000 }]);
  });
});
