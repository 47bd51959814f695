// Chart aggregates computed with SQL over the plain kind/at/item_id columns: nothing is
// decrypted, and only counts leave the main process. Days are the user's local days, given
// as a UTC offset in minutes (the current one; a DST change shifts one hour at the edge).
// Day and top-item charts read the rollup tables; the per-item sparkline reads its own events.
import type { EventKind } from '../../../shared/domain';
import type { DayCounts } from '../../../shared/history';
import type { Db } from '../vault/db';

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

/**
 * Events per local day and kind over the window, every day present (zeros included). A local
 * day is UTC day d shifted by the offset: east of UTC it gains the last `off` of day d-1 and
 * loses its own last `off`; west it loses its first |off| and gains that of day d+1. So the
 * day totals are read whole and only the quarter-hours inside those edges are added or taken.
 */
export function perDay(db: Db, w: DayWindow): DayCounts[] {
  const out: DayCounts[] = Array.from({ length: w.days }, (_, i) => ({ day: dayLabel(w.firstDay + i), total: 0, counts: {} }));
  const add = (localDay: number, kind: EventKind, n: number): void => {
    const slot = out[localDay - w.firstDay];
    if (!slot || n === 0) return; // outside the window, or a clock set in the future
    slot.counts[kind] = (slot.counts[kind] ?? 0) + n;
    slot.total += n;
    if (slot.counts[kind] === 0) delete slot.counts[kind];
  };
  const lastDay = w.firstDay + w.days - 1;
  const days = db.prepare('SELECT day, kind, n FROM event_days WHERE day BETWEEN ? AND ?').all(w.firstDay - 1, lastDay + 1) as { day: number; kind: EventKind; n: number }[];
  const off = w.offsetMs;
  for (const r of days) add(r.day, r.kind, r.n);
  if (off !== 0) {
    const edge = db.prepare('SELECT kind, SUM(n) AS n FROM event_quarters WHERE q >= ? AND q < ? GROUP BY kind');
    const span = Math.abs(off) / QUARTER_MS;
    for (let d = w.firstDay - 1; d <= lastDay + 1; d++) {
      // East: the last `off` of UTC day d belongs to local day d+1. West: the first |off| of d belongs to d-1.
      const from = off > 0 ? ((d + 1) * DAY_MS) / QUARTER_MS - span : (d * DAY_MS) / QUARTER_MS;
      for (const r of edge.all(from, from + span) as { kind: EventKind; n: number }[]) {
        add(d, r.kind, -r.n);
        add(off > 0 ? d + 1 : d - 1, r.kind, r.n);
      }
    }
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
