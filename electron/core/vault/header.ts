// The vault header: format version, vault id, salt and KDF parameters in the clear, and the
// random vault key wrapped under the Argon2id-derived key. The whole header is the AAD of
// that wrap, so changing any header byte makes unlock fail instead of yielding a key.
// While a password change made on another synced device waits to be taken in, the wrap is a
// hand-over instead (password-handover.ts), and the hand-over's clear fields join the AAD.
import { createHash, randomUUID } from 'node:crypto';
import type { KdfParams } from '../../../shared/domain';
import { aadFor, FORMAT_VERSION, KEY_BYTES, open, randomBytes, seal, VERSIONED_FORMAT, wipe } from '../crypto/cipher';
import { deriveKey, kdfProblem, SALT_BYTES } from './kdf';
import { KeystashError } from '../errors';
import type { Db } from './db';
import { decodeHandover, encodeHandover, isHandoverBlob, openHandover, type Handover } from './password-handover';

export interface VaultHeader {
  formatVersion: number;
  vaultId: string;
  salt: Uint8Array;
  kdf: KdfParams;
  /** Set while the vault key waits under a password change made on another device. */
  handover?: Handover;
}

interface HeaderRow {
  format_version: number;
  vault_id: string;
  salt: Buffer;
  kdf_memory_mib: number;
  kdf_iterations: number;
  kdf_parallelism: number;
  wrapped_key: Buffer;
  header_digest: Buffer;
}

function canonical(h: VaultHeader): Uint8Array {
  const text = [
    'keystash-header',
    `format=${h.formatVersion}`,
    `vault=${h.vaultId}`,
    `salt=${Buffer.from(h.salt).toString('hex')}`,
    `m=${h.kdf.memoryMiB}`,
    `t=${h.kdf.iterations}`,
    `p=${h.kdf.parallelism}`,
    // Only a hand-over adds a field, so every ordinary header keeps the bytes it always had.
    ...(h.handover ? [`handover=${JSON.stringify([h.handover.syncId, h.handover.epoch, h.handover.by])}`] : []),
  ].join('|');
  return new TextEncoder().encode(text);
}

function digest(h: VaultHeader): Buffer {
  return createHash('sha256').update(canonical(h)).digest();
}

function wrapAad(h: VaultHeader): Uint8Array {
  const head = aadFor(h.vaultId, 'vault-key', 'wrap');
  const body = canonical(h);
  const out = new Uint8Array(head.length + 1 + body.length);
  out.set(head, 0);
  out[head.length] = 0x7c;
  out.set(body, head.length + 1);
  return out;
}

export function readHeader(db: Db): VaultHeader & { wrappedKey: Uint8Array } {
  const row = db.prepare('SELECT * FROM header WHERE id = 1').get() as HeaderRow | undefined;
  if (!row) throw new KeystashError('integrity', 'The vault header is missing; this file is damaged.');
  const header: VaultHeader = {
    formatVersion: row.format_version,
    vaultId: row.vault_id,
    salt: new Uint8Array(row.salt),
    kdf: { memoryMiB: row.kdf_memory_mib, iterations: row.kdf_iterations, parallelism: row.kdf_parallelism },
  };
  const wrapped = new Uint8Array(row.wrapped_key);
  if (isHandoverBlob(wrapped)) {
    const h = decodeHandover(wrapped);
    if (!h) throw new KeystashError('integrity', 'The vault header was modified; Keystash will not unlock it.');
    header.handover = { syncId: h.syncId, epoch: h.epoch, by: h.by };
  }
  // The digest catches accidental or naive edits with a precise message; a forger who also
  // rewrites it still cannot get past the authenticated key wrap below.
  if (!Buffer.from(row.header_digest).equals(digest(header))) {
    throw new KeystashError('integrity', 'The vault header was modified; Keystash will not unlock it.');
  }
  // Format 1 (no record versions, no manifest) is still opened: its first unlock upgrades it.
  if (header.formatVersion !== FORMAT_VERSION && header.formatVersion !== VERSIONED_FORMAT) {
    throw new KeystashError('integrity', `Unsupported vault format version ${header.formatVersion}.`);
  }
  const problem = kdfProblem(header.kdf);
  if (problem) throw new KeystashError('integrity', `The vault header has unsafe key-derivation settings: ${problem}.`);
  return { ...header, wrappedKey: wrapped };
}

function writeHeader(db: Db, h: VaultHeader, wrappedKey: Uint8Array, createdAt: number | null): void {
  const values = {
    format_version: h.formatVersion,
    vault_id: h.vaultId,
    salt: Buffer.from(h.salt),
    kdf_memory_mib: h.kdf.memoryMiB,
    kdf_iterations: h.kdf.iterations,
    kdf_parallelism: h.kdf.parallelism,
    wrapped_key: Buffer.from(wrappedKey),
    header_digest: digest(h),
  };
  if (createdAt !== null) {
    db.prepare(
      `INSERT INTO header (id, format_version, vault_id, salt, kdf_memory_mib, kdf_iterations, kdf_parallelism, wrapped_key, header_digest, created_at)
       VALUES (1, @format_version, @vault_id, @salt, @kdf_memory_mib, @kdf_iterations, @kdf_parallelism, @wrapped_key, @header_digest, @created_at)`,
    ).run({ ...values, created_at: createdAt });
  } else {
    db.prepare(
      `UPDATE header SET format_version = @format_version, salt = @salt, kdf_memory_mib = @kdf_memory_mib, kdf_iterations = @kdf_iterations,
         kdf_parallelism = @kdf_parallelism, wrapped_key = @wrapped_key, header_digest = @header_digest WHERE id = 1`,
    ).run(values);
  }
}

/** Writes a new header with a fresh vault key; returns the vault key and the header. */
export async function initHeader(db: Db, password: string, kdf: KdfParams, now: number): Promise<{ key: Uint8Array; header: VaultHeader }> {
  const header: VaultHeader = { formatVersion: VERSIONED_FORMAT, vaultId: randomUUID(), salt: randomBytes(SALT_BYTES), kdf };
  const key = randomBytes(KEY_BYTES);
  const kek = await deriveKey(password, header.salt, kdf);
  try {
    writeHeader(db, header, seal(kek, wrapAad(header), key), now);
  } finally {
    wipe(kek);
  }
  return { key, header };
}

/** Returns the vault key, or null when the password (or a forged header) does not open the wrap. */
export async function unwrapKey(db: Db, password: string): Promise<{ key: Uint8Array; header: VaultHeader } | null> {
  const { wrappedKey, ...header } = readHeader(db);
  const kek = await deriveKey(password, header.salt, header.kdf);
  try {
    const handover = header.handover ? decodeHandover(wrappedKey) : null;
    const key = handover ? openHandover(kek, header.salt, header.kdf, handover, wrapAad(header)) : open(kek, wrapAad(header), wrappedKey);
    if (!key || key.length !== KEY_BYTES) return null;
    return { key, header };
  } finally {
    wipe(kek);
  }
}

/**
 * Re-wraps the existing vault key under a new password and/or KDF parameters with a fresh salt.
 * Items are not re-encrypted: only the header row changes. The caller runs it in a transaction.
 */
export async function prepareRewrap(key: Uint8Array, current: VaultHeader, password: string, kdf: KdfParams): Promise<(db: Db) => VaultHeader> {
  // An ordinary wrap again: a hand-over ends with the first unlock under the new password.
  const { handover: _handover, ...rest } = current;
  const header: VaultHeader = { ...rest, salt: randomBytes(SALT_BYTES), kdf };
  const kek = await deriveKey(password, header.salt, kdf);
  const wrapped = seal(kek, wrapAad(header), key);
  wipe(kek);
  return (db) => {
    writeHeader(db, header, wrapped, null);
    return header;
  };
}

/**
 * Hands the vault key over to a password change made on another device (password-handover.ts):
 * from now on only the new password opens this header. `envelope` is that change's key envelope
 * (its salt, settings and wrap of the sync key `syncKey`). In the caller's transaction.
 */
export function handOverHeader(
  db: Db,
  current: VaultHeader,
  key: Uint8Array,
  syncKey: Uint8Array,
  envelope: Handover & { salt: Uint8Array; kdf: KdfParams; envelopeWrap: Uint8Array },
): VaultHeader {
  const { handover: _earlier, ...rest } = current;
  const handover: Handover = { syncId: envelope.syncId, epoch: envelope.epoch, by: envelope.by };
  const header: VaultHeader = { ...rest, salt: envelope.salt, kdf: { ...envelope.kdf }, handover };
  const sealedKey = seal(syncKey, wrapAad(header), key);
  writeHeader(db, header, encodeHandover({ ...handover, envelopeWrap: envelope.envelopeWrap, sealedKey }), null);
  return header;
}
