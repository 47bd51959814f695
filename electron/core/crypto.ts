// Authenticated encryption for everything Keystash stores: XChaCha20-Poly1305 with a fresh
// random 24-byte nonce per message, and an AAD that binds the ciphertext to where it lives
// (vault id, record kind, record id, format version). A blob moved to another row, or with a
// bit flipped, fails to open.
//
// Only @noble/ciphers does the cipher work. Node's OpenSSL ChaCha20-Poly1305 would be faster,
// but Electron's main process runs on BoringSSL, which does not expose that cipher to
// `crypto.createCipheriv`: a vault written by the CLI could then not be opened by the app.
// Unlock stays fast because it decrypts a few hundred index buckets, not every item.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes as nodeRandomBytes } from 'node:crypto';

export const FORMAT_VERSION = 1;
export const KEY_BYTES = 32;
const NONCE_BYTES = 24;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export type RecordKind = 'vault-key' | 'item' | 'index' | 'event' | 'meta';

export function randomBytes(n: number): Uint8Array {
  // Copy out of Node's shared pool so that wiping one buffer cannot touch another.
  return new Uint8Array(nodeRandomBytes(n));
}

export function aadFor(vaultId: string, kind: RecordKind, recordId: string | number): Uint8Array {
  return encoder.encode(`keystash|v${FORMAT_VERSION}|${vaultId}|${kind}|${recordId}`);
}

/** Blob layout: nonce (24 bytes) || ciphertext with tag. */
export function seal(key: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const ct = xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
  const out = new Uint8Array(NONCE_BYTES + ct.length);
  out.set(nonce, 0);
  out.set(ct, NONCE_BYTES);
  return out;
}

/** Returns the plaintext, or null when the blob does not authenticate under this key and AAD. */
export function open(key: Uint8Array, aad: Uint8Array, blob: Uint8Array): Uint8Array | null {
  if (blob.length < NONCE_BYTES + 16) return null;
  try {
    return xchacha20poly1305(key, blob.subarray(0, NONCE_BYTES), aad).decrypt(blob.subarray(NONCE_BYTES));
  } catch {
    return null;
  }
}

export function sealJson(key: Uint8Array, aad: Uint8Array, value: unknown): Uint8Array {
  return seal(key, aad, encoder.encode(JSON.stringify(value)));
}

/** Returns the parsed JSON, or null when the blob does not authenticate. */
export function openJson<T>(key: Uint8Array, aad: Uint8Array, blob: Uint8Array): T | null {
  const plain = open(key, aad, blob);
  if (!plain) return null;
  try {
    return JSON.parse(decoder.decode(plain)) as T;
  } catch {
    return null;
  } finally {
    plain.fill(0);
  }
}

export function wipe(bytes: Uint8Array | null | undefined): void {
  bytes?.fill(0);
}
