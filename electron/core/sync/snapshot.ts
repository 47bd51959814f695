// Snapshots: from time to time a device writes, in its own folder, its merged state as of its
// last batch (snapshot-body.ts), then deletes its own batches the snapshot covers. A device
// that joins reads the snapshots instead of every batch; a device that fell behind and finds a
// batch of another device gone reads that device's snapshot, which covers it. When to write
// one is `snapshotDue`; what is kept is `deletableBatches`.
import type { EventLog } from '../history/event-log';
import type { ItemRecord } from '../items/model';
import { readRecord } from '../items/records';
import { KeystashError } from '../errors';
import type { Db } from '../vault/db';
import { knownEvents, takeEvents } from './events';
import { SYNC_FIELDS, type FieldStamp, type SyncField, type WireChange } from './item-merge';
import type { LedgerStore, SyncState } from './ledger';
import type { SnapshotBody, SnapshotItem } from './snapshot-body';
import type { SyncSession } from './sync-ledger';

/** A snapshot is due after this many own batches since the last one ... */
export const SNAPSHOT_EVERY_BATCHES = 50;
/** ... or once the own batches since then hold this many bytes. */
export const SNAPSHOT_EVERY_BYTES = 8 * 1024 * 1024;

export function snapshotDue(state: SyncState): boolean {
  if (state.ownSeq === 0 || state.ownSeq === (state.snapshotSeq ?? 0)) return false;
  return state.ownSeq - (state.snapshotSeq ?? 0) >= SNAPSHOT_EVERY_BATCHES || (state.bytesSinceSnapshot ?? 0) >= SNAPSHOT_EVERY_BYTES;
}

/**
 * Own batch numbers a snapshot as of `seq` lets this device delete: those it covers, except
 * batches sealed under an older sync key (a device that has not taken in the newer key yet
 * still reads those, and the revocation that hands the key out is one of them).
 */
export function deletableBatches(state: SyncState, seq: number, present: Iterable<number>): number[] {
  const keep = state.epochFromSeq ?? 0;
  return [...present].filter((n) => n > keep && n <= seq).sort((a, b) => a - b);
}

/** The merged state as of this device's last batch: every live item with its stamps, the purged ids, the events it knows. */
export function buildSnapshot(db: Db, s: SyncSession, store: LedgerStore, state: SyncState, at: number): SnapshotBody {
  const items: SnapshotItem[] = [];
  const purged: string[] = [];
  for (const row of db.prepare('SELECT id, purged FROM sync_items ORDER BY id').iterate() as IterableIterator<{ id: string; purged: number }>) {
    if (row.purged === 1) {
      purged.push(row.id);
      continue;
    }
    const entry = store.entry(row.id)?.entry;
    let record: ItemRecord;
    try {
      record = readRecord(db, s.keys, s.buckets.checkRecord, row.id).record;
    } catch (err) {
      // A damaged item is reported by unlock and not spread; one already gone has nothing to carry.
      if (err instanceof KeystashError && (err.code === 'integrity' || err.code === 'not-found')) continue;
      throw err;
    }
    const stamps = {} as Record<SyncField, FieldStamp>;
    const values = {} as Record<SyncField, unknown>;
    let complete = entry !== undefined;
    for (const f of SYNC_FIELDS) {
      const st = entry?.stamps[f];
      if (!st) complete = false;
      else stamps[f] = st;
      values[f] = record.item[f];
    }
    if (!complete) continue;
    items.push({ id: row.id, createdAt: record.item.createdAt, updatedAt: record.item.updatedAt, values, stamps, history: record.passwordHistory });
  }
  const covers: SnapshotBody['covers'] = {
    [state.deviceId]: { seq: state.ownSeq, digest: state.ownDigest, name: state.deviceName, lastSeenAt: state.ownLastAt, publicKey: state.deviceKeys.publicKey },
  };
  for (const [id, p] of Object.entries(state.peers)) {
    covers[id] = { seq: p.seq, digest: p.digest, name: p.name, lastSeenAt: p.lastSeenAt, ...(p.publicKey ? { publicKey: p.publicKey } : {}) };
  }
  return { name: state.deviceName, at, covers, revoked: state.revoked, items, purged, events: knownEvents(db, s.events, state) };
}

/** A snapshot's items and purges as changes to merge (no field marked as changed: no conflict marks). */
export function snapshotChanges(body: SnapshotBody): WireChange[] {
  return [
    ...body.items.map((i): WireChange => ({ kind: 'item', ...i, changed: [] })),
    ...body.purged.map((id): WireChange => ({ kind: 'purge', id, stamp: '' })),
  ];
}

/** Takes in what a snapshot says of every device: how far each log is covered, names and keys, revocations, events. */
export function takeSnapshotState(log: EventLog, state: SyncState, writer: string, body: SnapshotBody): void {
  for (const [id, c] of Object.entries(body.covers)) {
    if (id === state.deviceId) continue;
    const had = state.peers[id];
    if (had && had.seq >= c.seq) continue;
    const publicKey = c.publicKey ?? had?.publicKey;
    state.peers[id] = { seq: c.seq, digest: c.digest, name: c.name, lastSeenAt: c.lastSeenAt, ...(publicKey ? { publicKey } : {}) };
  }
  state.revoked = [...new Set([...state.revoked, ...body.revoked])];
  if (body.revoked.includes(state.deviceId)) state.revokedBy = body.name;
  for (const [id, events] of Object.entries(body.events)) {
    if (id === state.deviceId) continue;
    takeEvents(log, state, id, body.covers[id]?.name ?? state.peers[id]?.name ?? (id === writer ? body.name : id), events);
  }
}
