// Domain types and their validation, shared by the core, the IPC contract, the CLI and the UI.
// Neither Node nor DOM code lives here.
import { z } from 'zod';
import { noNul } from './input-text';

export const ITEM_TYPES = ['login', 'api_key', 'note'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Fields whose values are secrets: never in summaries, never searched, revealed only on request. */
export const SECRET_FIELDS = ['password', 'secret', 'totp'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** The fields that keep a history of previous values when they change. */
export const HISTORY_FIELDS = ['password', 'secret'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export const PASSWORD_HISTORY_LIMIT = 20;

const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const customFieldSchema = z.object({
  name: noNul(z.string().trim().min(1, 'A custom field needs a name').max(200), 'Custom field names'),
  value: noNul(z.string().max(100_000), 'Custom field values'),
  concealed: z.boolean(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

const text = (max: number, what: string) => noNul(z.string().max(max), what);
export const tagSchema = noNul(z.string().trim().min(1, 'Tags cannot be empty').max(100), 'Tags');

export const expiresAtSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD')
  .refine(isRealDate, 'That date does not exist');

/** Every field an item can carry; which ones apply depends on the type (see `checkTypeFields`). */
const itemFieldsShape = {
  title: noNul(z.string().trim().min(1, 'A title is required').max(500), 'Titles'),
  username: text(1_000, 'Usernames'),
  password: text(10_000, 'Passwords'),
  urls: z.array(noNul(z.string().trim().min(1).max(4_000), 'Web addresses')).max(50),
  totp: text(2_000, 'One-time-password secrets'),
  notes: text(1_000_000, 'Notes'),
  tags: z.array(tagSchema).max(100),
  folder: noNul(z.string().trim().max(500), 'Folder names'),
  favorite: z.boolean(),
  fields: z.array(customFieldSchema).max(200),
  service: text(500, 'Service names'),
  keyId: text(2_000, 'Key ids'),
  secret: text(100_000, 'Secrets'),
  environment: text(200, 'Environment names'),
  expiresAt: expiresAtSchema.nullable(),
  rotationDays: z.number().int().min(1).max(3_650).nullable(),
};

/** Fields that only make sense for one type; anything else must stay empty. */
const TYPE_ONLY_FIELDS: Record<ItemType, readonly (keyof typeof itemFieldsShape)[]> = {
  login: ['username', 'password', 'urls', 'totp'],
  api_key: ['service', 'keyId', 'secret', 'environment', 'expiresAt', 'rotationDays', 'urls'],
  note: [],
};
const TYPED_FIELDS = [...new Set(Object.values(TYPE_ONLY_FIELDS).flat())];
const FIELD_LABELS: Partial<Record<keyof typeof itemFieldsShape, string>> = {
  keyId: 'key id',
  expiresAt: 'expiry date',
  rotationDays: 'rotation interval',
  urls: 'URLs',
  totp: 'one-time-password secret',
};
const TYPE_LABELS: Record<ItemType, string> = { login: 'Logins', api_key: 'API keys', note: 'Notes' };

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Returns a message for the first field that does not belong to `type`, or null. */
export function checkTypeFields(type: ItemType, item: Record<string, unknown>): string | null {
  for (const field of TYPED_FIELDS) {
    if (!TYPE_ONLY_FIELDS[type].includes(field) && !isEmptyValue(item[field])) {
      return `${TYPE_LABELS[type]} have no ${FIELD_LABELS[field] ?? field}`;
    }
  }
  return null;
}

export const itemInputSchema = z
  .object({
    type: z.enum(ITEM_TYPES),
    title: itemFieldsShape.title,
    username: itemFieldsShape.username.default(''),
    password: itemFieldsShape.password.default(''),
    urls: itemFieldsShape.urls.default([]),
    totp: itemFieldsShape.totp.default(''),
    notes: itemFieldsShape.notes.default(''),
    tags: itemFieldsShape.tags.default([]),
    folder: itemFieldsShape.folder.default(''),
    favorite: itemFieldsShape.favorite.default(false),
    fields: itemFieldsShape.fields.default([]),
    service: itemFieldsShape.service.default(''),
    keyId: itemFieldsShape.keyId.default(''),
    secret: itemFieldsShape.secret.default(''),
    environment: itemFieldsShape.environment.default(''),
    expiresAt: itemFieldsShape.expiresAt.default(null),
    rotationDays: itemFieldsShape.rotationDays.default(null),
  })
  .strict()
  .superRefine((item, ctx) => {
    const problem = checkTypeFields(item.type, item);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export type ItemInput = z.input<typeof itemInputSchema>;
export type ItemData = z.output<typeof itemInputSchema>;

/** A partial update: any field but the type. Type rules are checked against the merged item. */
export const itemPatchSchema = z.object(itemFieldsShape).partial().strict();
export type ItemPatch = z.infer<typeof itemPatchSchema>;

export interface PasswordHistoryEntry {
  field: HistoryField;
  value: string;
  /** When this value was replaced (ms since epoch). */
  changedAt: number;
}

/** A whole decrypted item, secrets included. Lives only in the main or CLI process. */
export interface Item extends ItemData {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Set while the item is in the trash. */
  deletedAt: number | null;
}

/**
 * What the list, search and detail pane need: every field except secret values.
 * Concealed custom fields keep their name but not their value.
 */
export interface ItemSummary extends Omit<Item, SecretField | 'fields'> {
  hasPassword: boolean;
  hasSecret: boolean;
  hasTotp: boolean;
  fields: { name: string; concealed: boolean; value: string | null }[];
  lastUsedAt: number | null;
}

/**
 * An item as the list and search return it: the summary without its notes. Notes can be long
 * (up to a million characters each); the list shows at most a note's first line, and search
 * runs in the main process over their normalised text, so the full text is read (and crosses
 * to the window) only for the item shown.
 */
export type ListedItem = Omit<ItemSummary, 'notes'> & {
  /** A note's first line (up to 200 characters), its subtitle in the list; empty for other types. */
  noteLine: string;
};

/** Fields a user can reveal or copy: the named ones plus custom fields as `field:<index>`. */
export const revealableFieldSchema = z.union([
  z.enum(['username', 'password', 'secret', 'totp', 'keyId', 'notes']),
  z.string().regex(/^field:\d{1,3}$/, 'Custom fields are named field:<index>'),
]);
export type RevealableField = z.infer<typeof revealableFieldSchema>;

export const SORT_ORDERS = ['relevance', 'title', 'updated', 'last-used'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const itemQuerySchema = z
  .object({
    text: z.string().max(500).optional(),
    type: z.enum(ITEM_TYPES).optional(),
    tag: z.string().max(100).optional(),
    folder: z.string().max(500).optional(),
    favorite: z.boolean().optional(),
    trash: z.boolean().optional(),
    sort: z.enum(SORT_ORDERS).optional(),
    limit: z.number().int().min(1).max(1_000_000).optional(),
    /** Skip this many matches first (with limit: one window of the list). */
    offset: z.number().int().min(0).max(1_000_000).optional(),
    /** Recently used: last copied, revealed or used at or after this time (ms). */
    usedSince: z.number().int().min(0).optional(),
    /** Stale: not used since this time; an item never used counts from its creation. */
    unusedSince: z.number().int().min(0).optional(),
  })
  .strict();
export type ItemQuery = z.infer<typeof itemQuerySchema>;

export const EVENT_KINDS = [
  'unlock',
  'unlock-failed',
  'lock',
  'create',
  'edit',
  'delete',
  'restore',
  'purge',
  'copy',
  'reveal',
  'import',
  'export',
  'cli-use',
  'password-change',
  'attach',
  'attachment-open',
  'attachment-save',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_SOURCES = ['app', 'cli'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Kinds that count as using a credential (they move its last-used time). */
export const USE_EVENT_KINDS: readonly EventKind[] = ['copy', 'reveal', 'cli-use'];

export interface EventDetail {
  /** The field that was copied, revealed or used. */
  field?: string;
  /** The item's title at the time, so history stays readable after a purge. */
  title?: string;
  /** Free-form facts: import format and count, changed fields, ... */
  note?: string;
  count?: number;
  /** For an event synced from another device: that device's name (the source is "cli on laptop"). */
  device?: string;
  /** ... and the device's id and its own number for the event (what sync deduplicates by). */
  origin?: { device: string; seq: number };
}

export interface VaultEvent {
  seq: number;
  at: number;
  kind: EventKind;
  source: EventSource;
  itemId: string | null;
  detail: EventDetail;
}

export interface KdfParams {
  /** Memory in MiB. */
  memoryMiB: number;
  iterations: number;
  parallelism: number;
}

export const DEFAULT_KDF: KdfParams = { memoryMiB: 64, iterations: 3, parallelism: 4 };
export const KDF_LIMITS = {
  memoryMiB: { min: 19, max: 1024 },
  iterations: { min: 2, max: 10 },
  parallelism: { min: 1, max: 16 },
} as const;

export const kdfParamsSchema = z.object({
  memoryMiB: z.number().int().min(KDF_LIMITS.memoryMiB.min).max(KDF_LIMITS.memoryMiB.max),
  iterations: z.number().int().min(KDF_LIMITS.iterations.min).max(KDF_LIMITS.iterations.max),
  parallelism: z.number().int().min(KDF_LIMITS.parallelism.min).max(KDF_LIMITS.parallelism.max),
});

/** How many items each sidebar view holds. */
export interface ItemCounts {
  all: number;
  favorites: number;
  login: number;
  api_key: number;
  note: number;
  trash: number;
  tags: Record<string, number>;
  folders: Record<string, number>;
}
