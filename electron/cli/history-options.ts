// Parsing and printing for `keystash history`'s filters and `--verify`: dates such as
// 2026-11-01, 2026-11-01T09:30 or 7d / 12h, event kinds by name, and the tamper-evidence
// report in plain words (with the standing alarm, on stdout for --verify and stderr at unlock).
import { EVENT_KINDS, type EventKind } from '../../shared/domain';
import { earlierFindings, type ChainReport } from '../../shared/history';
import { usageError } from './command';

const RELATIVE = /^(\d{1,5})([dhm])$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** A date as people type it; a bare date means local midnight. */
export function parseSince(raw: string, now: number): number {
  const s = raw.trim();
  const rel = RELATIVE.exec(s);
  if (rel) return now - Number(rel[1]) * UNIT_MS[rel[2] as keyof typeof UNIT_MS];
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00`).getTime() : /^\d{4}-\d{2}-\d{2}T/.test(s) ? Date.parse(s) : NaN;
  if (Number.isNaN(ms)) {
    throw usageError(`--since takes a date like 2026-11-01, 2026-11-01T09:30 or 7d, not “${raw}”.`);
  }
  if (s.length === 10) {
    const d = new Date(ms);
    const back = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    if (back !== s) throw usageError(`--since: ${raw} is not a real date.`);
  }
  return ms;
}

/** `--kind copy --kind reveal` or `--kind copy,reveal`. */
export function parseKinds(raw: string[]): EventKind[] | undefined {
  const names = raw.flatMap((r) => r.split(',')).map((k) => k.trim()).filter(Boolean);
  if (names.length === 0) return undefined;
  for (const k of names) {
    if (!(EVENT_KINDS as readonly string[]).includes(k)) throw usageError(`Unknown event kind “${k}”. Kinds: ${EVENT_KINDS.join(', ')}.`);
  }
  return [...new Set(names)] as EventKind[];
}

export function reportLines(r: ChainReport): string[] {
  const range = r.prunedThrough > 0 ? `events #${r.prunedThrough + 1}–#${r.lastSeq}; older ones were pruned by the retention setting` : `events #1–#${r.lastSeq}`;
  if (r.ok) return [`History is intact: ${r.checkedEvents} events checked (${range}) in ${Math.round(r.ms)} ms.`];
  const lines =
    r.problems.length > 0
      ? [`History was tampered with (${r.problems.length} ${r.problems.length === 1 ? 'problem' : 'problems'}; ${r.checkedEvents} events checked):`, ...r.problems.map((p) => `  - ${p.message}`)]
      : [`No new problem in the ${r.checkedEvents} events checked, but earlier findings are not yet acknowledged.`];
  return [...lines, ...alarmLines(r)];
}

/** The standing alarm's findings not already listed, and how to clear them. */
export function alarmLines(r: ChainReport): string[] {
  if (!r.alarm) return [];
  const earlier = earlierFindings(r);
  const since = r.alarm.raisedAt > 0 ? ` since ${new Date(r.alarm.raisedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC` : '';
  return [
    ...(earlier.length > 0 ? [`Found earlier${since}:`, ...earlier.map((p) => `  - ${p.message}`)] : []),
    `This stays flagged until you acknowledge it: keystash history --acknowledge`,
  ];
}

/** What the CLI prints on stderr when the check at unlock failed (every command, not only history). */
export function unlockCheckLines(r: ChainReport): string[] {
  if (r.ok) return [];
  return [`Warning: the usage history failed its check at unlock:`, ...r.problems.map((p) => `  - ${p.message}`), ...alarmLines(r)];
}

export function reportJson(r: ChainReport): Record<string, unknown> {
  return { ok: r.ok, checkedEvents: r.checkedEvents, lastSeq: r.lastSeq, prunedThrough: r.prunedThrough, problems: r.problems, alarm: r.alarm };
}
