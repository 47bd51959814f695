// Taking another device's item changes into this vault (sync-ledger.ts applies batches and
// snapshots through it): each change merged per field with the local item (item-merge.ts),
// checked to still be a valid item, written in one go, and its ledger entry recorded; a purge is
// final. Runs inside the caller's transaction.
import { itemInputSchema } from '../../../shared/domain';
import { KeystashError } from '../errors';
import type { IndexBuckets } from '../items/bucket-store';
import type { ItemWrites } from '../items/item-writes';
import type { ItemRecord } from '../items/model';
import { readRecord } from '../items/records';
import type { Db } from '../vault/db';
import type { SessionKeys } from '../vault/session-keys';
import { syncedNote } from './events';
import type { HybridClock } from './hlc';
import { mergeItem, type LedgerEntry, type WireChange } from './item-merge';
import type { LedgerStore } from './ledger';

/** What merging needs of the unlocked session. */
export interface MergeSession {
  readonly keys: SessionKeys;
  readonly buckets: Pick<IndexBuckets, 'checkRecord'>;
  readonly writes: ItemWrites;
}

/** How many changes were taken in and how many items now have a conflict. */
export interface MergedChanges {
  pulled: number;
  conflicts: number;
  purgedAny: boolean;
}

/** Merges item changes and purges into the vault, inside the caller's transaction. */
export function mergeChanges(db: Db, s: MergeSession, store: LedgerStore, clock: HybridClock, changes: readonly WireChange[], name: string): MergedChanges {
  const puts: ItemRecord[] = [];
  const entries: { id: string; entry: LedgerEntry; dirty: boolean }[] = [];
  let pulled = 0;
  let conflicts = 0;
  let purgedAny = false;
  const purgedHere: string[] = [];
  const exists = db.prepare('SELECT 1 FROM items WHERE id = ?').pluck();
  for (const change of changes) {
    const row = store.entry(change.id);
    if (row?.purged) continue; // a purge is final
    if (change.kind === 'purge') {
      if (change.stamp) clock.observe(change.stamp);
      if (exists.get(change.id)) {
        s.writes.purge(change.id);
        purgedAny = true;
        purgedHere.push(change.id);
      }
      store.putEntry(change.id, 0, { stamps: {}, digests: {}, conflicts: [] }, true);
      pulled++;
      continue;
    }
    for (const st of Object.values(change.stamps)) clock.observe(st[0]);
    const local = exists.get(change.id) ? { record: readRecord(db, s.keys, s.buckets.checkRecord, change.id).record, entry: row?.entry ?? null } : null;
    const merged = mergeItem(local, change);
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt, ...data } = merged.record.item;
    const valid = itemInputSchema.safeParse(data);
    if (!valid.success || (deletedAt !== null && typeof deletedAt !== 'number')) {
      throw new KeystashError('integrity', `the merged item ${change.id} is not a valid item`);
    }
    if (merged.changed) puts.push(merged.record);
    entries.push({ id: change.id, entry: merged.entry, dirty: merged.dirty });
    conflicts += merged.conflicts.length > 0 ? 1 : 0;
    pulled++;
  }
  const versions = s.writes.putSynced(puts, syncedNote(name));
  const versionOf = db.prepare('SELECT version FROM items WHERE id = ?').pluck();
  for (const { id, entry, dirty } of entries) {
    store.putEntry(id, versions.get(id) ?? ((versionOf.get(id) as number | undefined) ?? 0), entry);
    // Our own write of another device's change is not a local change; a local edit not pushed yet still is.
    if (!dirty) store.clean(id);
  }
  for (const id of purgedHere) store.clean(id);
  return { pulled, conflicts, purgedAny };
}
