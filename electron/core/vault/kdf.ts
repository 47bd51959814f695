// Master-password key derivation: Argon2id with parameters read from the vault header.
// Parameters are checked against a floor and a cap before Argon2 runs, so a tampered header
// can neither downgrade the vault nor make unlock exhaust the machine's memory.
import argon2 from 'argon2';
import { KDF_LIMITS, type KdfParams } from '../../../shared/domain';
import { KeystashError } from '../errors';
import { KEY_BYTES } from '../crypto/cipher';

export const SALT_BYTES = 16;

export function kdfProblem(p: KdfParams): string | null {
  for (const name of ['memoryMiB', 'iterations', 'parallelism'] as const) {
    const { min, max } = KDF_LIMITS[name];
    const v = p[name];
    if (!Number.isInteger(v) || v < min || v > max) {
      return `KDF ${name} must be between ${min} and ${max} (got ${v})`;
    }
  }
  return null;
}

export async function deriveKey(password: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  const problem = kdfProblem(params);
  if (problem) throw new KeystashError('integrity', `The vault header has unsafe key-derivation settings: ${problem}.`);
  if (salt.length !== SALT_BYTES) throw new KeystashError('integrity', 'The vault header has a malformed salt.');
  const raw = await argon2.hash(password, {
    type: argon2.argon2id,
    raw: true,
    salt: Buffer.from(salt),
    hashLength: KEY_BYTES,
    memoryCost: params.memoryMiB * 1024,
    timeCost: params.iterations,
    parallelism: params.parallelism,
  });
  const key = new Uint8Array(raw);
  raw.fill(0);
  return key;
}
