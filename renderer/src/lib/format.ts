// Human-readable times and labels for the UI. Locale-aware, never remote.
import type { EventKind, ItemType } from '../../../shared/domain';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatDateTime(ms: number): string {
  return dateTime.format(new Date(ms));
}

/** "3 minutes ago", "yesterday"; falls back to a date after a month. */
export function formatRelative(ms: number, now: number = Date.now()): string {
  const diff = (ms - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(diff / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(diff / 3600), 'hour');
  if (abs < 30 * 86_400) return relative.format(Math.round(diff / 86_400), 'day');
  return dateTime.format(new Date(ms));
}

/** Minutes east of UTC, as the history channels take it (they count per local day). */
export const tzOffsetMinutes = (): number => -new Date().getTimezoneOffset();

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const shortDateYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

/** Compact for list rows: relative within a month, then "Oct 3" (with the year if not this one). */
export function formatShort(ms: number, now: number = Date.now()): string {
  if (Math.abs(now - ms) < 30 * 86_400_000) return formatRelative(ms, now);
  const d = new Date(ms);
  return (d.getFullYear() === new Date(now).getFullYear() ? shortDate : shortDateYear).format(d);
}

export const TYPE_LABEL: Record<ItemType, string> = { login: 'Login', api_key: 'API key', note: 'Note' };

export const EVENT_LABEL: Record<EventKind, string> = {
  unlock: 'Unlocked',
  'unlock-failed': 'Failed unlock',
  lock: 'Locked',
  create: 'Created',
  edit: 'Edited',
  delete: 'Moved to trash',
  restore: 'Restored',
  purge: 'Deleted forever',
  copy: 'Copied',
  reveal: 'Revealed',
  import: 'Imported',
  export: 'Exported',
  'cli-use': 'Used from the CLI',
  'password-change': 'Master password changed',
  attach: 'File attached',
  'attachment-open': 'File opened',
  'attachment-save': 'File saved',
};

const FIELD_LABEL: Record<string, string> = {
  username: 'username',
  password: 'password',
  secret: 'secret',
  totp: 'one-time code secret',
  keyId: 'key id',
  notes: 'notes',
  'history:password': 'previous password',
  'history:secret': 'previous secret',
};

/** A field as the history names it. `note` tells a one-time code (derived) from its secret. */
export function fieldLabel(field: string, note?: string): string {
  if (field === 'totp' && note === 'one-time code') return 'one-time code';
  return FIELD_LABEL[field] ?? (field.startsWith('field:') ? 'custom field' : field);
}

/** What a copy notice calls a field's value: "Password", "Key ID", "Username". */
export function copiedWhat(field: string): string {
  const label = field === 'keyId' ? 'key ID' : fieldLabel(field);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
