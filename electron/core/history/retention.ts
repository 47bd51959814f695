// How long usage history is kept, and pruning that keeps what remains verifiable.
// The setting lives in the vault's `meta` table, encrypted and authenticated with the vault
// key, rather than in the app's settings file: the CLI appends to the same history and must
// honour it, and an attacker who can edit files must not be able to shorten it unnoticed.
// Pruning verifies, then deletes, the oldest events in one transaction and records the last
// deleted event's {seq, mac} as the chain's authenticated new start (the anchor).
import { RETENTIONS, RETENTION_DAYS, type Retention } from '../../../shared/history';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { metaStore } from '../vault/meta-records';
import { timingSafeEqual } from 'node:crypto';
import type { ChainPoint, ChainRecords } from './chain-records';
import { eventMac, GENESIS_MAC, type MacInput } from './event-mac';
import type { Rollups } from './rollups';

const NAME = 'history-retention';
const DAY_MS = 86_400_000;

const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);

export function readRetention(db: Db, keys: SessionKeys): Retention {
  const value = metaStore(db, keys).tryRead<{ retention: string }>(NAME);
  // A damaged setting must never shorten history: fall back to keeping everything.
  return value && (RETENTIONS as readonly string[]).includes(value.retention) ? (value.retention as Retention) : 'forever';
}

export function writeRetention(db: Db, keys: SessionKeys, retention: Retention): void {
  metaStore(db, keys).write(NAME, { retention });
}

export function retentionCutoff(retention: Retention, now: number): number | null {
  const days = RETENTION_DAYS[retention];
  return days === null ? null : now - days * DAY_MS;
}

export interface PruneResult {
  pruned: number;
  /** The first event that failed its check on the way (nothing was pruned then), or null. */
  brokenAt: number | null;
}

interface Row extends MacInput {
  mac: Buffer;
}

/**
 * Deletes the oldest events, up to the last one recorded before `cutoff`, in one transaction.
 * Every event in the range is verified first, in order from the chain's start (its MAC and its
 * link to the one before), and only a verified event's time decides whether it goes: a
 * backdated `at` fails its MAC, so it stops the prune instead of steering it. Nothing is pruned
 * without a valid head free of alarms, nor past the head, nor when any event on the way fails.
 * The last deleted event's {seq, mac} becomes the chain's authenticated start (the anchor).
 */
export function pruneBefore(db: Db, key: Uint8Array, records: ChainRecords, rollups: Rollups, cutoff: number): PruneResult {
  return db.transaction((): PruneResult => {
    const head = records.read('history-head');
    const anchor = records.read('history-anchor');
    if (head.state !== 'ok' || head.alarm || anchor.state === 'invalid') return { pruned: 0, brokenAt: null };
    const from: ChainPoint = anchor.state === 'ok' ? anchor.point : { seq: 0, mac: GENESIS_MAC };
    let prev = from;
    const rows = db.prepare('SELECT seq, at, kind, source, item_id, detail, mac FROM events WHERE seq > ? AND seq <= ? ORDER BY seq').iterate(from.seq, head.point.seq) as IterableIterator<Row>;
    for (const row of rows) {
      const intact = row.seq === prev.seq + 1 && same(eventMac(key, prev.mac, row), row.mac);
      if (!intact) return { pruned: 0, brokenAt: row.seq };
      if (row.at >= cutoff) break;
      prev = { seq: row.seq, mac: row.mac };
    }
    if (prev.seq <= from.seq) return { pruned: 0, brokenAt: null };
    rollups.forgetRange(from.seq, prev.seq);
    const { changes } = db.prepare('DELETE FROM events WHERE seq <= ?').run(prev.seq);
    records.write('history-anchor', prev);
    return { pruned: changes, brokenAt: null };
  }).immediate();
}
