// Failed unlock attempts: stored (plain times only; there is no key to encrypt them with)
// so they survive restarts, reported at the next successful unlock, and used to impose a
// growing delay between attempts after a few free ones.
import type { FailedUnlock } from '../../../shared/domain';
import { KeystashError } from '../errors';
import type { Db } from './db';

export interface ThrottlePolicy {
  /** Attempts allowed without any delay. */
  freeAttempts: number;
  /** Delay after the first attempt past the free ones; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { freeAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

export function delayAfter(failures: number, p: ThrottlePolicy): number {
  if (failures < p.freeAttempts) return 0;
  return Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (failures - p.freeAttempts));
}

export class UnlockThrottle {
  constructor(
    private readonly db: Db,
    private readonly policy: ThrottlePolicy,
    private readonly now: () => number,
  ) {}

  failures(): FailedUnlock[] {
    return (this.db.prepare('SELECT at FROM unlock_failures ORDER BY at').all() as { at: number }[]).map((r) => ({ at: r.at }));
  }

  /** Milliseconds until the next attempt may run (0 = now). */
  retryAfterMs(): number {
    const row = this.db.prepare('SELECT COUNT(*) AS n, MAX(at) AS last FROM unlock_failures').get() as { n: number; last: number | null };
    if (row.last === null) return 0;
    const wait = row.last + delayAfter(row.n, this.policy) - this.now();
    return Math.max(0, wait);
  }

  /** Refuses, as `rate-limited`, a password check that comes before the delay has passed. */
  assertReady(): void {
    const wait = this.retryAfterMs();
    if (wait > 0) throw new KeystashError('rate-limited', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
  }

  recordFailure(): void {
    this.db.prepare('INSERT INTO unlock_failures (at) VALUES (?)').run(this.now());
  }

  /** Forgets the failures once they are reported; runs inside the caller's transaction. */
  clear(): void {
    this.db.prepare('DELETE FROM unlock_failures').run();
  }
}
