// The record cipher: XChaCha20-Poly1305 with AAD binding. Blobs are the standard
// nonce || ciphertext || tag layout of @noble/ciphers' xchacha20poly1305, checked here in both
// directions so the format never drifts.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it, vi } from 'vitest';
import { aadFor, open, openJson, randomBytes, seal, sealJson } from '../../../electron/core/crypto/cipher';

const key = randomBytes(32);
const aad = aadFor('vault-1', 'item', 'item-1');

describe('record cipher', () => {
  it('round-trips empty, small, multi-block and large plaintexts', () => {
    for (const n of [0, 1, 63, 64, 65, 1000, 100_000]) {
      const pt = randomBytes(n);
      const blob = seal(key, aad, pt);
      expect(blob.length).toBe(24 + n + 16);
      expect(Buffer.from(open(key, aad, blob) ?? new Uint8Array([1, 2, 3]))).toEqual(Buffer.from(pt));
    }
  });

  it('round-trips JSON with non-ASCII text', () => {
    const value = { title: 'Crédit Agricole 🏦', tags: ['façade', 'ß'], n: 3 };
    expect(openJson(key, aad, sealJson(key, aad, value))).toEqual(value);
  });

  it('uses a fresh nonce for every message', () => {
    const pt = new TextEncoder().encode('same plaintext');
    const a = seal(key, aad, pt);
    const b = seal(key, aad, pt);
    expect(Buffer.from(a.subarray(0, 24)).equals(Buffer.from(b.subarray(0, 24)))).toBe(false);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('is byte-compatible with the reference XChaCha20-Poly1305 in both directions', () => {
    for (const n of [0, 5, 64, 300, 4096]) {
      const pt = randomBytes(n);
      const ours = seal(key, aad, pt);
      const theirs = xchacha20poly1305(key, ours.subarray(0, 24), aad).decrypt(ours.subarray(24));
      expect(Buffer.from(theirs)).toEqual(Buffer.from(pt));

      const nonce = randomBytes(24);
      const ct = xchacha20poly1305(key, nonce, aad).encrypt(pt);
      const blob = new Uint8Array(24 + ct.length);
      blob.set(nonce, 0);
      blob.set(ct, 24);
      expect(Buffer.from(open(key, aad, blob) ?? new Uint8Array([1]))).toEqual(Buffer.from(pt));
    }
  });

  it('refuses a blob under another AAD, another key, or with any single bit flipped', () => {
    const pt = new TextEncoder().encode('secret value');
    const blob = seal(key, aad, pt);
    expect(open(key, aadFor('vault-1', 'item', 'item-2'), blob)).toBeNull();
    expect(open(key, aadFor('vault-2', 'item', 'item-1'), blob)).toBeNull();
    expect(open(key, aadFor('vault-1', 'index', 'item-1'), blob)).toBeNull();
    expect(open(randomBytes(32), aad, blob)).toBeNull();
    for (let bit = 0; bit < blob.length * 8; bit += 3) {
      const bad = Uint8Array.from(blob);
      bad[bit >> 3] = (bad[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      expect(open(key, aad, bad)).toBeNull();
    }
    expect(open(key, aad, blob.subarray(0, blob.length - 1))).toBeNull();
    expect(open(key, aad, new Uint8Array(10))).toBeNull();
    expect(openJson(key, aad, blob.subarray(0, 39))).toBeNull();
  });
});

describe('runtime without ChaCha20-Poly1305 (Electron/BoringSSL)', () => {
  it('falls back to the pure-JS cipher with the same blob format', async () => {
    vi.resetModules();
    vi.doMock('node:crypto', async (importOriginal) => {
      const real = await importOriginal<typeof import('node:crypto')>();
      return { ...real, getCiphers: () => real.getCiphers().filter((c) => !c.includes('chacha20')) };
    });
    try {
      const fallback = await import('../../../electron/core/crypto/cipher');
      const pt = randomBytes(777);
      const fromFallback = fallback.seal(key, aad, pt);
      expect(Buffer.from(open(key, aad, fromFallback) ?? new Uint8Array(1))).toEqual(Buffer.from(pt));
      const fromNative = seal(key, aad, pt);
      expect(Buffer.from(fallback.open(key, aad, fromNative) ?? new Uint8Array(1))).toEqual(Buffer.from(pt));
      const bad = Uint8Array.from(fromNative);
      bad[100] = (bad[100] ?? 0) ^ 1;
      expect(fallback.open(key, aad, bad)).toBeNull();

      // openTransient: the plaintext lent to `use`, wiped once it returns, the buffer reused.
      const seen: Uint8Array[] = [];
      const copyOf = (blob: Uint8Array) =>
        fallback.openTransient(key, aad, blob, (plain) => {
          seen.push(plain);
          return Buffer.from(plain);
        });
      const other = randomBytes(5000);
      expect(copyOf(fromNative)).toEqual(Buffer.from(pt));
      expect(copyOf(seal(key, aad, other))).toEqual(Buffer.from(other));
      expect(seen[0]?.buffer).toBe(seen[1]?.buffer);
      for (const plain of seen) expect(plain.every((b) => b === 0)).toBe(true);
      expect(fallback.openTransient(key, aad, bad, () => 'called')).toBeNull();
      expect(fallback.openTransient(key, aad, new Uint8Array(10), () => 'called')).toBeNull();
      // Opened inside another's use: its own buffer, and the outer plaintext is left intact.
      const nested = fallback.openTransient(key, aad, fromNative, (outer) => {
        const inner = copyOf(seal(key, aad, other));
        return [Buffer.from(outer), inner];
      });
      expect(nested).toEqual([Buffer.from(pt), Buffer.from(other)]);
      // Larger than the reused buffer takes: decrypted on its own, still wiped.
      const big = randomBytes(300 * 1024);
      expect(copyOf(seal(key, aad, big))).toEqual(Buffer.from(big));
      expect(seen.at(-1)?.every((b) => b === 0)).toBe(true);
      expect(seen.at(-1)?.buffer).not.toBe(seen[0]?.buffer);
    } finally {
      vi.doUnmock('node:crypto');
      vi.resetModules();
    }
  });
});
