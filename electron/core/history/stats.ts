// Chart aggregates computed with SQL over the plain kind/at/item_id columns: nothing is
// decrypted, and only counts leave the main process. Days are the user's local days, given
// as a UTC offset in minutes (the current one; a DST change shifts one hour at the edge).
// Day and top-item charts read the rollup tables; the per-item sparkline reads its own events.
import type { EventKind } from '../../../shared/domain';
import type { DayCounts } from '../../../shared/history';
import type { Db } from '../vault-db';

import { DAY_MS, QUARTER_MS } from './rollups';

export interface DayWindow {
  /** First day's number (days since epoch, local). */
  firstDay: number;
  days: number;
  offsetMs: number;
}

export function dayWindow(now: number, days: number, tzOffsetMinutes: number): DayWindow {
  const offsetMs = tzOffsetMinutes * 60_000;
  const today = Math.floor((now + offsetMs) / DAY_MS);
  return { firstDay: today - days + 1, days, offsetMs };
}

const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Events per local day and kind over the window, every day present (zeros included). */
export function perDay(db: Db, w: DayWindow): DayCounts[] {
  const since = w.firstDay * DAY_MS - w.offsetMs;
  const rows = db
    .prepare(
      `SELECT (q * ${QUARTER_MS} + CAST(@off AS INTEGER)) / ${DAY_MS} AS day, kind, SUM(n) AS n FROM event_quarters
       WHERE q >= @sinceQ GROUP BY day, kind`,
    )
    .all({ off: w.offsetMs, sinceQ: Math.floor(since / QUARTER_MS) }) as { day: number; kind: EventKind; n: number }[];
  const out: DayCounts[] = Array.from({ length: w.days }, (_, i) => ({ day: dayLabel(w.firstDay + i), total: 0, counts: {} }));
  for (const r of rows) {
    const slot = out[Math.floor(r.day) - w.firstDay];
    if (!slot) continue; // a clock set in the future
    slot.counts[r.kind] = (slot.counts[r.kind] ?? 0) + r.n;
    slot.total += r.n;
  }
  return out;
}

/** Items used (copied, revealed, used from the CLI) most often since `since` (whole UTC days). */
export function mostUsed(db: Db, since: number, limit: number): { itemId: string; count: number }[] {
  return db
    .prepare(
      `SELECT item_id AS itemId, SUM(n) AS count FROM item_use_days WHERE day >= ?
       GROUP BY item_id ORDER BY count DESC, item_id LIMIT ?`,
    )
    .all(Math.floor(since / DAY_MS), limit) as { itemId: string; count: number }[];
}

/** One item's events per local day over the window, oldest first. */
export function sparkline(db: Db, itemId: string, w: DayWindow): number[] {
  const since = w.firstDay * DAY_MS - w.offsetMs;
  const rows = db
    .prepare(`SELECT (at + CAST(@off AS INTEGER)) / ${DAY_MS} AS day, COUNT(*) AS n FROM events WHERE item_id = @itemId AND at >= @since GROUP BY day`)
    .all({ off: w.offsetMs, since, itemId }) as { day: number; n: number }[];
  const out = new Array<number>(w.days).fill(0);
  for (const r of rows) {
    const i = Math.floor(r.day) - w.firstDay;
    if (i >= 0 && i < w.days) out[i] = (out[i] ?? 0) + r.n;
  }
  return out;
}

/** Events by kind and quarter-aligned time range, from the rollups (`until` is inclusive). */
export function countFromRollups(db: Db, f: { kinds?: readonly EventKind[]; since?: number; until?: number }): number {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.kinds && f.kinds.length > 0) {
    where.push(`kind IN (${f.kinds.map(() => '?').join(', ')})`);
    params.push(...f.kinds);
  }
  if (f.since !== undefined) {
    where.push('q >= ?');
    params.push(Math.floor(f.since / QUARTER_MS));
  }
  if (f.until !== undefined) {
    where.push('q <= ?');
    params.push(Math.floor(f.until / QUARTER_MS));
  }
  const sql = `SELECT COALESCE(SUM(n), 0) AS n FROM event_quarters ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return (db.prepare(sql).get(...params) as { n: number }).n;
}
