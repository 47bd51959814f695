// The IPC contract, declared once: for each channel, the zod schema main validates the
// request with, and the response type the renderer gets inside a Result envelope.
import { z } from 'zod';
import type { Channel } from './ipc-channels';
import {
  itemInputSchema,
  itemPatchSchema,
  itemQuerySchema,
  kdfParamsSchema,
  revealableFieldSchema,
  EVENT_KINDS,
  type ItemSummary,
  type KdfParams,
  type UnlockReport,
  type VaultEvent,
} from './domain';
import type { Result } from './errors';
import type { ItemCounts } from './domain';

export type { ItemCounts } from './domain';
import { toolsContract } from './tools-contract';
import { historyContract } from './history-contract';
import { importExportChannels } from './contract/import-export';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(720),
  clipboardClearSeconds: z.number().int().min(5).max(600),
  theme: z.enum(THEMES),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 5, clipboardClearSeconds: 30, theme: 'system' };

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  path: string;
  failedCount: number;
  retryAfterMs: number;
}

/** One row of the item list: enough to draw it, nothing secret. */
export interface ItemListRow {
  id: string;
  type: ItemSummary['type'];
  title: string;
  subtitle: string;
  favorite: boolean;
  deletedAt: number | null;
  updatedAt: number;
  lastUsedAt: number | null;
}

export interface PasswordHistoryMeta {
  index: number;
  field: string;
  changedAt: number;
}

const id = z.string().min(1).max(100);
const empty = z.object({}).strict();
const password = z.string().min(1, 'Enter the master password').max(1024);

export const historyQuerySchema = z
  .object({
    itemId: id.optional(),
    kinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).optional(),
    since: z.number().int().min(0).optional(),
    until: z.number().int().min(0).optional(),
    beforeSeq: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export type { ImportPreviewReply } from './import-export';

/** Ties a request schema to its response type (a phantom field, never read). */
function channel<Req extends z.ZodType, Res>(request: Req): { request: Req; response: Res } {
  return { request, response: undefined as Res };
}

export const contract = {
  'vault:status': channel<typeof empty, VaultStatus>(empty),
  'vault:create': channel<z.ZodObject<{ password: typeof password; kdf: z.ZodOptional<typeof kdfParamsSchema> }>, UnlockReport>(
    z.object({ password, kdf: kdfParamsSchema.optional() }).strict(),
  ),
  'vault:unlock': channel<z.ZodObject<{ password: typeof password }>, UnlockReport>(z.object({ password }).strict()),
  'vault:lock': channel<typeof empty, null>(empty),
  'vault:change-password': channel<
    z.ZodObject<{ current: typeof password; next: typeof password; kdf: z.ZodOptional<typeof kdfParamsSchema> }>,
    null
  >(z.object({ current: password, next: password, kdf: kdfParamsSchema.optional() }).strict()),
  'vault:kdf-params': channel<typeof empty, KdfParams>(empty),
  'vault:measure-kdf': channel<z.ZodObject<{ kdf: typeof kdfParamsSchema }>, { ms: number }>(z.object({ kdf: kdfParamsSchema }).strict()),
  'item:list': channel<typeof itemQuerySchema, { rows: ItemListRow[] }>(itemQuerySchema),
  'item:counts': channel<typeof empty, ItemCounts>(empty),
  'item:get': channel<z.ZodObject<{ id: typeof id }>, ItemSummary>(z.object({ id }).strict()),
  'item:create': channel<z.ZodObject<{ item: typeof itemInputSchema }>, ItemSummary>(z.object({ item: itemInputSchema }).strict()),
  'item:update': channel<z.ZodObject<{ id: typeof id; patch: typeof itemPatchSchema }>, ItemSummary>(
    z.object({ id, patch: itemPatchSchema }).strict(),
  ),
  'item:trash': channel<z.ZodObject<{ id: typeof id }>, ItemSummary>(z.object({ id }).strict()),
  'item:restore': channel<z.ZodObject<{ id: typeof id }>, ItemSummary>(z.object({ id }).strict()),
  'item:purge': channel<z.ZodObject<{ id: typeof id }>, null>(z.object({ id }).strict()),
  'item:reveal': channel<z.ZodObject<{ id: typeof id; field: typeof revealableFieldSchema }>, { value: string }>(
    z.object({ id, field: revealableFieldSchema }).strict(),
  ),
  'item:copy-field': channel<z.ZodObject<{ id: typeof id; field: typeof revealableFieldSchema }>, { clearsInMs: number }>(
    z.object({ id, field: revealableFieldSchema }).strict(),
  ),
  'item:password-history': channel<z.ZodObject<{ id: typeof id }>, PasswordHistoryMeta[]>(z.object({ id }).strict()),
  'item:reveal-history': channel<z.ZodObject<{ id: typeof id; index: z.ZodNumber }>, { value: string }>(
    z.object({ id, index: z.number().int().min(0).max(100) }).strict(),
  ),
  'item:open-url': channel<z.ZodObject<{ id: typeof id; index: z.ZodNumber }>, null>(
    z.object({ id, index: z.number().int().min(0).max(100) }).strict(),
  ),
  'history:list': channel<typeof historyQuerySchema, VaultEvent[]>(historyQuerySchema),
  'settings:get': channel<typeof empty, Settings>(empty),
  'settings:set': channel<ReturnType<typeof settingsSchema.partial>, Settings>(settingsSchema.partial().strict()),
  ...toolsContract,
  ...importExportChannels,
  ...historyContract,
} satisfies { [C in Channel]: { request: z.ZodType; response: unknown } };



export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

/** The API the preload exposes on `window.api`: one function per channel. */
export type KeystashApi = { [C in Channel]: (req: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };
