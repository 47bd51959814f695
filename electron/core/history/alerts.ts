// Unusual activity worth a second look: every export, and bursts of secrets leaving the vault
// (many reveals, copies or CLI uses inside a short window). Reads only plain columns.
import { USE_EVENT_KINDS } from '../../../shared/domain';
import type { ActivityFlag } from '../../../shared/history';
import type { Db } from '../vault/db';

export interface BurstRule {
  /** At least this many uses ... */
  threshold: number;
  /** ... within this many milliseconds. */
  windowMs: number;
}

export const DEFAULT_BURST: BurstRule = { threshold: 10, windowMs: 5 * 60_000 };
const MAX_SEQS = 50;

/**
 * Flags, newest first. Overlapping bursts merge into one window, so a long scripted run is
 * one flag rather than hundreds.
 */
export function flaggedWindows(db: Db, since: number, rule: BurstRule = DEFAULT_BURST): ActivityFlag[] {
  const flags: ActivityFlag[] = [];
  for (const e of db.prepare("SELECT seq, at FROM events WHERE kind = 'export' AND at >= ?").all(since) as { seq: number; at: number }[]) {
    flags.push({ reason: 'export', from: e.at, to: e.at, count: 1, seqs: [e.seq], message: 'Data was exported from the vault.' });
  }
  const kinds = USE_EVENT_KINDS.map((k) => `'${k}'`).join(', ');
  const uses = db.prepare(`SELECT seq, at FROM events WHERE kind IN (${kinds}) AND at >= ? ORDER BY at, seq`).all(since) as { seq: number; at: number }[];
  let current: { start: number; end: number } | null = null;
  const close = (): void => {
    if (!current) return;
    const slice = uses.slice(current.start, current.end + 1);
    const first = slice[0];
    const last = slice[slice.length - 1];
    if (first && last) {
      const mins = Math.max(1, Math.round((last.at - first.at) / 60_000));
      flags.push({
        reason: 'burst',
        from: first.at,
        to: last.at,
        count: slice.length,
        seqs: slice.slice(-MAX_SEQS).map((u) => u.seq),
        message: `${slice.length} secrets were revealed, copied or used within ${mins} min.`,
      });
    }
    current = null;
  };
  let lo = 0;
  for (let hi = 0; hi < uses.length; hi++) {
    const h = uses[hi];
    if (!h) continue;
    while ((uses[lo]?.at ?? h.at) < h.at - rule.windowMs) lo++;
    if (hi - lo + 1 >= rule.threshold) {
      if (current && lo <= current.end) current.end = hi;
      else {
        close();
        current = { start: lo, end: hi };
      }
    }
  }
  close();
  return flags.sort((a, b) => b.to - a.to);
}
