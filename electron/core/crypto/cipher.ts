// Authenticated encryption for everything Keystash stores: XChaCha20-Poly1305 with a fresh
// random 24-byte nonce per message, and an AAD that binds the ciphertext to where it lives
// (vault id, record kind, record id, format version). A blob moved to another row, or with a
// bit flipped, fails to open.
//
// @noble/ciphers is the reference and always-available implementation. Where the runtime's
// crypto offers RFC 8439 ChaCha20-Poly1305 (Node's OpenSSL: the CLI, tests, benchmark), the
// bulk work goes there instead: HChaCha20 (noble, one block) derives the subkey, then
// ChaCha20-Poly1305 with nonce 0^4 || nonce[16..24]. That is XChaCha20-Poly1305 byte for byte,
// so blobs are identical either way, and a self-test against noble decides once per process.
// Electron's BoringSSL has no such EVP cipher, so the app simply stays on noble.
import { hchacha, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { createCipheriv, createDecipheriv, getCiphers, randomBytes as nodeRandomBytes, randomFillSync } from 'node:crypto';

export const FORMAT_VERSION = 1;
/** The vault format whose records carry a version and are covered by the manifest. */
export const VERSIONED_FORMAT = 2;
export const KEY_BYTES = 32;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
// "expand 32-byte k" as little-endian words.
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export type RecordKind = 'vault-key' | 'item' | 'index' | 'index-rows' | 'event' | 'meta' | 'attachment-chunk';

// Small requests (nonces: one per sealed record) are served from a block of CSPRNG output,
// because a system call per 24 bytes dominated bulk writes such as a 100,000-row import.
// Every byte is handed out once and wiped from the block as it leaves.
const POOL_BYTES = 16 * 1024;
const pool = new Uint8Array(POOL_BYTES);
let poolOffset = POOL_BYTES;

export function randomBytes(n: number): Uint8Array {
  if (n > 256) return new Uint8Array(nodeRandomBytes(n));
  if (poolOffset + n > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = pool.slice(poolOffset, poolOffset + n);
  pool.fill(0, poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
}

/**
 * The AAD of a record. A `version` (items, index buckets, meta records since format 2) is bound
 * in too, so an older copy of the same record cannot stand in for the current one: the
 * authenticated manifest (vault/manifest.ts) says which version is current. Without a version
 * the format-1 AAD is used (events, the key wrap, and records read once by the migration).
 */
export function aadFor(vaultId: string, kind: RecordKind, recordId: string | number, version?: number): Uint8Array {
  if (version === undefined) return encoder.encode(`keystash|v${FORMAT_VERSION}|${vaultId}|${kind}|${recordId}`);
  return encoder.encode(`keystash|v${VERSIONED_FORMAT}|${vaultId}|${kind}|${recordId}|${version}`);
}

function words(bytes: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 4);
  for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/** XChaCha20-Poly1305 through the runtime's ChaCha20-Poly1305; same bytes as noble's. */
const native = {
  subkey(key: Uint8Array, nonce: Uint8Array): { subkey: Buffer; iv: Buffer } {
    const kw = words(key, 8);
    const out = new Uint32Array(8);
    hchacha(SIGMA, kw, words(nonce, 4), out);
    const subkey = Buffer.alloc(KEY_BYTES);
    for (let i = 0; i < 8; i++) subkey.writeUInt32LE(out[i] ?? 0, i * 4);
    kw.fill(0);
    out.fill(0);
    const iv = Buffer.alloc(12);
    iv.set(nonce.subarray(16, 24), 4);
    return { subkey, iv };
  },
  encrypt(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
    const { subkey, iv } = native.subkey(key, nonce);
    try {
      const c = createCipheriv('chacha20-poly1305', subkey, iv, { authTagLength: TAG_BYTES });
      c.setAAD(aad, { plaintextLength: plaintext.length });
      return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
    } finally {
      subkey.fill(0);
    }
  },
  /** Throws when the tag does not verify; the unverified plaintext is wiped first. */
  decrypt(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array {
    const { subkey, iv } = native.subkey(key, nonce);
    try {
      const ctLength = sealed.length - TAG_BYTES;
      const d = createDecipheriv('chacha20-poly1305', subkey, iv, { authTagLength: TAG_BYTES });
      d.setAAD(aad, { plaintextLength: ctLength });
      d.setAuthTag(sealed.subarray(ctLength));
      const body = d.update(sealed.subarray(0, ctLength));
      try {
        d.final();
      } catch (err) {
        body.fill(0);
        throw err;
      }
      return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    } finally {
      subkey.fill(0);
    }
  },
};

let nativeWorks: boolean | null = null;

/** Whether the runtime cipher exists and agrees with noble in both directions (checked once). */
function useNative(): boolean {
  if (nativeWorks !== null) return nativeWorks;
  try {
    nativeWorks = false;
    if (!getCiphers().includes('chacha20-poly1305')) return false;
    const key = randomBytes(KEY_BYTES);
    const nonce = randomBytes(NONCE_BYTES);
    const aad = randomBytes(13);
    const pt = randomBytes(150);
    const ours = native.encrypt(key, nonce, aad, pt);
    const ref = xchacha20poly1305(key, nonce, aad).encrypt(pt);
    const back = native.decrypt(key, nonce, aad, ref);
    nativeWorks = Buffer.from(ours).equals(Buffer.from(ref)) && Buffer.from(back).equals(Buffer.from(pt));
  } catch {
    nativeWorks = false;
  }
  return nativeWorks;
}

/** Rounds and size of warmCipher's run: enough for V8 to compile noble's loops, measured. */
const WARM_ROUNDS = 8;
const WARM_BYTES = 4 * 1024;

/**
 * For unlock to call while Argon2 runs. Where this runtime has no native ChaCha20-Poly1305
 * (the desktop app), the first index buckets would be decrypted by noble's JavaScript before
 * V8 has compiled it: cold, 1.6 MB took 75–120 ms instead of 30–40 ms. A few rounds over a
 * throwaway key and zeros compile it first. No vault key or data is involved; with the native
 * cipher this only settles which one is used.
 */
export function warmCipher(): void {
  if (useNative()) return;
  const key = nodeRandomBytes(KEY_BYTES);
  const nonce = nodeRandomBytes(NONCE_BYTES);
  const zeros = new Uint8Array(WARM_BYTES);
  for (let i = 0; i < WARM_ROUNDS; i++) xchacha20poly1305(key, nonce).decrypt(xchacha20poly1305(key, nonce).encrypt(zeros));
  key.fill(0);
}

/** Blob layout: nonce (24 bytes) || ciphertext || Poly1305 tag (16 bytes). */
export function seal(key: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const ct = useNative() ? native.encrypt(key, nonce, aad, plaintext) : xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
  const out = new Uint8Array(NONCE_BYTES + ct.length);
  out.set(nonce, 0);
  out.set(ct, NONCE_BYTES);
  return out;
}

/**
 * Returns the plaintext, or null when the blob does not authenticate under this key and AAD.
 * `into` (noble only, exactly the plaintext's length): decrypt there instead of into new memory.
 */
export function open(key: Uint8Array, aad: Uint8Array, blob: Uint8Array, into?: Uint8Array): Uint8Array | null {
  if (blob.length < NONCE_BYTES + TAG_BYTES) return null;
  const nonce = blob.subarray(0, NONCE_BYTES);
  const sealed = blob.subarray(NONCE_BYTES);
  try {
    return useNative() ? native.decrypt(key, nonce, aad, sealed) : xchacha20poly1305(key, nonce, aad).decrypt(sealed, into);
  } catch {
    return null;
  }
}

/** Plaintexts up to this size are decrypted into one reused buffer by openTransient. */
const SCRATCH_MAX_BYTES = 256 * 1024;
let scratch = new Uint8Array(0);
let scratchInUse = false;

/**
 * Opens a blob whose plaintext `use` reads and copies from before it returns; the plaintext is
 * then wiped. With noble (the desktop app) it is decrypted into one reused buffer: decrypting
 * each index bucket into new memory touched ~16 MB of fresh pages in a 100,000-item unlock,
 * and a page's first touch is not free. Null when the blob does not authenticate.
 */
export function openTransient<T>(key: Uint8Array, aad: Uint8Array, blob: Uint8Array, use: (plain: Uint8Array) => T): T | null {
  const length = blob.length - NONCE_BYTES - TAG_BYTES;
  const reuse = !useNative() && !scratchInUse && length >= 0 && length <= SCRATCH_MAX_BYTES;
  if (reuse && scratch.length < length) scratch = new Uint8Array(Math.min(SCRATCH_MAX_BYTES, Math.max(length, scratch.length * 2, 64 * 1024)));
  const plain = open(key, aad, blob, reuse ? scratch.subarray(0, length) : undefined);
  if (!plain) return null;
  scratchInUse ||= reuse;
  try {
    return use(plain);
  } finally {
    plain.fill(0);
    if (reuse) scratchInUse = false;
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
