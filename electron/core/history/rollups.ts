// Running counts behind the charts, kept in the same transaction as every append and prune:
// events per UTC day and kind, events per quarter-hour and kind (local days in any real time
// zone are whole quarter-hours, so a local day is a UTC day give or take some quarter-hours),
// and uses per item and UTC day. They hold nothing the plain event columns do not already
// show, and they let the activity page chart 90 days of a million events in milliseconds.
// They are a cache, not evidence: the MAC chain over the events is what proves history.
import { USE_EVENT_KINDS } from '../../../shared/domain';
import type { Db } from '../vault/db';
import { statement } from '../vault/statements';

export const QUARTER_MS = 900_000;
export const DAY_MS = 86_400_000;

interface Counted {
  at: number;
  kind: string;
  item_id: string | null;
}

export class Rollups {
  constructor(private readonly db: Db) {}

  /** Adds (sign 1) or removes (sign -1) events from the counts. */
  apply(rows: readonly Counted[], sign: 1 | -1): void {
    const quarters = new Map<string, { q: number; kind: string; n: number }>();
    const days = new Map<string, { day: number; kind: string; n: number }>();
    const uses = new Map<string, { item: string; day: number; n: number }>();
    for (const r of rows) {
      const q = Math.floor(r.at / QUARTER_MS);
      const k = `${q}|${r.kind}`;
      const cur = quarters.get(k);
      if (cur) cur.n += sign;
      else quarters.set(k, { q, kind: r.kind, n: sign });
      const day = Math.floor(r.at / DAY_MS);
      const dk = `${day}|${r.kind}`;
      const dc = days.get(dk);
      if (dc) dc.n += sign;
      else days.set(dk, { day, kind: r.kind, n: sign });
      if (r.item_id !== null && USE_EVENT_KINDS.includes(r.kind as (typeof USE_EVENT_KINDS)[number])) {
        const day = Math.floor(r.at / DAY_MS);
        const u = `${r.item_id}|${day}`;
        const c = uses.get(u);
        if (c) c.n += sign;
        else uses.set(u, { item: r.item_id, day, n: sign });
      }
    }
    const q = statement(this.db, 'INSERT INTO event_quarters (q, kind, n) VALUES (?, ?, ?) ON CONFLICT(q, kind) DO UPDATE SET n = n + excluded.n');
    for (const v of quarters.values()) q.run(v.q, v.kind, v.n);
    const d = statement(this.db, 'INSERT INTO event_days (day, kind, n) VALUES (?, ?, ?) ON CONFLICT(day, kind) DO UPDATE SET n = n + excluded.n');
    for (const v of days.values()) d.run(v.day, v.kind, v.n);
    const u = statement(this.db, 'INSERT INTO item_use_days (item_id, day, n) VALUES (?, ?, ?) ON CONFLICT(item_id, day) DO UPDATE SET n = n + excluded.n');
    for (const v of uses.values()) u.run(v.item, v.day, v.n);
    if (sign < 0) {
      this.db.exec('DELETE FROM event_quarters WHERE n <= 0; DELETE FROM event_days WHERE n <= 0; DELETE FROM item_use_days WHERE n <= 0;');
    }
  }

  /** Removes the counts of events fromSeq < seq <= throughSeq (before pruning deletes them). */
  forgetRange(fromSeq: number, throughSeq: number): void {
    const page = this.db.prepare('SELECT seq, at, kind, item_id FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 50000');
    let from = fromSeq;
    for (;;) {
      const rows = page.all(from, throughSeq) as (Counted & { seq: number })[];
      const last = rows[rows.length - 1];
      if (!last) break;
      this.apply(rows, -1);
      from = last.seq;
    }
  }
}
