// A master-password change travelling between devices. The device where the person changed it
// makes a new sync key (a new epoch, so whoever knows only the old password cannot read what is
// written from then on), publishes its envelope under the new password in its own folder, and
// sends a batch that hands the new key to every other device (wrapped to its public key, like a
// revocation) together with the change's clock stamp and that envelope. A device that takes it
// in hands its vault key over to the envelope (vault/password-handover.ts): from then on its
// header opens with the new password only. Concurrent changes on two devices resolve like a
// field: the later stamp wins everywhere.
import type { KdfParams } from '../../../shared/domain';
import { KEY_BYTES, randomBytes } from '../crypto/cipher';
import { compareStamps } from './hlc';
import type { BatchBody } from './batch-body';
import { handoverParts, keyEnvelopePath, sealEnvelope } from './envelope';
import { keyOf, type SyncState } from './ledger';

/** A password change made here, ready to be recorded with the header rewrite. */
export interface OwnPasswordChange {
  epoch: string;
  key: Uint8Array;
  envelope: Uint8Array;
  /** The epochs the envelope carries: recording fails if a sync added one meanwhile. */
  epochs: string[];
}

/** The next epoch this device would make: one more than any known, with its id. */
export function nextEpoch(state: SyncState): string {
  const counter = Math.max(...Object.keys(state.keys).map((e) => Number(e.split('-')[0]))) + 1;
  return `${counter}-${state.deviceId}`;
}

/** A new sync key and its envelope under the new password (one Argon2id run), carrying every earlier key. */
export async function preparePasswordChange(state: SyncState, next: string, kdf: KdfParams): Promise<OwnPasswordChange> {
  const epoch = nextEpoch(state);
  const key = randomBytes(KEY_BYTES);
  const envelope = await sealEnvelope(next, kdf, state.syncId, key, { epoch, earlier: state.keys, passwordChange: true });
  return { epoch, key, envelope, epochs: Object.keys(state.keys).sort() };
}

/** Records a change made here in the state: the next run writes its envelope file first. */
export function recordOwnChange(state: SyncState, change: OwnPasswordChange, stamp: string, at: number): NonNullable<BatchBody['rotation']>['passwordChange'] {
  state.password = { stamp, epoch: change.epoch, by: state.deviceName, at, here: true };
  state.pendingFiles = [...(state.pendingFiles ?? []), { path: keyEnvelopePath(state.deviceId, change.epoch), bytes: Buffer.from(change.envelope).toString('base64') }];
  return { stamp, envelope: Buffer.from(change.envelope).toString('base64') };
}

/** What a device that takes in another's change must do to its header. */
export interface PendingHandover {
  syncId: string;
  epoch: string;
  by: string;
  syncKey: Uint8Array;
  salt: Uint8Array;
  kdf: KdfParams;
  envelopeWrap: Uint8Array;
}

/**
 * Takes in a password change from another device's batch (after its rotation's key was taken):
 * the hand-over this vault's header needs, or null when the change is older than the one this
 * device follows, is the very change this device already opens with, or cannot be followed
 * (its key was not wrapped for this device, or its envelope is not this change's).
 */
export function takePasswordChange(state: SyncState, rotation: NonNullable<BatchBody['rotation']>, by: string, at: number): PendingHandover | null {
  const change = rotation.passwordChange;
  if (!change) return null;
  const current = state.password;
  if (current?.epoch === rotation.epoch) {
    // A device that joined with this change's password already opens with it: it learns who made it.
    state.password = { stamp: change.stamp, epoch: rotation.epoch, by, at, here: false };
    return null;
  }
  // Joined with a changed password whose batch has not been read yet (stamp unknown): every
  // change on the target then was older, since the join needed the newest one's password.
  if (current?.stamp === '') return null;
  if (current && compareStamps(change.stamp, current.stamp) <= 0) return null;
  const syncKey = keyOf(state, rotation.epoch);
  const parts = handoverParts(new Uint8Array(Buffer.from(change.envelope, 'base64')), state.syncId, rotation.epoch);
  if (!syncKey || !parts) return null;
  state.password = { stamp: change.stamp, epoch: rotation.epoch, by, at, here: false };
  return { syncId: state.syncId, epoch: rotation.epoch, by, syncKey, ...parts };
}
