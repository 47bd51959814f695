// vault.healthScores: strength scores from earlier health checks, so a check only runs zxcvbn
// (~20 ms a password) on passwords it has not scored before. Kept as one encrypted record
// (kind `meta`, id `health-scores`) of SHA-256 digest → score; the digests cover the password
// with the username and title (zxcvbn's context), and only ever live inside the encrypted record.
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { metaStore } from '../vault/meta-records';

export const HEALTH_SCORES_RECORD = 'health-scores';

export class HealthScores {
  constructor(
    private readonly db: Db,
    private readonly gate: Gate<{ readonly keys: SessionKeys }>,
  ) {}

  /** Digest → score; empty when there is no cache yet or it is damaged. */
  read(): Map<string, number> {
    const { keys } = this.gate.read();
    // A damaged cache only costs time: start over rather than fail the health check.
    const entries = metaStore(this.db, keys).tryRead<[string, number][]>(HEALTH_SCORES_RECORD);
    return new Map(Array.isArray(entries) ? entries : []);
  }

  /** Replaces the cache (a check saves only the scores of the passwords it saw). */
  save(scores: Map<string, number>): void {
    const { keys } = this.gate.write();
    metaStore(this.db, keys).write(HEALTH_SCORES_RECORD, [...scores.entries()]);
  }
}
