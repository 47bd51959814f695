// vault.healthScores: strength scores the health checks of this session have computed, so a
// later check runs zxcvbn only on passwords it has not scored since the vault was unlocked.
// The cache lives in memory only and belongs to the session's keys: a new unlock starts with
// an empty one, and the old one goes with the keys it was tied to. Entries are keyed by
// HMAC-SHA256 under a random key made for the session, over the password with the username
// and title (zxcvbn's context): no password, and no unkeyed digest of one, is kept or stored.
// Earlier versions kept SHA-256 digests in an encrypted record; the first check removes it.
import { createHmac, randomBytes } from 'node:crypto';
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { metaStore } from '../vault/meta-records';
import { KeystashError } from '../errors';

/** The record earlier versions kept (unkeyed digests → scores), removed by the first check. */
export const LEGACY_HEALTH_SCORES_RECORD = 'health-scores';

/** One session's scores, keyed by HMAC of the password and its context. */
export class SessionScores {
  private scores = new Map<string, number>();
  private readonly key = randomBytes(32);

  /** The cache key for a password scored with these user inputs (username, title). */
  keyOf(password: string, context: string[]): string {
    return createHmac('sha256', this.key).update(JSON.stringify([password, ...context])).digest('base64');
  }

  get(key: string): number | undefined {
    return this.scores.get(key);
  }

  get size(): number {
    return this.scores.size;
  }

  /** Replaces the cache with the scores a check saw, so passwords no longer in the vault drop out. */
  replace(scores: Map<string, number>): void {
    this.scores = scores;
  }
}

export class HealthScores {
  private readonly sessions = new WeakMap<SessionKeys, SessionScores>();

  constructor(
    private readonly db: Db,
    private readonly gate: Gate<{ readonly keys: SessionKeys }>,
  ) {}

  /** This session's cache (created on first use); throws `locked` when the vault is locked. */
  session(): SessionScores {
    const { keys } = this.gate.read();
    this.dropLegacyRecord();
    let scores = this.sessions.get(keys);
    if (!scores) {
      scores = new SessionScores();
      this.sessions.set(keys, scores);
    }
    return scores;
  }

  private dropLegacyRecord(): void {
    if (this.db.prepare('SELECT 1 FROM meta WHERE name = ?').get(LEGACY_HEALTH_SCORES_RECORD) === undefined) return;
    try {
      metaStore(this.db, this.gate.write().keys).delete(LEGACY_HEALTH_SCORES_RECORD);
    } catch (e) {
      // While an import holds the write lock, a later check removes it.
      if (!(e instanceof KeystashError && e.code === 'busy')) throw e;
    }
  }
}
