// Durations on the command line: `90s`, `15m`, `2h`, or a bare number of minutes.
import { quote } from '../../shared/input-text';
import { usageError } from './command';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

export function parseDuration(raw: string, option: string, range: { minMs: number; maxMs: number }): number {
  const m = /^(\d+)([smh]?)$/.exec(raw.trim());
  if (!m) throw usageError(`--${option} takes a duration such as 90s, 15m or 2h, not ${quote(raw)}.`);
  const ms = Number(m[1]) * UNIT_MS[(m[2] || 'm') as keyof typeof UNIT_MS];
  if (ms < range.minMs || ms > range.maxMs) throw usageError(`--${option} must be between ${range.minMs / 1000} s and ${range.maxMs / 3_600_000} h.`);
  return ms;
}
