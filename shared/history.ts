// Usage-history types and request schemas shared by the core, the IPC contract, the CLI and
// the activity page: filters, chart aggregates, alerts and the tamper-evidence report.
// Only counts, times and event summaries cross IPC; never a secret value.
import { z } from 'zod';
import { EVENT_KINDS, EVENT_SOURCES, ITEM_TYPES, type EventKind, type ItemType, type VaultEvent } from './domain';

const id = z.string().min(1).max(100);

/** Filters the activity page and the CLI share. Times are ms since the epoch. */
export const historyFilterSchema = z
  .object({
    itemId: id.optional(),
    itemType: z.enum(ITEM_TYPES).optional(),
    kinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).optional(),
    source: z.enum(EVENT_SOURCES).optional(),
    since: z.number().int().min(0).optional(),
    until: z.number().int().min(0).optional(),
  })
  .strict();
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export const historyPageSchema = historyFilterSchema
  .extend({
    /** Only events older than this sequence number (paging, newest first). */
    beforeSeq: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type HistoryPageQuery = z.infer<typeof historyPageSchema>;

export const historySearchSchema = historyPageSchema.extend({ text: z.string().trim().min(1).max(200) }).strict();
export type HistorySearchQuery = z.infer<typeof historySearchSchema>;

export interface HistorySearchResult {
  events: VaultEvent[];
  /** Every event at or above this sequence number was searched; older ones are not yet indexed. */
  searchedDownTo: number;
  /** True when the whole history was searched. */
  complete: boolean;
}

/** Events per local day for the chart, oldest first; only kinds with a count appear. */
export interface DayCounts {
  /** Local date, YYYY-MM-DD. */
  day: string;
  total: number;
  counts: Partial<Record<EventKind, number>>;
}

export interface TopItem {
  itemId: string;
  title: string;
  type: ItemType | null;
  count: number;
  /** False when the item has been purged; its title then comes from the history itself. */
  exists: boolean;
}

/** A stretch of history worth a second look. */
export interface ActivityFlag {
  reason: 'export' | 'burst';
  from: number;
  to: number;
  /** Events in the window (1 for an export). */
  count: number;
  /** Sequence numbers of the events involved, newest last (at most 50). */
  seqs: number[];
  message: string;
}

export const chartsQuerySchema = z
  .object({
    days: z.number().int().min(1).max(366).optional(),
    /** Minutes east of UTC, so days are the user's local days. */
    tzOffsetMinutes: z.number().int().min(-840).max(840).optional(),
    top: z.number().int().min(1).max(50).optional(),
  })
  .strict();
export type ChartsQuery = z.infer<typeof chartsQuerySchema>;

export interface ActivityCharts {
  perDay: DayCounts[];
  topItems: TopItem[];
}

export const sparklineQuerySchema = z
  .object({ itemId: id, days: z.number().int().min(1).max(366).optional(), tzOffsetMinutes: chartsQuerySchema.shape.tzOffsetMinutes })
  .strict();

export const CHAIN_PROBLEMS = ['edited', 'moved', 'missing', 'truncated', 'unexpected', 'head-missing', 'head-invalid', 'head-older', 'anchor-invalid', 'alarm-lost'] as const;
export type ChainProblemKind = (typeof CHAIN_PROBLEMS)[number];

/**
 * Problems whose evidence a later write would erase (a new head hides a deleted one, a cut
 * tail or a copied-back older head): a check that finds one raises the alarm, which stays
 * until the user acknowledges it. Edited, moved and missing events stay in the chain itself.
 */
export const STICKY_PROBLEMS: readonly ChainProblemKind[] = ['truncated', 'unexpected', 'head-missing', 'head-invalid', 'head-older', 'anchor-invalid', 'alarm-lost'];

/** Findings kept until acknowledged (history-alarm.ts). */
export interface HistoryAlarm {
  /** When the first of them was found; 0 when the record of them was removed. */
  raisedAt: number;
  problems: ChainProblem[];
}

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The first event concerned. */
  seq: number;
  /** The last event concerned, for ranges (missing, truncated). */
  toSeq?: number;
  message: string;
}

/** The outcome of checking the tamper-evident chain of usage events. */
export interface ChainReport {
  ok: boolean;
  /** `incremental` checks only events added since the last verified checkpoint (plus the head). */
  mode: 'incremental' | 'full';
  checkedEvents: number;
  /** Newest event in the chain. */
  lastSeq: number;
  /** Events older than this were pruned by the retention setting. */
  prunedThrough: number;
  problems: ChainProblem[];
  /** Earlier findings not yet acknowledged; `ok` is false while there are any. */
  alarm: HistoryAlarm | null;
  checkedAt: number;
  ms: number;
}

/** The alarm's findings that this check did not find again (so nothing is listed twice). */
export function earlierFindings(r: ChainReport): ChainProblem[] {
  const now = new Set(r.problems.map((p) => p.message));
  return (r.alarm?.problems ?? []).filter((p) => !now.has(p.message));
}

/**
 * The activity page's headline, composed in main from what was actually checked: it claims
 * "intact" only after a full check found nothing, and says when the full check last ran.
 */
export interface ChainHeadline {
  tone: 'ok' | 'info' | 'danger';
  title: string;
  text: string;
  /** What is wrong, one sentence each (current findings, then unacknowledged earlier ones). */
  problems: string[];
  /** True while an alarm waits for the user's acknowledgement. */
  canAcknowledge: boolean;
  /** Progress of the background full check while it runs. */
  checking: { checked: number; total: number } | null;
  /** When a full check of the whole chain last finished in this session, or null. */
  lastFullCheckAt: number | null;
}

export const RETENTIONS = ['forever', '1y', '90d'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const RETENTION_DAYS: Record<Retention, number | null> = { forever: null, '1y': 365, '90d': 90 };

/** What the activity log exports to (the vault's own export formats are VAULT_EXPORT_FORMATS). */
export const HISTORY_EXPORT_FORMATS = ['csv', 'json'] as const;
export type HistoryExportFormat = (typeof HISTORY_EXPORT_FORMATS)[number];

export interface HistoryStatus {
  total: number;
  retention: Retention;
  /** The check made at unlock (or the last one asked for). */
  lastCheck: ChainReport | null;
  /** Failed unlock attempts recorded in the last 30 days, newest first (at most 50). */
  recentFailedUnlocks: number[];
}
