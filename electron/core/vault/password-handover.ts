// A master-password change made on another device of a synced vault, waiting in this vault's
// header until the next unlock. The device that changed its password published the sync key
// under the new password (a key envelope, sync/envelope.ts); when this device takes that in,
// its header stops holding the vault key under the old password and holds instead:
//   - the envelope's salt and KDF settings as the header's own (so unlock runs one Argon2id,
//     as always),
//   - the envelope's wrap of the sync key under that key derivation, and
//   - the vault key sealed under the sync key, with the whole header (the hand-over included)
//     as the AAD.
// Only the new password opens the first wrap, so only it yields the vault key; the old one
// fails like any wrong password. The unlock that succeeds turns the header back into an
// ordinary wrap under a fresh salt (vault.ts) and reports who changed the password.
import { z } from 'zod';
import type { KdfParams } from '../../../shared/domain';
import { KEY_BYTES, open } from '../crypto/cipher';

/** The clear part of a hand-over: which sync key opens it and the name of the device the change came from. */
export interface Handover {
  syncId: string;
  epoch: string;
  by: string;
}

/** What the header's wrapped-key column holds during a hand-over. */
export interface HandoverWrap extends Handover {
  /** The sync key of `epoch` under Argon2id(new password, header salt), exactly as in the envelope. */
  envelopeWrap: Uint8Array;
  /** The vault key under that sync key; the header is its AAD. */
  sealedKey: Uint8Array;
}

const MAGIC = 'keystash-handover1\n';
const magicBytes = new TextEncoder().encode(MAGIC);

const blobSchema = z
  .object({
    syncId: z.uuid(),
    epoch: z.string().regex(/^\d{1,6}(-[0-9a-f-]{36})?$/),
    by: z.string().max(200),
    envelopeWrap: z.base64().max(400),
    sealedKey: z.base64().max(400),
  })
  .strict();

/**
 * The AAD of a key envelope's wrap: the sync id, salt, KDF settings, epoch (absent for the
 * first key) and purpose (a hand-over only ever opens a password change's envelope). Shared by sync/envelope.ts, which writes envelopes, and the hand-over, which opens
 * one from the header.
 */
export function envelopeWrapAad(e: { syncId: string; salt: string; kdf: KdfParams; epoch?: string | undefined; purpose?: 'password-change' | undefined }): Uint8Array {
  const epoch = e.epoch === undefined ? '' : `|epoch=${e.epoch}`;
  const purpose = e.purpose === undefined ? '' : `|purpose=${e.purpose}`;
  return new TextEncoder().encode(`keystash-sync|v1|envelope|${e.syncId}|${e.salt}|${e.kdf.memoryMiB}|${e.kdf.iterations}|${e.kdf.parallelism}${epoch}${purpose}`);
}

export function isHandoverBlob(bytes: Uint8Array): boolean {
  return bytes.length > magicBytes.length && Buffer.from(bytes.subarray(0, magicBytes.length)).equals(magicBytes);
}

export function encodeHandover(w: HandoverWrap): Uint8Array {
  const json = JSON.stringify({
    syncId: w.syncId,
    epoch: w.epoch,
    by: w.by,
    envelopeWrap: Buffer.from(w.envelopeWrap).toString('base64'),
    sealedKey: Buffer.from(w.sealedKey).toString('base64'),
  });
  return new TextEncoder().encode(MAGIC + json);
}

/** The hand-over in a header's wrapped-key column, or null when it does not parse (the unlock then fails as forged). */
export function decodeHandover(bytes: Uint8Array): HandoverWrap | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(magicBytes.length));
    const b = blobSchema.parse(JSON.parse(text));
    return {
      syncId: b.syncId,
      epoch: b.epoch,
      by: b.by,
      envelopeWrap: new Uint8Array(Buffer.from(b.envelopeWrap, 'base64')),
      sealedKey: new Uint8Array(Buffer.from(b.sealedKey, 'base64')),
    };
  } catch {
    return null;
  }
}

/**
 * The vault key from a hand-over, given the key derived from the password with the header's
 * salt and settings; null when the password is not the new one (or anything was altered).
 */
export function openHandover(kek: Uint8Array, salt: Uint8Array, kdf: KdfParams, w: HandoverWrap, headerAad: Uint8Array): Uint8Array | null {
  const envelopeAad = envelopeWrapAad({ syncId: w.syncId, salt: Buffer.from(salt).toString('base64'), kdf, epoch: w.epoch, purpose: 'password-change' });
  const syncKey = open(kek, envelopeAad, w.envelopeWrap);
  if (!syncKey || syncKey.length !== KEY_BYTES) return null;
  try {
    const key = open(syncKey, headerAad, w.sealedKey);
    return key && key.length === KEY_BYTES ? key : null;
  } finally {
    syncKey.fill(0);
  }
}
