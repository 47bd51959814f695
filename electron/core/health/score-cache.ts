// vault.healthScores: strength scores from earlier health checks, so a check only runs zxcvbn
// (~20 ms a password) on passwords it has not scored before. Kept as one encrypted record
// (kind `meta`, id `health-scores`) of SHA-256 digest → score; the digests cover the password
// with the username and title (zxcvbn's context), and only ever live inside the encrypted record.
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';

export const HEALTH_SCORES_RECORD = 'health-scores';

export class HealthScores {
  constructor(
    private readonly db: Db,
    private readonly gate: Gate<{ readonly keys: SessionKeys }>,
  ) {}

  /** Digest → score; empty when there is no cache yet or it is damaged. */
  read(): Map<string, number> {
    const { keys } = this.gate.read();
    const row = this.db.prepare('SELECT blob FROM meta WHERE name = ?').get(HEALTH_SCORES_RECORD) as { blob: Buffer } | undefined;
    if (!row) return new Map();
    // A damaged cache only costs time: start over rather than fail the health check.
    const entries = keys.tryOpen<[string, number][]>('meta', HEALTH_SCORES_RECORD, row.blob);
    return new Map(Array.isArray(entries) ? entries : []);
  }

  /** Replaces the cache (a check saves only the scores of the passwords it saw). */
  save(scores: Map<string, number>): void {
    const { keys } = this.gate.write();
    this.db.prepare('INSERT INTO meta (name, blob) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET blob = excluded.blob').run(
      HEALTH_SCORES_RECORD,
      keys.seal('meta', HEALTH_SCORES_RECORD, [...scores.entries()]),
    );
  }
}
