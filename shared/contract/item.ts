// item:* — list rows, summaries and edits, and every way a secret leaves main: reveal
// (the value is returned) and copy (main writes it to the clipboard), both logged.
import { z } from 'zod';
import { bulkActionSchema, type BulkResult } from '../bulk';
import {
  itemInputSchema,
  itemPatchSchema,
  itemQuerySchema,
  revealableFieldSchema,
  type ItemCounts,
  type ItemSummary,
} from '../domain';
import { ENV_FORMATS, type ItemListRow, type PasswordHistoryMeta, type TotpReply } from '../item-views';
import { byId, channel, empty, id, type DomainChannels } from './kit';

const byField = z.object({ id, field: revealableFieldSchema }).strict();
const byIndex = z.object({ id, index: z.number().int().min(0).max(100) }).strict();

export const itemChannels = {
  // One window of rows (offset, limit) and the number of matches in all.
  'item:list': channel(itemQuerySchema).returns<{ rows: ItemListRow[]; total: number }>(),
  'item:counts': channel(empty).returns<ItemCounts>(),
  'item:get': channel(byId).returns<ItemSummary>(),
  'item:create': channel(z.object({ item: itemInputSchema }).strict()).returns<ItemSummary>(),
  'item:update': channel(z.object({ id, patch: itemPatchSchema }).strict()).returns<ItemSummary>(),
  'item:trash': channel(byId).returns<ItemSummary>(),
  'item:restore': channel(byId).returns<ItemSummary>(),
  'item:purge': channel(byId).returns<null>(),
  'item:bulk': channel(z.object({ ids: z.array(id).min(1).max(100_000), action: bulkActionSchema }).strict()).returns<BulkResult>(),
  'item:reveal': channel(byField).returns<{ value: string }>(),
  'item:copy-field': channel(byField).returns<{ clearsInMs: number }>(),
  'item:password-history': channel(byId).returns<PasswordHistoryMeta[]>(),
  'item:reveal-history': channel(byIndex).returns<{ value: string }>(),
  'item:open-url': channel(byIndex).returns<null>(),
  'item:copy-url': channel(byIndex).returns<{ clearsInMs: number }>(),
  'item:totp': channel(byId).returns<TotpReply>(),
  'item:copy-totp': channel(byId).returns<{ clearsInMs: number; expiresInMs: number }>(),
  'item:copy-env': channel(z.object({ id, format: z.enum(ENV_FORMATS) }).strict()).returns<{ clearsInMs: number; name: string }>(),
} satisfies DomainChannels<'item'>;
