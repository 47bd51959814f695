// API keys that need attention: expired, expiring within 30 days, or past their rotation
// interval (days since the secret last changed). The app shows these after unlocking.
import type { Item, ListedItem } from '../../../shared/domain';
import type { DueKey } from '../../../shared/health';
import type { Items } from '../items/items';

export const EXPIRY_WARNING_DAYS = 30;
const DAY = 86_400_000;

export type { DueKey, DueReason } from '../../../shared/health';

/** Midnight UTC after the expiry date: a key is valid through the day written on it. */
export function expiryMoment(expiresAt: string): number {
  return Date.parse(`${expiresAt}T00:00:00Z`) + DAY;
}

/** When the secret last changed: the newest history entry for it, else creation. */
export function secretChangedAt(items: Items, item: Pick<Item, 'id' | 'type' | 'createdAt'>): number {
  const field = item.type === 'api_key' ? 'secret' : 'password';
  const last = items.passwordHistory(item.id).find((h) => h.field === field);
  return last?.changedAt ?? item.createdAt;
}

export function dueFor(items: Items, s: ListedItem, now: number): DueKey[] {
  if (s.type !== 'api_key' || s.deletedAt !== null) return [];
  const out: DueKey[] = [];
  const days = (at: number): number => Math.floor((at - now) / DAY);
  if (s.expiresAt) {
    const at = expiryMoment(s.expiresAt);
    if (at <= now) out.push({ id: s.id, title: s.title, reason: 'expired', dueAt: at, days: days(at) });
    else if (at - now <= EXPIRY_WARNING_DAYS * DAY) out.push({ id: s.id, title: s.title, reason: 'expiring', dueAt: at, days: days(at) });
  }
  if (s.rotationDays !== null && s.hasSecret) {
    const at = secretChangedAt(items, s) + s.rotationDays * DAY;
    if (at <= now) out.push({ id: s.id, title: s.title, reason: 'rotation', dueAt: at, days: days(at) });
  }
  return out;
}

/** Every API key that is expired, expiring soon or due for rotation, most urgent first. */
export function dueApiKeys(items: Items, now: number = Date.now()): DueKey[] {
  return items
    .list({ type: 'api_key' })
    .flatMap((s) => dueFor(items, s, now))
    .sort((a, b) => a.dueAt - b.dueAt);
}
