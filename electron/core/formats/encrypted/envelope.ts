// Keystash's encrypted export: a password-protected file that carries every item with its
// custom fields, password history and timestamps to another machine. The password is
// stretched with Argon2id (kdf.ts) and the payload sealed with XChaCha20-Poly1305 (crypto.ts);
// the AAD binds the KDF parameters and salt, so a tampered header fails to open.
import { z } from 'zod';
import { DEFAULT_KDF, HISTORY_FIELDS, kdfParamsSchema, type Item, type KdfParams, type PasswordHistoryEntry } from '../../../../shared/domain';
import { open, randomBytes, seal, wipe } from '../../crypto/cipher';
import { KeystashError } from '../../errors';
import { deriveKey, kdfProblem, SALT_BYTES } from '../../vault/kdf';

export const ENCRYPTED_EXPORT_FORMAT = 'keystash-encrypted-export';
const VERSION = 1;
export const MIN_EXPORT_PASSWORD_LENGTH = 8;

/** A file an item carries in the export: its content in base64 (the export is sealed as a whole). */
export interface ExportedAttachment {
  name: string;
  createdAt: number;
  deletedAt: number | null;
  data: string;
}

export interface ExportRecord {
  item: Item;
  passwordHistory: PasswordHistoryEntry[];
  /** Absent in exports from before attachments. */
  attachments?: ExportedAttachment[];
}

export function toExported(a: { name: string; createdAt: number; deletedAt: number | null }, content: Uint8Array): ExportedAttachment {
  return { name: a.name, createdAt: a.createdAt, deletedAt: a.deletedAt, data: Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64') };
}

export function fromExported(a: ExportedAttachment): { name: string; content: Uint8Array; createdAt: number; deletedAt: number | null } {
  return { name: a.name, content: new Uint8Array(Buffer.from(a.data, 'base64')), createdAt: a.createdAt, deletedAt: a.deletedAt };
}

const envelopeSchema = z
  .object({
    format: z.literal(ENCRYPTED_EXPORT_FORMAT),
    version: z.literal(VERSION),
    kdf: kdfParamsSchema,
    salt: z.string().max(100),
    data: z.string(),
  })
  .strict();

const recordSchema = z.object({
  item: z.looseObject({ createdAt: z.number(), updatedAt: z.number(), deletedAt: z.number().nullable() }),
  passwordHistory: z.array(z.object({ field: z.enum(HISTORY_FIELDS), value: z.string(), changedAt: z.number() }).strict()),
  attachments: z.array(z.object({ name: z.string(), createdAt: z.number(), deletedAt: z.number().nullable(), data: z.string() }).strict()).optional(),
});
const payloadSchema = z.object({ exportedAt: z.number(), items: z.array(recordSchema) });

function aad(kdf: KdfParams, salt: string): Uint8Array {
  return new TextEncoder().encode(`${ENCRYPTED_EXPORT_FORMAT}|v${VERSION}|${kdf.memoryMiB}|${kdf.iterations}|${kdf.parallelism}|${salt}`);
}

/** True when the bytes are an encrypted Keystash export (checked before any CSV parsing). */
export function isEncryptedExport(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, '');
  return /^\s*\{\s*"format"\s*:\s*"keystash-encrypted-export"/.test(head);
}

export async function sealExport(records: ExportRecord[], password: string, kdf: KdfParams = DEFAULT_KDF, now = Date.now()): Promise<string> {
  if (password.length < MIN_EXPORT_PASSWORD_LENGTH) {
    throw new KeystashError('invalid-input', `The export password must be at least ${MIN_EXPORT_PASSWORD_LENGTH} characters long.`);
  }
  const problem = kdfProblem(kdf);
  if (problem) throw new KeystashError('invalid-input', `${problem}.`);
  const salt = randomBytes(SALT_BYTES);
  const saltB64 = Buffer.from(salt).toString('base64');
  const key = await deriveKey(password, salt, kdf);
  try {
    const plain = new TextEncoder().encode(JSON.stringify({ exportedAt: now, items: records }));
    const blob = seal(key, aad(kdf, saltB64), plain);
    plain.fill(0);
    const envelope = { format: ENCRYPTED_EXPORT_FORMAT, version: VERSION, kdf, salt: saltB64, data: Buffer.from(blob).toString('base64') };
    return `${JSON.stringify(envelope)}\n`;
  } finally {
    wipe(key);
  }
}

/** Decrypts an export; a wrong password or an altered file gives `wrong-password`, never partial data. */
export async function openExport(bytes: Uint8Array, password: string): Promise<ExportRecord[]> {
  let envelope: z.infer<typeof envelopeSchema>;
  try {
    envelope = envelopeSchema.parse(JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')));
  } catch {
    throw new KeystashError('invalid-input', 'The encrypted Keystash export is damaged or was made by a newer Keystash.');
  }
  const salt = new Uint8Array(Buffer.from(envelope.salt, 'base64'));
  if (salt.length !== SALT_BYTES) throw new KeystashError('invalid-input', 'The encrypted Keystash export is damaged (bad salt).');
  const key = await deriveKey(password, salt, envelope.kdf);
  let plain: Uint8Array | null;
  try {
    plain = open(key, aad(envelope.kdf, envelope.salt), new Uint8Array(Buffer.from(envelope.data, 'base64')));
  } finally {
    wipe(key);
  }
  if (!plain) {
    throw new KeystashError('wrong-password', 'Wrong password for this encrypted export, or the file was altered.');
  }
  try {
    const payload = payloadSchema.parse(JSON.parse(new TextDecoder().decode(plain)));
    return payload.items as unknown as ExportRecord[];
  } catch {
    throw new KeystashError('invalid-input', 'The encrypted Keystash export holds data this Keystash cannot read.');
  } finally {
    plain.fill(0);
  }
}
