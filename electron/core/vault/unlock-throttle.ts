// The unlock throttle: a growing delay between master-password attempts after a few free
// ones, and the record of failed attempts reported at the next successful unlock.
//
// Every attempt (unlock, or a re-check of the password while unlocked) is numbered and recorded
// in one write transaction that first checks the delay, before its key derivation runs; so
// parallel processes queue on SQLite's write lock and see each other's attempts, and a process
// killed during the KDF still counts. A failure simply leaves its row; a success removes it.
// There is no key before an unlock, so rows and counter are plain; what makes them
// tamper-evident is a MAC (under a key derived from the vault key) over the counter's value at
// the last successful unlock: the next one knows how many attempts were made since, and
// reports any that have no row as removed. What an attacker who edits the file can and cannot
// hide is written down in docs/security.md ("Brute-force delay").
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { FailedUnlock } from '../../../shared/unlock-report';
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

/** An attempt recorded by begin(); its number orders it among every process's attempts. */
export interface Attempt {
  readonly seq: number;
}

/** What the vault key gives the throttle: the MAC key for the sealed count. */
export interface ThrottleKeys {
  readonly vaultId: string;
  readonly key: Uint8Array;
}

/** What a successful unlock learns: the failures still on record, and how many were removed. */
export interface Settled {
  failures: FailedUnlock[];
  /** 0 when the record is whole; `unknown` when the counter or its seal was set back or removed. */
  removed: number | 'unknown';
}

interface StateRow {
  attempts: number;
  settled: number;
  passed: number;
  last_at: number | null;
  seen_attempts: number | null;
  seen_passed: number | null;
  seen_mac: Buffer | null;
  legacy: number;
}

interface Seen {
  attempts: number;
  passed: number;
}

const NO_STATE: StateRow = { attempts: 0, settled: 0, passed: 0, last_at: null, seen_attempts: null, seen_passed: null, seen_mac: null, legacy: 0 };

export class UnlockThrottle {
  constructor(
    private readonly db: Db,
    private readonly policy: ThrottlePolicy,
    private readonly now: () => number,
  ) {}

  /** Attempts since the last successful unlock that did not succeed (or are still running), oldest first. */
  failures(): FailedUnlock[] {
    return (this.db.prepare('SELECT at FROM unlock_failures ORDER BY seq').all() as { at: number }[]).map((r) => ({ at: r.at }));
  }

  /** Milliseconds until the next attempt may run (0 = now). */
  retryAfterMs(): number {
    return this.waitFor(this.state());
  }

  /**
   * Checks the delay and records the attempt in one write transaction, before any key
   * derivation: an attempt refused as `rate-limited` writes nothing, and one let through is
   * counted whether it then succeeds, fails or never finishes.
   */
  begin(): Attempt {
    // Not fsynced (WAL with synchronous = NORMAL): the row is safe from a killed process as soon
    // as it commits, and only a power loss could drop it, while an fsync here would add about
    // 5 ms to every unlock. The successful unlock that settles the record is fully synced.
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    try {
      return this.record();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
  }

  private record(): Attempt {
    return this.db.transaction((): Attempt => {
      const st = this.state();
      const wait = this.waitFor(st);
      if (wait > 0) throw new KeystashError('rate-limited', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
      const seq = Math.max(st.attempts, this.maxSeq()) + 1;
      const at = this.now();
      this.db.prepare('INSERT INTO unlock_failures (seq, at) VALUES (?, ?)').run(seq, at);
      this.writeState({ ...st, attempts: seq, last_at: at });
      return { seq };
    }).immediate();
  }

  /**
   * After a successful unlock, inside the caller's transaction: drops this attempt's row,
   * compares the attempts made since the last unlock with the rows left, reseals the counter
   * and clears the record (the caller logs the failures as events).
   */
  settle(attempt: Attempt | null, keys: ThrottleKeys): Settled {
    const mine = attempt?.seq ?? 0;
    if (attempt) this.db.prepare('DELETE FROM unlock_failures WHERE seq = ?').run(mine);
    const rows = this.db.prepare('SELECT seq, at FROM unlock_failures ORDER BY seq').all() as { seq: number; at: number }[];
    const st = this.state();
    const counter = Math.max(st.attempts, mine, ...rows.map((r) => r.seq));
    const seen = readSeen(st, keys);
    let removed: number | 'unknown';
    if (!seen) {
      // No seal is expected only on the first unlock of a vault made before the seal existed.
      removed = st.legacy === 1 && st.seen_mac === null ? 0 : 'unknown';
    } else if (counter < seen.attempts) {
      removed = 'unknown'; // the counter went backwards: some attempts were made and unrecorded
    } else {
      const onRecord = rows.filter((r) => r.seq > seen.attempts).length;
      // An attempt that another unlock already settled (it ran alongside) is not ours to count.
      const successes = seen.passed + (mine > seen.attempts ? 1 : 0);
      removed = Math.max(0, counter - seen.attempts - successes - onRecord);
    }
    this.db.prepare('DELETE FROM unlock_failures').run();
    this.writeState({ ...st, attempts: counter, settled: counter, passed: 0, legacy: 0, ...sealSeen({ attempts: counter, passed: 0 }, keys) });
    return { failures: rows.map((r) => ({ at: r.at })), removed };
  }

  /**
   * After a successful re-check of the password while unlocked (a plain-text export, a
   * password change): the attempt was not a failure, so its row goes, and the sealed count
   * remembers one more success so the next unlock does not count it as removed.
   */
  passed(attempt: Attempt, keys: ThrottleKeys): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM unlock_failures WHERE seq = ?').run(attempt.seq);
      const st = this.state();
      const seen = readSeen(st, keys);
      // Without a valid seal the next unlock reports the record as tampered with anyway.
      if (!seen || attempt.seq <= seen.attempts) return;
      this.writeState({ ...st, passed: st.passed + 1, ...sealSeen({ attempts: seen.attempts, passed: seen.passed + 1 }, keys) });
    }).immediate();
  }

  private waitFor(st: StateRow): number {
    const rows = this.db.prepare('SELECT COUNT(*) AS n, MAX(at) AS last FROM unlock_failures').get() as { n: number; last: number | null };
    // Rows and counter are both counted, so deleting rows does not shorten the delay; adding
    // rows or bumping the counter only lengthens it.
    const attempts = Math.max(rows.n, st.attempts - st.settled - st.passed);
    const last = Math.max(rows.last ?? 0, st.last_at ?? 0);
    if (attempts === 0 || last === 0) return 0;
    return Math.max(0, last + delayAfter(attempts, this.policy) - this.now());
  }

  private state(): StateRow {
    const row = this.db.prepare('SELECT * FROM unlock_state WHERE id = 1').get() as StateRow | undefined;
    // A deleted state row starts from nothing; the seal went with it, so the next unlock reports it.
    return row ?? NO_STATE;
  }

  private maxSeq(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM unlock_failures').get() as { m: number }).m;
  }

  private writeState(st: StateRow): void {
    this.db
      .prepare(
        `INSERT INTO unlock_state (id, attempts, settled, passed, last_at, seen_attempts, seen_passed, seen_mac, legacy)
         VALUES (1, @attempts, @settled, @passed, @last_at, @seen_attempts, @seen_passed, @seen_mac, @legacy)
         ON CONFLICT(id) DO UPDATE SET attempts = excluded.attempts, settled = excluded.settled, passed = excluded.passed,
           last_at = excluded.last_at, seen_attempts = excluded.seen_attempts, seen_passed = excluded.seen_passed,
           seen_mac = excluded.seen_mac, legacy = excluded.legacy`,
      )
      .run(st);
  }
}

function seenMac(seen: Seen, keys: ThrottleKeys): Buffer {
  // A key of its own, derived from the vault key, bound to this vault; the message binds the
  // vault id again so a seal copied from another vault never verifies.
  const macKey = Buffer.from(hkdfSync('sha256', keys.key, new Uint8Array(0), `keystash ${keys.vaultId} unlock-seen`, 32));
  try {
    return createHmac('sha256', macKey).update(`keystash|unlock-seen|${keys.vaultId}|${seen.attempts}|${seen.passed}`).digest();
  } finally {
    macKey.fill(0);
  }
}

function sealSeen(seen: Seen, keys: ThrottleKeys): Pick<StateRow, 'seen_attempts' | 'seen_passed' | 'seen_mac'> {
  return { seen_attempts: seen.attempts, seen_passed: seen.passed, seen_mac: seenMac(seen, keys) };
}

/** The sealed count, or null when it is missing or does not verify. */
function readSeen(st: StateRow, keys: ThrottleKeys): Seen | null {
  if (st.seen_attempts === null || st.seen_passed === null || st.seen_mac === null) return null;
  const seen = { attempts: st.seen_attempts, passed: st.seen_passed };
  const mac = Buffer.from(st.seen_mac);
  const expected = seenMac(seen, keys);
  return mac.length === expected.length && timingSafeEqual(mac, expected) ? seen : null;
}
