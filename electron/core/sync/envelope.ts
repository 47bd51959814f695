// The key envelope at the root of a sync target, `keystash-sync.json`: the vault's sync key
// wrapped under Argon2id of the master password, like the vault header wraps the vault key.
// It is what lets `join` turn an empty machine plus the master password into a device of the
// vault. The sync id, salt and KDF settings are in the clear and are all the AAD of the wrap,
// so changing any of them makes the wrap fail instead of yielding a key.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { KdfParams } from '../../../shared/domain';
import { KEY_BYTES, open, randomBytes, seal, wipe } from '../crypto/cipher';
import { KeystashError } from '../errors';
import { deriveKey, kdfProblem, SALT_BYTES } from '../vault/kdf';
import { EPOCH } from './batch-file';

export const ENVELOPE_FILE = 'keystash-sync.json';

const envelopeSchema = z
  .object({
    format: z.literal('keystash-sync'),
    version: z.literal(1),
    syncId: z.uuid(),
    /** The key's epoch: absent for the first key, set for keys made by a revocation. */
    epoch: z.string().regex(EPOCH).optional(),
    salt: z.base64(),
    kdf: z.object({ memoryMiB: z.number().int(), iterations: z.number().int(), parallelism: z.number().int() }).strict(),
    wrappedKey: z.base64(),
  })
  .strict();
type Envelope = z.infer<typeof envelopeSchema>;

function wrapAad(e: Pick<Envelope, 'syncId' | 'salt' | 'kdf' | 'epoch'>): Uint8Array {
  const epoch = e.epoch === undefined ? '' : `|epoch=${e.epoch}`;
  return new TextEncoder().encode(`keystash-sync|v1|envelope|${e.syncId}|${e.salt}|${e.kdf.memoryMiB}|${e.kdf.iterations}|${e.kdf.parallelism}${epoch}`);
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

/** An envelope for `key` (of `epoch`, when not the first) under the password. */
export async function sealEnvelope(password: string, kdf: KdfParams, syncId: string, key: Uint8Array, epoch?: string): Promise<Uint8Array> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveKey(password, salt, kdf);
  const base = { syncId, ...(epoch !== undefined ? { epoch } : {}), salt: Buffer.from(salt).toString('base64'), kdf: { ...kdf } };
  try {
    const wrapped = seal(kek, wrapAad(base), key);
    const envelope: Envelope = { format: 'keystash-sync', version: 1, ...base, wrappedKey: Buffer.from(wrapped).toString('base64') };
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

/** The sync key, or `wrong-password` when this password does not open the envelope. */
export async function openEnvelope(bytes: Uint8Array, password: string): Promise<{ syncId: string; epoch: string; key: Uint8Array; kdf: KdfParams }> {
  const e = readEnvelope(bytes);
  const salt = new Uint8Array(Buffer.from(e.salt, 'base64'));
  if (salt.length !== SALT_BYTES) throw new KeystashError('integrity', `The target's ${ENVELOPE_FILE} has a malformed salt.`);
  const kek = await deriveKey(password, salt, e.kdf);
  try {
    const key = open(kek, wrapAad(e), new Uint8Array(Buffer.from(e.wrappedKey, 'base64')));
    if (!key || key.length !== KEY_BYTES) throw new KeystashError('wrong-password', 'The master password does not open this sync target.');
    return { syncId: e.syncId, epoch: e.epoch ?? '0', key, kdf: e.kdf };
  } finally {
    wipe(kek);
  }
}
