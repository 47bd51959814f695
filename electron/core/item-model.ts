// Pure conversions between the stored item shapes: full item → summary (no secrets), the
// value of one revealable field, and password-history bookkeeping.
import {
  HISTORY_FIELDS,
  PASSWORD_HISTORY_LIMIT,
  type Item,
  type ItemSummary,
  type PasswordHistoryEntry,
  type RevealableField,
} from '../../shared/domain';
import { KeystashError } from './errors';

/** What each item's encrypted detail record holds. */
export interface StoredDetail {
  item: Item;
  passwordHistory: PasswordHistoryEntry[];
}

/** What an index bucket holds per item: the summary without usage-derived fields. */
export type StoredSummary = Omit<ItemSummary, 'lastUsedAt'>;

export function summarize(item: Item): StoredSummary {
  const { password, secret, totp, fields, ...rest } = item;
  return {
    ...rest,
    hasPassword: password !== '',
    hasSecret: secret !== '',
    hasTotp: totp !== '',
    fields: fields.map((f) => ({ name: f.name, concealed: f.concealed, value: f.concealed ? null : f.value })),
  };
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
