// vault.sync: the local half of sync, synchronous and inside the vault's transactions. It turns
// local item writes into sealed batches (outgoing-batch.ts: changed fields stamped with the
// hybrid clock in the same transaction that records them), and applies another device's batch together with the
// item writes, the ledger and what this device has seen of that device, all in one transaction:
// a crash leaves either all of a batch applied or none of it. The engine (engine.ts) moves
// the bytes to and from the target.
import { KeystashError } from '../errors';
import type { EventLog } from '../history/event-log';
import type { IndexBuckets } from '../items/bucket-store';
import type { ItemWrites } from '../items/item-writes';
import type { SummaryIndex } from '../search/summary-index';
import type { Db } from '../vault/db';
import type { Gate } from '../vault/gate';
import { handOverHeader, type VaultHeader } from '../vault/header';
import type { EventSource, KdfParams } from '../../../shared/domain';
import type { SessionKeys } from '../vault/session-keys';
import { truncateWal } from '../vault/wal';
import { sealBatch, snapshotPath } from './batch-file';
import type { BatchBody } from './batch-body';
import { HybridClock } from './hlc';
import type { LedgerEntry } from './item-merge';
import { queueRotation, requireKey, takeRotation } from './key-epochs';
import { newestEventSeq, takeEvents } from './events';
import { buildSnapshot, snapshotChanges, takeSnapshotState } from './snapshot';
import type { SnapshotBody } from './snapshot-body';
import { ledgerStore, type LedgerStore, type SyncState } from './ledger';
import { mergeChanges } from './merge-changes';
import { prepareOwnBatch, type PreparedBatch } from './outgoing-batch';
import { preparePasswordChange, recordOwnChange, takePasswordChange, type OwnPasswordChange } from './password-change';

/** What sync needs from the unlocked session (vault/session.ts). */
export interface SyncSession {
  readonly keys: SessionKeys;
  readonly events: EventLog;
  readonly index: SummaryIndex;
  readonly writes: ItemWrites;
  readonly buckets: Pick<IndexBuckets, 'checkRecord'>;
  /** Replaced when a password change from another device hands the vault key over. */
  header: VaultHeader;
}

export interface AppliedBatch {
  pulled: number;
  conflicts: number;
  /** The device whose master-password change this batch handed the vault key over to. */
  passwordChangedOn?: string;
}

export class SyncLedger {
  constructor(
    private readonly db: Db,
    private readonly gate: Gate<SyncSession>,
    private readonly now: () => number,
    private readonly source: EventSource,
  ) {}

  /** The sync settings, or null when this vault does not sync. */
  state(): SyncState | null {
    return this.store(this.gate.read()).state();
  }

  requireState(): SyncState {
    return this.store(this.gate.read()).requireState();
  }

  /** Starts syncing: tables and the first state, in one transaction. */
  create(state: SyncState): void {
    const store = this.store(this.gate.write());
    // Usage events recorded before syncing started stay on this device.
    this.db
      .transaction(() => {
        const newest = newestEventSeq(this.db);
        store.create({ ...state, eventsSent: state.eventsSent ?? newest, eventsFrom: state.eventsFrom ?? newest });
      })
      .immediate();
  }

  /** Changes the stored settings (device name, target credentials) in one step. */
  update(change: (s: SyncState) => void): SyncState {
    const store = this.store(this.gate.write());
    return this.db
      .transaction(() => {
        const s = store.requireState();
        change(s);
        store.writeState(s);
        return s;
      })
      .immediate();
  }

  pendingCount(): number {
    return this.store(this.gate.read()).pendingCount();
  }

  conflictedIds(): string[] {
    return this.store(this.gate.read()).conflictedIds();
  }

  /** The values that lost to a concurrent change of the same field, newest first. Secrets included: main process only. */
  conflicts(id: string): LedgerEntry['conflicts'] {
    return this.store(this.gate.read()).entry(id)?.entry.conflicts ?? [];
  }

  /** Marks the item's conflicts as seen and settled (after the person picked a version). */
  clearConflicts(id: string): void {
    const store = this.store(this.gate.write());
    this.db
      .transaction(() => {
        const row = store.entry(id);
        if (row) store.putEntry(id, row.version, { ...row.entry, conflicts: [] }, row.purged);
      })
      .immediate();
  }

  /**
   * Seals up to BATCH_CHANGES local changes as this device's next batch and queues it in the
   * outbox, in one transaction with their stamps. Null when nothing changed.
   */
  prepareBatch(): PreparedBatch | null {
    const s = this.gate.write();
    const store = this.store(s);
    return this.db.transaction(() => prepareOwnBatch(this.db, s, store, this.now)).immediate();
  }

  /**
   * Revokes a device: queues a batch, sealed under the current key so every device reads it,
   * that names the device as revoked and carries the new epoch's key wrapped to each device
   * that stays; from then on this device writes with the new key. Returns the names of devices
   * left out because they never sent their public key (they need the key envelope).
   */
  revoke(deviceId: string, epoch: string, key: Uint8Array): { leftOut: string[] } {
    const store = this.store(this.gate.write());
    return this.db
      .transaction(() => {
        const state = store.requireState();
        if (deviceId === state.deviceId) throw new KeystashError('invalid-input', 'A device cannot revoke itself; revoke it from another device.');
        if (!state.peers[deviceId]) throw new KeystashError('not-found', `No device ${deviceId} has synced with this one.`);
        if (state.revoked.includes(deviceId)) throw new KeystashError('exists', `“${state.peers[deviceId].name}” is already revoked.`);
        return queueRotation(store, state, { epoch, key, revoked: [...state.revoked, deviceId], at: this.now() });
      })
      .immediate();
  }

  /**
   * For a master-password change on this device (vault/master-password.ts): makes the new sync
   * key and its envelope under the new password before the change's transaction, and returns
   * what records it inside that transaction. Null when this vault does not sync.
   */
  async preparePasswordChange(next: string, kdf: KdfParams): Promise<(() => void) | null> {
    const state = this.store(this.gate.write()).state();
    if (!state) return null;
    const change = await preparePasswordChange(state, next, kdf);
    return () => this.recordPasswordChange(change);
  }

  /** Queues the rotation batch that carries a password change made here; in the caller's transaction. */
  private recordPasswordChange(change: OwnPasswordChange): void {
    const store = this.store(this.gate.write());
    const state = store.requireState();
    if (Object.keys(state.keys).sort().join() !== change.epochs.join()) {
      throw new KeystashError('busy', 'A sync brought a new key while the password was being changed; nothing was changed. Try again.');
    }
    const clock = new HybridClock(state.clock, state.deviceId, this.now);
    const stamp = clock.tick();
    state.clock = clock.current;
    const passwordChange = recordOwnChange(state, change, stamp, this.now());
    queueRotation(store, state, { epoch: change.epoch, key: change.key, revoked: state.revoked, at: this.now(), passwordChange });
    change.key.fill(0);
  }

  /** Key envelopes made here that the target does not hold yet (written before any batch). */
  pendingFiles(): { path: string; bytes: Uint8Array }[] {
    const state = this.store(this.gate.read()).state();
    return (state?.pendingFiles ?? []).map((f) => ({ path: f.path, bytes: new Uint8Array(Buffer.from(f.bytes, 'base64')) }));
  }

  fileSent(path: string): void {
    this.update((st) => {
      st.pendingFiles = (st.pendingFiles ?? []).filter((f) => f.path !== path);
    });
  }

  outbox(): { seq: number; path: string; bytes: Buffer }[] {
    return this.store(this.gate.read()).outbox();
  }

  sent(seq: number): void {
    const store = this.store(this.gate.write());
    this.db.transaction(() => store.sent(seq)).immediate();
  }

  /**
   * Applies another device's batch `seq` (already opened and parsed) and remembers it as seen,
   * in one transaction. Throws `integrity` when a merged item is not a valid item; nothing is
   * applied then.
   */
  applyBatch(device: string, seq: number, digest: string, body: BatchBody): AppliedBatch {
    return this.merging(body.changes, body.name, (s, state, merged) => {
      state.peers[device] = { seq, digest, name: body.name, lastSeenAt: body.at, ...(body.publicKey ? { publicKey: body.publicKey } : state.peers[device]?.publicKey ? { publicKey: state.peers[device].publicKey } : {}) };
      let passwordChangedOn: string | undefined;
      if (body.events) takeEvents(s.events, state, device, body.name, body.events);
      if (body.rotation) {
        const before = state.epoch;
        takeRotation(state, body.rotation, body.name);
        const handover = takePasswordChange(state, body.rotation, body.name, body.at);
        if (handover) {
          // From now on this vault's header opens with the new password only (vault/password-handover.ts).
          s.header = handOverHeader(this.db, s.header, s.keys.key, handover.syncKey, handover);
          handover.syncKey.fill(0);
          passwordChangedOn = body.name;
          s.events.append({ kind: 'password-change', source: this.source, detail: { note: `master password changed on “${body.name}”; needed at the next unlock` } });
        }
        // This device's batches so far are sealed under the older key: a snapshot never deletes them.
        if (state.epoch !== before) state.epochFromSeq = state.ownSeq;
      }
      return { pulled: merged.pulled, conflicts: merged.conflicts, ...(passwordChangedOn !== undefined ? { passwordChangedOn } : {}) };
    });
  }

  /**
   * Applies another device's snapshot (already opened and parsed): its items merge like a
   * batch's (without conflict marks: a snapshot's stamps say which value is later, not what
   * each device had seen), its purges are final, and each device's log counts as seen up to
   * where the snapshot covers it, when that is further than this device had got. One transaction.
   */
  applySnapshot(writer: string, body: SnapshotBody): AppliedBatch {
    return this.merging(snapshotChanges(body), body.name, (s, state, merged) => {
      takeSnapshotState(s.events, state, writer, body);
      return { pulled: merged.pulled, conflicts: merged.conflicts };
    });
  }

  /**
   * One write transaction that merges another device's item changes, lets `then` take the
   * rest of what it sent into the ledger state, and saves that state; nothing is applied when
   * either throws. Purged ciphertext must not stay readable in the -wal (see vault/wal.ts).
   */
  private merging(changes: Parameters<typeof mergeChanges>[4], name: string, then: (s: SyncSession, state: SyncState, merged: ReturnType<typeof mergeChanges>) => AppliedBatch): AppliedBatch {
    const s = this.gate.write();
    const store = this.store(s);
    let purgedAny = false;
    const result = this.db
      .transaction((): AppliedBatch => {
        const state = store.requireState();
        const clock = new HybridClock(state.clock, state.deviceId, this.now);
        const merged = mergeChanges(this.db, s, store, clock, changes, name);
        purgedAny = merged.purgedAny;
        state.clock = clock.current;
        const applied = then(s, state, merged);
        store.writeState(state);
        return applied;
      })
      .immediate();
    if (purgedAny) truncateWal(this.db);
    return result;
  }

  /**
   * This device's snapshot of the merged state as of its last batch, sealed; null while local
   * changes wait to be pushed (the snapshot must say only what the batches say).
   */
  prepareSnapshot(): { seq: number; path: string; bytes: Uint8Array } | null {
    const s = this.gate.read();
    const store = this.store(s);
    return this.db.transaction(() => {
      const state = store.requireState();
      if (store.pendingCount() > 0 || state.ownSeq === 0 || store.outbox().length > 0) return null;
      const body = buildSnapshot(this.db, s, store, state, this.now());
      const bytes = sealBatch(requireKey(state, state.epoch), state.syncId, state.deviceId, state.ownSeq, state.epoch, body, 'snapshot');
      return { seq: state.ownSeq, path: snapshotPath(state.deviceId, state.ownSeq), bytes };
    })();
  }

  /** The snapshot as of own batch `seq` is on the target. */
  snapshotWritten(seq: number): void {
    this.update((st) => {
      st.snapshotSeq = seq;
      st.bytesSinceSnapshot = 0;
    });
  }

  /** Records how the last run went. */
  finish(lastSync: NonNullable<SyncState['lastSync']>): void {
    this.update((st) => {
      st.lastSync = lastSync;
    });
  }

  private store(s: SyncSession): LedgerStore {
    return ledgerStore(this.db, s.keys);
  }
}
