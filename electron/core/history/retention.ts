// How long usage history is kept, and pruning that keeps what remains verifiable.
// The setting lives in the vault's `meta` table, encrypted and authenticated with the vault
// key, rather than in the app's settings file: the CLI appends to the same history and must
// honour it, and an attacker who can edit files must not be able to shorten it unnoticed.
// Pruning deletes the oldest events in one transaction and records the last deleted event's
// {seq, mac} as the chain's authenticated new start (the anchor).
import { RETENTIONS, RETENTION_DAYS, type Retention } from '../../../shared/history';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import type { ChainRecords } from './chain-records';
import type { Rollups } from './rollups';

const NAME = 'history-retention';
const DAY_MS = 86_400_000;

export function readRetention(db: Db, keys: SessionKeys): Retention {
  const row = db.prepare('SELECT blob FROM meta WHERE name = ?').get(NAME) as { blob: Buffer } | undefined;
  if (!row) return 'forever';
  const value = keys.tryOpen<{ retention: string }>('meta', NAME, row.blob);
  // A damaged setting must never shorten history: fall back to keeping everything.
  return value && (RETENTIONS as readonly string[]).includes(value.retention) ? (value.retention as Retention) : 'forever';
}

export function writeRetention(db: Db, keys: SessionKeys, retention: Retention): void {
  db.prepare('INSERT INTO meta (name, blob) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET blob = excluded.blob').run(
    NAME,
    keys.seal('meta', NAME, { retention }),
  );
}

export function retentionCutoff(retention: Retention, now: number): number | null {
  const days = RETENTION_DAYS[retention];
  return days === null ? null : now - days * DAY_MS;
}

/**
 * Deletes every event up to the last one recorded before `cutoff` (by sequence, so the chain
 * stays contiguous; an event with an out-of-order time is kept with its neighbours).
 * Returns how many events were deleted.
 */
export function pruneBefore(db: Db, records: ChainRecords, rollups: Rollups, cutoff: number): number {
  return db.transaction(() => {
    const keep = db.prepare('SELECT seq FROM events WHERE at >= ? ORDER BY seq LIMIT 1').get(cutoff) as { seq: number } | undefined;
    const through = keep
      ? keep.seq - 1
      : ((db.prepare('SELECT MAX(seq) AS s FROM events').get() as { s: number | null }).s ?? 0);
    const anchor = records.read('history-anchor');
    const from = anchor.state === 'ok' ? anchor.point.seq : 0;
    if (through <= from) return 0;
    const last = db.prepare('SELECT seq, mac FROM events WHERE seq = ?').get(through) as { seq: number; mac: Buffer } | undefined;
    // A gap at the cut point is tampering the chain check reports; do not paper over it.
    if (!last) return 0;
    rollups.forgetRange(from, through);
    const { changes } = db.prepare('DELETE FROM events WHERE seq <= ?').run(through);
    records.write('history-anchor', last);
    return changes;
  }).immediate();
}
