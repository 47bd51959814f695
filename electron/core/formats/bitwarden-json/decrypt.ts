// Bitwarden's password-protected JSON export: the plain export, encrypted under a key derived
// from the export password and the file's salt (PBKDF2-SHA256, or Argon2id with the salt's
// SHA-256 as salt), stretched with HKDF-Expand into an AES-256-CBC key and an HMAC-SHA256 key.
// `data` and `encKeyValidation_DO_NOT_EDIT` are EncStrings of type 2 ("2.iv|ct|mac"); the MAC
// is checked before anything is decrypted, so a wrong password or an altered file fails whole.
import argon2 from 'argon2';
import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { KeystashError } from '../../errors';

const envelopeSchema = z.looseObject({
  encrypted: z.literal(true),
  passwordProtected: z.literal(true),
  salt: z.string().min(1).max(1000),
  kdfType: z.union([z.literal(0), z.literal(1)]),
  kdfIterations: z.number().int().min(1).max(10_000_000),
  kdfMemory: z.number().int().min(1).max(1024).nullish(),
  kdfParallelism: z.number().int().min(1).max(16).nullish(),
  encKeyValidation_DO_NOT_EDIT: z.string(),
  data: z.string(),
});

function damaged(): KeystashError {
  return new KeystashError('invalid-input', 'The password-protected Bitwarden export is damaged or in a form Keystash does not know.');
}

async function masterKey(password: string, e: z.infer<typeof envelopeSchema>): Promise<Buffer> {
  if (e.kdfType === 0) return pbkdf2Sync(password, e.salt, e.kdfIterations, 32, 'sha256');
  if (e.kdfIterations > 10) throw damaged();
  const raw = await argon2.hash(password, {
    type: argon2.argon2id,
    raw: true,
    salt: createHash('sha256').update(e.salt, 'utf8').digest(),
    memoryCost: (e.kdfMemory ?? 64) * 1024,
    timeCost: e.kdfIterations,
    parallelism: e.kdfParallelism ?? 4,
    hashLength: 32,
  });
  return raw;
}

/** HKDF-Expand only (no extract), as Bitwarden stretches a master key. */
function expand(key: Buffer, info: string): Buffer {
  // hkdfSync always extracts first; RFC 5869's expand step alone is one HMAC per 32 bytes.
  return createHmac('sha256', key).update(Buffer.concat([Buffer.from(info, 'utf8'), Buffer.from([1])])).digest();
}

function decryptEncString(value: string, encKey: Buffer, macKey: Buffer): Buffer | null {
  const m = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/.exec(value);
  if (!m) throw damaged();
  const iv = Buffer.from(m[1] ?? '', 'base64');
  const ct = Buffer.from(m[2] ?? '', 'base64');
  const mac = Buffer.from(m[3] ?? '', 'base64');
  const want = createHmac('sha256', macKey).update(Buffer.concat([iv, ct])).digest();
  if (mac.length !== want.length || !timingSafeEqual(mac, want)) return null;
  try {
    const d = createDecipheriv('aes-256-cbc', encKey, iv);
    return Buffer.concat([d.update(ct), d.final()]);
  } catch {
    return null;
  }
}

/** The plain export's JSON inside a password-protected one; `wrong-password` when it does not open. */
export async function decryptBitwardenJson(json: unknown, password: string): Promise<unknown> {
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw damaged();
  const key = await masterKey(password, parsed.data);
  const encKey = expand(key, 'enc');
  const macKey = expand(key, 'mac');
  key.fill(0);
  try {
    const check = decryptEncString(parsed.data.encKeyValidation_DO_NOT_EDIT, encKey, macKey);
    if (!check) throw new KeystashError('wrong-password', 'Wrong password for this Bitwarden export, or the file was altered.');
    check.fill(0);
    const plain = decryptEncString(parsed.data.data, encKey, macKey);
    if (!plain) throw new KeystashError('wrong-password', 'Wrong password for this Bitwarden export, or the file was altered.');
    try {
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch {
      throw damaged();
    } finally {
      plain.fill(0);
    }
  } finally {
    encKey.fill(0);
    macKey.fill(0);
  }
}

