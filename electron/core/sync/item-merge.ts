// The merge rules, as pure functions over one item. Every field carries a stamp: the hybrid
// clock time of its last change and the stamp it replaced (its base). Merging takes, field by
// field, the value with the later stamp, so edits to different fields on two devices both
// survive and every device settles on the same item whatever order batches arrive in. When
// the same field changed on two devices without either seeing the other's change (neither
// stamp is the other's base), the later one still wins, the other value is kept as a conflict
// for the person to look at, and a losing password or secret also goes into password history.
import { createHash } from 'node:crypto';
import { HISTORY_FIELDS, PASSWORD_HISTORY_LIMIT, type Item, type PasswordHistoryEntry } from '../../../shared/domain';
import type { ItemRecord } from '../items/model';
import { compareStamps, wallOf } from './hlc';

/** The item fields that sync merges one by one. Being in the trash is a field too (deletedAt). */
export const SYNC_FIELDS = [
  'type',
  'title',
  'username',
  'password',
  'urls',
  'totp',
  'notes',
  'tags',
  'folder',
  'favorite',
  'fields',
  'service',
  'keyId',
  'secret',
  'environment',
  'expiresAt',
  'rotationDays',
  'deletedAt',
] as const satisfies readonly (keyof Item)[];
export type SyncField = (typeof SYNC_FIELDS)[number];

/** [stamp of the change, stamp it replaced ('' for the first value)]. */
export type FieldStamp = [stamp: string, base: string];

/** A value that lost to a concurrent change of the same field. */
export interface FieldConflict {
  field: SyncField;
  value: unknown;
  stamp: string;
}

/** What this device remembers per item between syncs (sealed in sync_items). */
export interface LedgerEntry {
  stamps: Partial<Record<SyncField, FieldStamp>>;
  /** Digest of each field's value as last synced: a different digest now is a local edit. */
  digests: Partial<Record<SyncField, string>>;
  conflicts: FieldConflict[];
}

/** An item as a batch carries it: its whole state with every field's stamp, and which fields this change touched. */
export interface WireItem {
  kind: 'item';
  id: string;
  createdAt: number;
  updatedAt: number;
  values: Record<SyncField, unknown>;
  stamps: Record<SyncField, FieldStamp>;
  changed: SyncField[];
  history: PasswordHistoryEntry[];
}

export interface WirePurge {
  kind: 'purge';
  id: string;
  stamp: string;
}

export type WireChange = WireItem | WirePurge;

const CONFLICTS_KEPT = 20;

export function fieldDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value ?? null)).digest().subarray(0, 16).toString('base64');
}

/** The local item as a change: fields that differ from the ledger get `stamp`, based on what they replace. */
export function localChange(record: ItemRecord, entry: LedgerEntry | null, stamp: () => string): { change: WireItem; entry: LedgerEntry } | null {
  const values = {} as Record<SyncField, unknown>;
  const stamps = {} as Record<SyncField, FieldStamp>;
  const digests: LedgerEntry['digests'] = {};
  const changed: SyncField[] = [];
  let now: string | null = null;
  for (const f of SYNC_FIELDS) {
    const value = record.item[f];
    const digest = fieldDigest(value);
    values[f] = value;
    digests[f] = digest;
    const known = entry?.stamps[f];
    if (!known || entry?.digests[f] !== digest) {
      now ??= stamp();
      stamps[f] = [now, known?.[0] ?? ''];
      changed.push(f);
    } else {
      stamps[f] = known;
    }
  }
  if (changed.length === 0) return null;
  const { item } = record;
  return {
    change: { kind: 'item', id: item.id, createdAt: item.createdAt, updatedAt: item.updatedAt, values, stamps, changed, history: record.passwordHistory },
    entry: { stamps, digests, conflicts: entry?.conflicts ?? [] },
  };
}

/** Neither change saw the other: neither stamp is the other's base. */
function concurrent(a: FieldStamp, b: FieldStamp): boolean {
  return a[0] !== '' && b[0] !== '' && a[0] !== b[0] && a[1] !== b[0] && b[1] !== a[0];
}

export interface Merged {
  record: ItemRecord;
  entry: LedgerEntry;
  /** Fields that changed on two devices at once in this merge. */
  conflicts: SyncField[];
  /** Whether the local item changed. */
  changed: boolean;
  /** Whether the local item has edits the ledger has not stamped yet (they win until pushed). */
  dirty: boolean;
}

/** Merges a change from another device into the local item (null: the item is new here). */
export function mergeItem(local: { record: ItemRecord; entry: LedgerEntry | null } | null, remote: WireItem): Merged {
  const values = {} as Record<SyncField, unknown>;
  const entry: LedgerEntry = { stamps: {}, digests: {}, conflicts: [...(local?.entry?.conflicts ?? [])] };
  const losers: PasswordHistoryEntry[] = [];
  const conflicts: SyncField[] = [];
  let changed = local === null;
  let dirtyAny = false;
  const touched = new Set(remote.changed);
  for (const f of SYNC_FIELDS) {
    const rv = remote.values[f];
    const rs = remote.stamps[f];
    const rd = fieldDigest(rv);
    if (!local) {
      values[f] = rv;
      entry.stamps[f] = rs;
      entry.digests[f] = rd;
      continue;
    }
    const lv = local.record.item[f];
    const ld = fieldDigest(lv);
    const ls: FieldStamp = local.entry?.stamps[f] ?? ['', ''];
    // A local edit not yet pushed is newer than anything: it keeps its value and gets its stamp at the next push.
    const dirty = local.entry?.digests[f] !== ld;
    if (dirty) dirtyAny = true;
    const remoteWins = !dirty && compareStamps(rs[0], ls[0]) > 0;
    const clash = touched.has(f) && rd !== ld && (dirty || concurrent(rs, ls));
    if (remoteWins) {
      values[f] = rv;
      entry.stamps[f] = rs;
      entry.digests[f] = rd;
      if (rd !== ld) changed = true;
    } else {
      values[f] = lv;
      if (local.entry?.stamps[f]) entry.stamps[f] = ls;
      if (local.entry?.digests[f]) entry.digests[f] = local.entry.digests[f];
    }
    if (clash) {
      const loser = remoteWins ? { value: lv, stamp: ls[0] } : { value: rv, stamp: rs[0] };
      conflicts.push(f);
      entry.conflicts = [{ field: f, value: loser.value, stamp: loser.stamp }, ...entry.conflicts.filter((c) => c.field !== f || c.stamp !== loser.stamp)].slice(0, CONFLICTS_KEPT);
      if ((HISTORY_FIELDS as readonly string[]).includes(f) && typeof loser.value === 'string' && loser.value !== '') {
        losers.push({ field: f as (typeof HISTORY_FIELDS)[number], value: loser.value, changedAt: wallOf(loser.stamp) });
      }
    }
  }
  const base = local?.record;
  const history = mergeHistory(base?.passwordHistory ?? [], remote.history, losers);
  if (base && JSON.stringify(history) !== JSON.stringify(base.passwordHistory)) changed = true;
  const item = {
    ...(values as Pick<Item, SyncField>),
    id: remote.id,
    createdAt: base ? Math.min(base.item.createdAt, remote.createdAt) : remote.createdAt,
    updatedAt: base ? Math.max(base.item.updatedAt, remote.updatedAt) : remote.updatedAt,
  } as Item;
  return { record: { item, passwordHistory: history }, entry, conflicts, changed, dirty: dirtyAny };
}

/**
 * The union of password histories: one entry per (field, value), with its latest time, newest
 * first, capped. The same on every device whatever the order of merging.
 */
export function mergeHistory(...lists: PasswordHistoryEntry[][]): PasswordHistoryEntry[] {
  const byValue = new Map<string, PasswordHistoryEntry>();
  for (const list of lists) {
    for (const h of list) {
      const key = `${h.field}\u0000${h.value}`;
      const had = byValue.get(key);
      if (!had || had.changedAt < h.changedAt) byValue.set(key, { field: h.field, value: h.value, changedAt: h.changedAt });
    }
  }
  return [...byValue.values()]
    .sort((a, b) => b.changedAt - a.changedAt || (a.field < b.field ? -1 : a.field > b.field ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, PASSWORD_HISTORY_LIMIT);
}
