// Sync key epochs: which key a batch is sealed under, the context a key wrap is bound to,
// starting a new epoch here (a revocation or a password change: queueRotation), and taking in
// one another device wrote (a new epoch's key wrapped for this device, or the news that this
// device was revoked).
import { KeystashError } from '../errors';
import type { BatchBody } from './batch-body';
import { batchPath, digestOfBytes, sealBatch } from './batch-file';
import { unwrapWith, wrapFor, type KeyWrap } from './device-keys';
import { keyOf, laterEpoch, type LedgerStore, type SyncState } from './ledger';

/** The sync key of `epoch`; an integrity error when this vault does not hold it. */
export function requireKey(state: SyncState, epoch: string): Uint8Array {
  const key = keyOf(state, epoch);
  if (!key) throw new KeystashError('integrity', `This vault lacks sync key ${epoch}.`);
  return key;
}

/** The context a key wrap is bound to: vault, epoch and the device it is for. */
export function wrapContext(syncId: string, epoch: string, deviceId: string): string {
  return `${syncId}|${epoch}|${deviceId}`;
}

/** Takes in a revocation another device wrote: the new key if it was wrapped for us, or the news that we were revoked. */
export function takeRotation(state: SyncState, rotation: NonNullable<BatchBody['rotation']>, by: string): void {
  state.revoked = [...new Set([...state.revoked, ...rotation.revoked])];
  if (rotation.revoked.includes(state.deviceId)) {
    state.revokedBy = by;
    return;
  }
  const wrap = rotation.wraps[state.deviceId];
  const key = wrap ? unwrapWith(state.deviceKeys.privateKey, wrap, wrapContext(state.syncId, rotation.epoch, state.deviceId)) : null;
  if (!key) return; // left out (it had not synced yet when the revocation was made): it needs the key envelope
  state.keys[rotation.epoch] = Buffer.from(key).toString('base64');
  key.fill(0);
  state.epoch = laterEpoch(state.epoch, rotation.epoch);
}

/** A new epoch: its id and key, who stays revoked, when, and the password change it carries if any. */
export interface NewEpoch {
  epoch: string;
  key: Uint8Array;
  revoked: string[];
  at: number;
  passwordChange?: NonNullable<BatchBody['rotation']>['passwordChange'];
}

/**
 * Queues a rotation batch, sealed under the current key so every device reads it, carrying the
 * new key wrapped to each device that stays, and switches this device to the new key; in the
 * caller's transaction. Returns the names of devices left out because they never sent their
 * public key (they need the key envelope).
 */
export function queueRotation(store: LedgerStore, state: SyncState, next: NewEpoch): { leftOut: string[] } {
  const { epoch, key, revoked, passwordChange } = next;
  const wraps: Record<string, KeyWrap> = {};
  const leftOut: string[] = [];
  for (const [id, p] of Object.entries(state.peers)) {
    if (revoked.includes(id)) continue;
    if (p.publicKey) wraps[id] = wrapFor(p.publicKey, key, wrapContext(state.syncId, epoch, id));
    else leftOut.push(p.name);
  }
  const seq = state.ownSeq + 1;
  const rotation = { epoch, revoked, wraps, ...(passwordChange ? { passwordChange } : {}) };
  const body: BatchBody = { name: state.deviceName, at: next.at, publicKey: state.deviceKeys.publicKey, rotation, changes: [] };
  const bytes = sealBatch(requireKey(state, state.epoch), state.syncId, state.deviceId, seq, state.epoch, body);
  store.queue(seq, batchPath(state.deviceId, seq), bytes);
  state.ownSeq = seq;
  state.ownDigest = digestOfBytes(bytes);
  state.ownLastAt = body.at;
  state.keys[epoch] = Buffer.from(key).toString('base64');
  state.epoch = epoch;
  state.revoked = revoked;
  // Every batch up to this one (the rotation itself included) is sealed under an older key: kept by snapshots.
  state.epochFromSeq = seq;
  store.writeState(state);
  return { leftOut };
}
