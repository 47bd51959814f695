// Pure conversions between the stored item shapes: full item → summary (no secrets), the
// value of one revealable field, and password-history bookkeeping.
import {
  HISTORY_FIELDS,
  PASSWORD_HISTORY_LIMIT,
  type Item,
  type ItemSummary,
  type ListedItem,
  type PasswordHistoryEntry,
  type RevealableField,
} from '../../../shared/domain';
import type { StoredAttachment } from '../../../shared/attachments';
import { KeystashError } from '../errors';

/**
 * What each item's encrypted record holds: the whole item, secrets included, and the previous
 * values of its password or secret. It stays in the process that decrypted it (exports write it).
 */
export interface ItemRecord {
  item: Item;
  passwordHistory: PasswordHistoryEntry[];
  /**
   * The item's files (attachments/): names, sizes and chunk counts. Their content is in
   * attachment_chunks; listing them here puts them under the same authenticated index entry
   * as the item, so unlock checks nothing more. Absent in records written before attachments.
   */
  attachments?: StoredAttachment[];
}

/** What an index bucket holds per item: the summary without usage-derived fields. */
export type StoredSummary = Omit<ItemSummary, 'lastUsedAt'>;

/**
 * Every field is named rather than copied with a rest spread: that generic copy cost ~10 µs an
 * item, most of a 100,000-row import's index work. A field added to items is a compile error
 * here until it is placed (StoredSummary requires it), and a secret one stays out by design.
 */
export function summarize(item: Item): StoredSummary {
  return {
    type: item.type,
    title: item.title,
    username: item.username,
    urls: item.urls,
    notes: item.notes,
    tags: item.tags,
    folder: item.folder,
    favorite: item.favorite,
    fields: item.fields.map((f) => ({ name: f.name, concealed: f.concealed, value: f.concealed ? null : f.value })),
    service: item.service,
    keyId: item.keyId,
    environment: item.environment,
    expiresAt: item.expiresAt,
    rotationDays: item.rotationDays,
    id: item.id,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    deletedAt: item.deletedAt,
    hasPassword: item.password !== '',
    hasSecret: item.secret !== '',
    hasTotp: item.totp !== '',
  };
}

const NOTE_LINE_MAX = 200;

/** A note's subtitle in the list: its first line, trimmed; other types show other fields. */
export function noteLineOf(s: Pick<StoredSummary, 'type' | 'notes'>): string {
  return s.type === 'note' ? (s.notes.split(/\r?\n/, 1)[0] ?? '').trim().slice(0, NOTE_LINE_MAX) : '';
}

/** The summary as the list holds it: without notes, with the last-used time from the item row. */
export function listedOf(s: StoredSummary, lastUsedAt: number | null): ListedItem {
  const { notes: _, ...listed } = s;
  return { ...listed, noteLine: noteLineOf(s), lastUsedAt };
}

/**
 * An item as version 1 index buckets stored it: the summary with its empty optional fields
 * left out. Only read now (index-bucket.ts writes version 2).
 */
export type PackedSummary = Pick<StoredSummary, 'id'> & Partial<StoredSummary>;

/**
 * Restores the left-out fields (fresh arrays, never shared). The literal names every field, so
 * the compiler flags a field added to items later, and every result has the same key order,
 * hence one object shape that stays fast to read in the search loop.
 */
export function unpackListed(p: PackedSummary, lastUsedAt: number | null): ItemSummary {
  return {
    type: p.type ?? 'login',
    title: p.title ?? '',
    username: p.username ?? '',
    urls: p.urls ?? [],
    notes: p.notes ?? '',
    tags: p.tags ?? [],
    folder: p.folder ?? '',
    favorite: p.favorite ?? false,
    fields: p.fields ?? [],
    service: p.service ?? '',
    keyId: p.keyId ?? '',
    environment: p.environment ?? '',
    expiresAt: p.expiresAt ?? null,
    rotationDays: p.rotationDays ?? null,
    id: p.id,
    createdAt: p.createdAt ?? 0,
    updatedAt: p.updatedAt ?? 0,
    deletedAt: p.deletedAt ?? null,
    hasPassword: p.hasPassword ?? false,
    hasSecret: p.hasSecret ?? false,
    hasTotp: p.hasTotp ?? false,
    // From the item's row, never from the bucket: it changes on every use.
    lastUsedAt,
  };
}

export function unpackSummary(p: PackedSummary): StoredSummary {
  const { lastUsedAt: _, ...stored } = unpackListed(p, null);
  return stored;
}

const FIELD_LABELS: Record<string, string> = {
  username: 'username',
  password: 'password',
  secret: 'secret',
  totp: 'one-time-password secret',
  keyId: 'key id',
  notes: 'notes',
};

/** Returns the value of a revealable field and a readable label for it. */
export function fieldValue(item: Item, field: RevealableField): { value: string; label: string } {
  const custom = /^field:(\d+)$/.exec(field);
  if (custom) {
    const f = item.fields[Number(custom[1])];
    if (!f) throw new KeystashError('not-found', `“${item.title}” has no custom field #${custom[1]}.`);
    if (f.value === '') throw new KeystashError('invalid-input', `The field “${f.name}” of “${item.title}” is empty.`);
    return { value: f.value, label: f.name };
  }
  const value = item[field as keyof Item];
  const label = FIELD_LABELS[field] ?? field;
  if (typeof value !== 'string' || value === '') {
    throw new KeystashError('invalid-input', `“${item.title}” has no ${label}.`);
  }
  return { value, label };
}

/** Previous secret values to keep after `before` becomes `after`, newest first. */
export function nextPasswordHistory(
  before: Item,
  after: Item,
  history: PasswordHistoryEntry[],
  now: number,
): PasswordHistoryEntry[] {
  const added: PasswordHistoryEntry[] = [];
  for (const field of HISTORY_FIELDS) {
    if (before[field] !== '' && before[field] !== after[field]) added.push({ field, value: before[field], changedAt: now });
  }
  return [...added, ...history].slice(0, PASSWORD_HISTORY_LIMIT);
}

/** Names of the fields that differ, for the edit event (names only, never values). */
export function changedFields(before: Item, after: Item): string[] {
  const keys = Object.keys(after) as (keyof Item)[];
  return keys.filter((k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
