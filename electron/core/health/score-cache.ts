// vault.healthScores: the strength scores health checks have computed, so a check runs zxcvbn
// only on passwords no check has scored yet. Entries are keyed by HMAC-SHA256 (first 128 bits)
// over the password with the username and title (zxcvbn's context), under a key derived from
// the vault key (SessionKeys.healthScoreKey): no password, and no unkeyed digest of one, is
// kept or stored, and without the vault key a key of the cache says nothing about a password.
// The cache is kept for the session in memory and, between sessions, in one sealed meta record
// (`health-score-cache`, covered by the vault's authenticated manifest like every meta record).
// Each check replaces it with the scores of the passwords it saw, so passwords no longer in the
// vault drop out of the record when it is rewritten. A missing, damaged, replayed or planted
// record reads as an empty cache: its loss only costs the time to score again, and no score is
// trusted that this vault's key did not seal. Nor are scores another estimator computed (the
// record names it: generator/strength.ts STRENGTH_ESTIMATOR).
// Earlier versions kept unkeyed SHA-256 digests in a record named `health-scores`; the first
// check removes it.
import { createHmac } from 'node:crypto';
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { metaStore } from '../vault/meta-records';
import { KeystashError } from '../errors';
import { STRENGTH_ESTIMATOR } from '../generator/strength';

/** The record earlier versions kept (unkeyed digests → scores), removed by the first check. */
export const LEGACY_HEALTH_SCORES_RECORD = 'health-scores';
/** The sealed record of HMAC-keyed scores, kept between sessions. */
export const HEALTH_SCORE_CACHE_RECORD = 'health-score-cache';

/** 128 bits of HMAC: collisions are out of reach, and the record for 10,000 passwords stays ~300 KB. */
const KEY_BYTES = 16;

/** One session's scores, keyed by HMAC of the password and its context. */
export class SessionScores {
  private scores: Map<string, number>;
  /** Whether the scores differ from what the vault's record holds. */
  private unsaved = false;

  constructor(
    private readonly key: Uint8Array,
    stored: Map<string, number>,
  ) {
    this.scores = stored;
  }

  /** The cache key for a password scored with these user inputs (username, title). */
  keyOf(password: string, context: string[]): string {
    return createHmac('sha256', this.key).update(JSON.stringify([password, ...context])).digest().subarray(0, KEY_BYTES).toString('base64');
  }

  get(key: string): number | undefined {
    return this.scores.get(key);
  }

  get size(): number {
    return this.scores.size;
  }

  /** Whether the cache has scores the vault's record does not (or the other way round). */
  get dirty(): boolean {
    return this.unsaved;
  }

  /** Replaces the cache with the scores a check saw, so passwords no longer in the vault drop out. */
  replace(scores: Map<string, number>): void {
    if (!sameScores(this.scores, scores)) this.unsaved = true;
    this.scores = scores;
  }

  /** The entries, as the record stores them. */
  entries(): [string, number][] {
    return [...this.scores.entries()];
  }

  /** Marks the scores as stored in the vault's record. */
  saved(): void {
    this.unsaved = false;
  }
}

function sameScores(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of b) if (a.get(k) !== v) return false;
  return true;
}

/** What the record holds: the estimator that computed the scores, and the scores by key. */
interface ScoreRecord {
  estimator: string;
  scores: [string, number][];
}

/** The record's scores, or an empty cache when another estimator computed them or it is not what this code writes. */
function parseRecord(value: unknown): Map<string, number> {
  const scores = new Map<string, number>();
  const record = value as Partial<ScoreRecord> | null;
  if (record?.estimator !== STRENGTH_ESTIMATOR || !Array.isArray(record.scores)) return scores;
  for (const e of record.scores as unknown[]) {
    if (Array.isArray(e) && typeof e[0] === 'string' && Number.isInteger(e[1]) && e[1] >= 0 && e[1] <= 4) scores.set(e[0], e[1] as number);
  }
  return scores;
}

export class HealthScores {
  private readonly sessions = new WeakMap<SessionKeys, SessionScores>();

  constructor(
    private readonly db: Db,
    private readonly gate: Gate<{ readonly keys: SessionKeys }>,
  ) {}

  /**
   * This session's cache: on first use, the scores the vault's record holds (an empty cache
   * when it has none or it fails its checks). Throws `locked` when the vault is locked.
   */
  session(): SessionScores {
    const { keys } = this.gate.read();
    this.dropLegacyRecord();
    let scores = this.sessions.get(keys);
    if (!scores) {
      // tryRead: a missing, altered, replayed or planted record is null, i.e. nothing cached.
      scores = new SessionScores(keys.healthScoreKey, parseRecord(metaStore(this.db, keys).tryRead<unknown>(HEALTH_SCORE_CACHE_RECORD)));
      this.sessions.set(keys, scores);
    }
    return scores;
  }

  /**
   * Stores this session's scores in the vault's record when they changed. While an import
   * holds the write lock it does nothing, and a later check stores them.
   */
  save(): void {
    const { keys } = this.gate.read();
    const scores = this.sessions.get(keys);
    if (!scores?.dirty) return;
    try {
      const record: ScoreRecord = { estimator: STRENGTH_ESTIMATOR, scores: scores.entries() };
      metaStore(this.db, this.gate.write().keys).write(HEALTH_SCORE_CACHE_RECORD, record);
      scores.saved();
    } catch (e) {
      if (!(e instanceof KeystashError && e.code === 'busy')) throw e;
    }
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
