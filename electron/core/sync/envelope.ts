// The key envelope at the root of a sync target, `keystash-sync.json`: the vault's sync key
// wrapped under Argon2id of the master password, like the vault header wraps the vault key.
// It is what lets `join` turn an empty machine plus the master password into a device of the
// vault. The sync id, salt and KDF settings are in the clear and are all the AAD of the wrap,
// so changing any of them makes the wrap fail instead of yielding a key.
// Later keys (a revocation or a master-password change makes a new epoch) each get an envelope
// of their own in the device folder of the device that made them. Such an envelope also
// carries every earlier epoch's key sealed under its own key, so the one password that opens the
// newest envelope is enough to join and read the whole log; one made by a password change says
// so (`purpose`, bound to the wrap), so a join can tell an old password from a wrong one.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { KdfParams } from '../../../shared/domain';
import { KEY_BYTES, open, randomBytes, seal, wipe } from '../crypto/cipher';
import { KeystashError } from '../errors';
import { deriveKey, kdfProblem, SALT_BYTES } from '../vault/kdf';
import { envelopeWrapAad } from '../vault/password-handover';
import { EPOCH } from './batch-file';

export const ENVELOPE_FILE = 'keystash-sync.json';

const envelopeSchema = z
  .object({
    format: z.literal('keystash-sync'),
    version: z.literal(1),
    syncId: z.uuid(),
    /** The key's epoch: absent for the first key, set for keys made by a revocation. */
    epoch: z.string().regex(EPOCH).optional(),
    /** Set on the envelope a master-password change wrote: the password that opens it is the current one. */
    purpose: z.literal('password-change').optional(),
    salt: z.base64(),
    kdf: z.object({ memoryMiB: z.number().int(), iterations: z.number().int(), parallelism: z.number().int() }).strict(),
    wrappedKey: z.base64(),
    /** Every earlier epoch's key, sealed under this envelope's key (bound to both epochs). */
    earlier: z.record(z.string().regex(EPOCH), z.base64().max(400)).optional(),
  })
  .strict();
type Envelope = z.infer<typeof envelopeSchema>;

const wrapAad = (e: Pick<Envelope, 'syncId' | 'salt' | 'kdf' | 'epoch' | 'purpose'>): Uint8Array => envelopeWrapAad(e);

function earlierAad(syncId: string, epoch: string, earlier: string): Uint8Array {
  return new TextEncoder().encode(`keystash-sync|v1|earlier-key|${syncId}|${epoch}|${earlier}`);
}

/** The file that carries a later epoch's key under the master password, in the device folder of the device that made it. */
export function keyEnvelopePath(deviceId: string, epoch: string): string {
  return `devices/${deviceId}/key-${epoch}.json`;
}

/** A new sync id and key, and the envelope's bytes that carry the key under the password. */
export async function createEnvelope(password: string, kdf: KdfParams): Promise<{ syncId: string; key: Uint8Array; bytes: Uint8Array }> {
  const syncId = randomUUID();
  const key = randomBytes(KEY_BYTES);
  return { syncId, key, bytes: await sealEnvelope(password, kdf, syncId, key) };
}

export interface LaterKey {
  epoch: string;
  /** Earlier epochs' keys, base64, by epoch (the sync state's `keys`). */
  earlier: Record<string, string>;
  /** Set when a master-password change makes this key. */
  passwordChange?: boolean;
}

/** An envelope for `key` under the password: the first key, or a later epoch's with every earlier key. */
export async function sealEnvelope(password: string, kdf: KdfParams, syncId: string, key: Uint8Array, later?: LaterKey): Promise<Uint8Array> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveKey(password, salt, kdf);
  const base = {
    syncId,
    ...(later ? { epoch: later.epoch } : {}),
    ...(later?.passwordChange ? { purpose: 'password-change' as const } : {}),
    salt: Buffer.from(salt).toString('base64'),
    kdf: { ...kdf },
  };
  try {
    const wrapped = seal(kek, wrapAad(base), key);
    const earlier: Record<string, string> = {};
    for (const [e, k] of Object.entries(later?.earlier ?? {})) {
      if (e !== later?.epoch) earlier[e] = Buffer.from(seal(key, earlierAad(syncId, later?.epoch ?? '0', e), new Uint8Array(Buffer.from(k, 'base64')))).toString('base64');
    }
    const envelope: Envelope = {
      format: 'keystash-sync',
      version: 1,
      ...base,
      wrappedKey: Buffer.from(wrapped).toString('base64'),
      ...(later ? { earlier } : {}),
    };
    return new TextEncoder().encode(`${JSON.stringify(envelope, null, 2)}\n`);
  } finally {
    wipe(kek);
  }
}

/** The sync id and KDF settings, readable without the password. */
export function readEnvelope(bytes: Uint8Array): Envelope {
  let parsed: Envelope;
  try {
    parsed = envelopeSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    throw new KeystashError('integrity', `The target's ${ENVELOPE_FILE} is damaged or not a Keystash sync envelope.`);
  }
  const problem = kdfProblem(parsed.kdf);
  if (problem) throw new KeystashError('integrity', `The target's ${ENVELOPE_FILE} has unsafe key-derivation settings: ${problem}.`);
  return parsed;
}

export interface OpenedEnvelope {
  syncId: string;
  epoch: string;
  key: Uint8Array;
  kdf: KdfParams;
  /** Earlier epochs' keys it carried, base64 by epoch (those that opened). */
  earlier: Record<string, string>;
  passwordChange: boolean;
}

/** The sync key, or `wrong-password` when this password does not open the envelope. */
export async function openEnvelope(bytes: Uint8Array, password: string): Promise<OpenedEnvelope> {
  const e = readEnvelope(bytes);
  const { salt, wrap } = envelopeParts(e);
  const kek = await deriveKey(password, salt, e.kdf);
  try {
    const key = open(kek, wrapAad(e), wrap);
    if (!key || key.length !== KEY_BYTES) throw new KeystashError('wrong-password', 'The master password does not open this sync target.');
    const epoch = e.epoch ?? '0';
    const earlier: Record<string, string> = {};
    for (const [ep, sealed] of Object.entries(e.earlier ?? {})) {
      const k = open(key, earlierAad(e.syncId, epoch, ep), new Uint8Array(Buffer.from(sealed, 'base64')));
      if (k && k.length === KEY_BYTES) earlier[ep] = Buffer.from(k).toString('base64');
    }
    return { syncId: e.syncId, epoch, key, kdf: e.kdf, earlier, passwordChange: e.purpose === 'password-change' };
  } finally {
    wipe(kek);
  }
}

function envelopeParts(e: Envelope): { salt: Uint8Array; wrap: Uint8Array } {
  const salt = new Uint8Array(Buffer.from(e.salt, 'base64'));
  if (salt.length !== SALT_BYTES) throw new KeystashError('integrity', `The target's ${ENVELOPE_FILE} has a malformed salt.`);
  return { salt, wrap: new Uint8Array(Buffer.from(e.wrappedKey, 'base64')) };
}

/**
 * What a vault header needs to hand its key over to a password change (vault/header.ts
 * handOverHeader): the envelope's salt, settings and wrap. Null when the envelope is not a
 * password change's for this sync id and epoch.
 */
export function handoverParts(bytes: Uint8Array, syncId: string, epoch: string): { salt: Uint8Array; kdf: KdfParams; envelopeWrap: Uint8Array } | null {
  try {
    const e = readEnvelope(bytes);
    if (e.syncId !== syncId || (e.epoch ?? '0') !== epoch || e.purpose !== 'password-change') return null;
    const { salt, wrap } = envelopeParts(e);
    return { salt, kdf: { ...e.kdf }, envelopeWrap: wrap };
  } catch {
    return null;
  }
}
