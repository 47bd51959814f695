// history:* — the usage log for the activity page and an item's detail pane: pages, counts,
// search, charts, flags, the tamper-evidence check, retention and export. Only counts, times
// and event summaries travel, never a secret value.
import { z } from 'zod';
import { EVENT_KINDS, type VaultEvent } from '../domain';
import {
  chartsQuerySchema,
  HISTORY_EXPORT_FORMATS,
  historyFilterSchema,
  historyPageSchema,
  historySearchSchema,
  RETENTIONS,
  sparklineQuerySchema,
  type ActivityCharts,
  type ActivityFlag,
  type ChainHeadline,
  type ChainReport,
  type HistorySearchResult,
  type HistoryStatus,
} from '../history';
import { channel, empty, id, type DomainChannels } from './kit';

const historyQuerySchema = z
  .object({
    itemId: id.optional(),
    kinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).optional(),
    since: z.number().int().min(0).optional(),
    until: z.number().int().min(0).optional(),
    beforeSeq: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

const historyExportSchema = z.object({ format: z.enum(HISTORY_EXPORT_FORMATS), filter: historyFilterSchema.optional() }).strict();

export const historyChannels = {
  'history:list': channel(historyQuerySchema).returns<VaultEvent[]>(),
  'history:page': channel(historyPageSchema).returns<VaultEvent[]>(),
  'history:count': channel(historyFilterSchema).returns<{ total: number }>(),
  'history:search': channel(historySearchSchema).returns<HistorySearchResult>(),
  'history:charts': channel(chartsQuerySchema).returns<ActivityCharts>(),
  'history:flags': channel(z.object({ days: z.number().int().min(1).max(366).optional() }).strict()).returns<ActivityFlag[]>(),
  'history:sparkline': channel(sparklineQuerySchema).returns<number[]>(),
  'history:status': channel(empty).returns<HistoryStatus & { headline: ChainHeadline }>(),
  'history:verify': channel(z.object({ full: z.boolean() }).strict()).returns<ChainReport>(),
  /** Clears the history alarm once the user has read its findings. */
  'history:acknowledge': channel(empty).returns<ChainReport>(),
  'history:set-retention': channel(z.object({ retention: z.enum(RETENTIONS) }).strict()).returns<{ pruned: number }>(),
  'history:export': channel(historyExportSchema).returns<{ path: string; count: number } | { cancelled: true }>(),
} satisfies DomainChannels<'history'>;
