// IPC contract entries for the activity page: pages, counts, search, charts, flags, the
// tamper-evidence check, retention and export of usage history. Spread into `contract` in
// ipc-contract.ts; only counts, times and event summaries travel, never a secret value.
import { z } from 'zod';
import type { VaultEvent } from './domain';
import {
  chartsQuerySchema,
  EXPORT_FORMATS,
  historyFilterSchema,
  historyPageSchema,
  historySearchSchema,
  RETENTIONS,
  sparklineQuerySchema,
  type ActivityCharts,
  type ActivityFlag,
  type ChainReport,
  type HistorySearchResult,
  type HistoryStatus,
} from './history';

function channel<Req extends z.ZodType, Res>(request: Req): { request: Req; response: Res } {
  return { request, response: undefined as Res };
}

const empty = z.object({}).strict();
export const historyExportSchema = z.object({ format: z.enum(EXPORT_FORMATS), filter: historyFilterSchema.optional() }).strict();

export const historyContract = {
  'history:page': channel<typeof historyPageSchema, VaultEvent[]>(historyPageSchema),
  'history:count': channel<typeof historyFilterSchema, { total: number }>(historyFilterSchema),
  'history:search': channel<typeof historySearchSchema, HistorySearchResult>(historySearchSchema),
  'history:charts': channel<typeof chartsQuerySchema, ActivityCharts>(chartsQuerySchema),
  'history:flags': channel<z.ZodObject<{ days: z.ZodOptional<z.ZodNumber> }>, ActivityFlag[]>(
    z.object({ days: z.number().int().min(1).max(366).optional() }).strict(),
  ),
  'history:sparkline': channel<typeof sparklineQuerySchema, number[]>(sparklineQuerySchema),
  'history:status': channel<typeof empty, HistoryStatus>(empty),
  'history:verify': channel<z.ZodObject<{ full: z.ZodBoolean }>, ChainReport>(z.object({ full: z.boolean() }).strict()),
  'history:set-retention': channel<z.ZodObject<{ retention: z.ZodEnum<{ [K in (typeof RETENTIONS)[number]]: K }> }>, { pruned: number }>(
    z.object({ retention: z.enum(RETENTIONS) }).strict(),
  ),
  'history:export': channel<typeof historyExportSchema, { path: string; count: number } | { cancelled: true }>(historyExportSchema),
};
