// This device's next batch (sync-ledger.ts prepareBatch): the item writes noted since the last
// one become changes stamped with the hybrid clock, and with this device's new usage events
// they are sealed and queued in the outbox. Runs inside the caller's write transaction.
import { KeystashError } from '../errors';
import type { ItemRecord } from '../items/model';
import { readRecord } from '../items/records';
import type { Db } from '../vault/db';
import { batchPath, digestOfBytes, sealBatch } from './batch-file';
import type { BatchBody } from './batch-body';
import { ownEvents } from './events';
import { HybridClock } from './hlc';
import { localChange, type WireChange } from './item-merge';
import { requireKey } from './key-epochs';
import type { LedgerStore } from './ledger';
import type { SyncSession } from './sync-ledger';

/** Changes per batch: keeps one batch's file and its transaction a few MB at most. */
export const BATCH_CHANGES = 1000;

export interface PreparedBatch {
  seq: number;
  path: string;
  bytes: Uint8Array;
  count: number;
}

/** Seals up to BATCH_CHANGES local changes as this device's next batch and queues it; null when nothing changed. */
export function prepareOwnBatch(db: Db, s: SyncSession, store: LedgerStore, now: () => number): PreparedBatch | null {
  const state = store.requireState();
  const clock = new HybridClock(state.clock, state.deviceId, now);
  const changes: WireChange[] = [];
  // Items written but unchanged for sync (an edit undone, a damaged record) are cleared as
  // they are looked at, so this ends even when none of them changed.
  for (let rows = store.dirty(BATCH_CHANGES); rows.length > 0 && changes.length === 0; rows = store.dirty(BATCH_CHANGES)) {
    for (const c of rows) {
      store.clean(c.id);
      const row = store.entry(c.id);
      if (c.version === null) {
        if (row && !row.purged) {
          changes.push({ kind: 'purge', id: c.id, stamp: clock.tick() });
          store.putEntry(c.id, 0, { stamps: {}, digests: {}, conflicts: [] }, true);
        }
        continue;
      }
      if (row?.purged) continue;
      let record: ItemRecord;
      try {
        record = readRecord(db, s.keys, s.buckets.checkRecord, c.id).record;
      } catch (err) {
        // A damaged item is reported by unlock; it is not spread to other devices.
        if (err instanceof KeystashError && err.code === 'integrity') continue;
        throw err;
      }
      const local = localChange(record, row?.entry ?? null, () => clock.tick());
      if (local) {
        changes.push(local.change);
        store.putEntry(c.id, c.version, local.entry);
      }
    }
  }
  state.clock = clock.current;
  const events = ownEvents(db, s.events, state);
  state.eventsSent = events.lookedTo;
  // A batch with no changes still goes out when this device is new or renamed: it is how
  // the other devices learn its name.
  if (changes.length === 0 && events.events.length === 0 && state.ownSeq > 0 && state.announcedName === state.deviceName) {
    store.writeState(state);
    return null;
  }
  const seq = state.ownSeq + 1;
  const body: BatchBody = {
    name: state.deviceName,
    at: now(),
    publicKey: state.deviceKeys.publicKey,
    changes,
    ...(events.events.length > 0 ? { events: events.events } : {}),
  };
  const bytes = sealBatch(requireKey(state, state.epoch), state.syncId, state.deviceId, seq, state.epoch, body);
  const path = batchPath(state.deviceId, seq);
  store.queue(seq, path, bytes);
  state.ownSeq = seq;
  state.ownDigest = digestOfBytes(bytes);
  state.ownLastAt = body.at;
  state.announcedName = state.deviceName;
  state.bytesSinceSnapshot = (state.bytesSinceSnapshot ?? 0) + bytes.length;
  store.writeState(state);
  return { seq, path, bytes, count: changes.length };
}
