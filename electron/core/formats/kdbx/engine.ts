// kdbxweb wired to Node: Argon2 (KDBX 4's KDF) comes from the `argon2` package the vault
// already uses, set once per process; credentials are a password and an optional key file
// (kdbxweb reads every key-file form KeePass and KeePassXC write: XML v1/v2, 32 raw bytes,
// 64 hex digits, or any other file, hashed).
import argon2 from 'argon2';
import * as kdbxweb from 'kdbxweb';

let wired = false;

/** Makes kdbxweb use native Argon2 (d or id, versions 0x10 and 0x13). Idempotent. */
export function useNodeArgon2(): void {
  if (wired) return;
  kdbxweb.CryptoEngine.setArgon2Impl(async (password, salt, memory, iterations, length, parallelism, type, version) => {
    const raw = await argon2.hash(Buffer.from(password), {
      raw: true,
      salt: Buffer.from(salt),
      // kdbxweb passes memory in KiB, as argon2's memoryCost wants it.
      memoryCost: memory,
      timeCost: iterations,
      parallelism,
      hashLength: length,
      type: type === kdbxweb.CryptoEngine.Argon2TypeArgon2id ? argon2.argon2id : argon2.argon2d,
      version,
    });
    const out = new Uint8Array(raw).buffer;
    raw.fill(0);
    return out;
  });
  wired = true;
}

export function credentialsFor(password: string, keyFile?: Uint8Array): kdbxweb.KdbxCredentials {
  useNodeArgon2();
  return new kdbxweb.KdbxCredentials(password === '' && keyFile ? null : kdbxweb.ProtectedValue.fromString(password), keyFile ?? null);
}

/** KDBX files start with these two signatures (KeePass 2.x). */
export function isKdbx(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return v.getUint32(0, true) === 0x9aa2d903 && v.getUint32(4, true) === 0xb54bfb67;
}

export { kdbxweb };
