// Sync key epochs: which key a batch is sealed under, the context a key wrap is bound to, and
// taking in a revocation another device wrote (a new epoch's key wrapped for this device, or
// the news that this device was revoked).
import { KeystashError } from '../errors';
import type { BatchBody } from './batch-body';
import { unwrapWith } from './device-keys';
import { keyOf, laterEpoch, type SyncState } from './ledger';

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
