// The authenticated manifest: which index buckets and meta records the vault holds, each with
// its version and a digest of its stored blob, under one HMAC keyed from the vault key. Item
// records are covered one level down: each bucket's encrypted rows carry their items' versions
// and digests, so unlock checks one MAC plus the digests of the buckets it decrypts anyway.
// Every write updates it in the write's own transaction and bumps `seq`, the vault's state
// counter that this machine's "last state seen" (last-seen.ts) remembers.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { KeystashError } from '../errors';
import type { Db } from './db';
import type { SessionKeys } from './session-keys';
import { statement } from './statements';

/** A record's current version and the digest of its stored blob. */
export type ManifestEntry = [version: number, digest: string];

export interface ManifestBody {
  /** Bumped by every write: how far this vault's state has moved. */
  seq: number;
  /** Index bucket id → entry. */
  buckets: Record<string, ManifestEntry>;
  /** Meta record name → entry. */
  meta: Record<string, ManifestEntry>;
}

/** A short digest of a stored blob: 128 bits of SHA-256, enough to tell one write from another. */
export function digestOf(blob: Uint8Array): string {
  return createHash('sha256').update(blob).digest().subarray(0, 16).toString('base64');
}

/**
 * The digest of a sealed blob that is decrypted whenever it is used (index buckets): its nonce
 * and Poly1305 tag. Opening the blob authenticates exactly these bytes, and no other blob can
 * share them without a forgery, so unlock need not hash the buckets it decrypts anyway.
 */
export function sealedDigest(blob: Uint8Array): string {
  return Buffer.concat([blob.subarray(0, 24), blob.subarray(Math.max(24, blob.length - 16))]).toString('base64');
}

export function emptyManifest(): ManifestBody {
  return { seq: 0, buckets: {}, meta: {} };
}

/** The manifest as last verified or written by this session, with the exact bytes stored. */
interface Verified {
  body: Buffer;
  mac: Buffer;
  parsed: ManifestBody;
}

/**
 * A write reads the manifest two to four times (its bucket, then each meta record it touches,
 * through different Manifest objects of the same session). When the stored bytes are exactly
 * the ones verified last under the same keys and connection, the MAC and parse are not
 * redone: another writer, a rolled-back transaction or an edit all change the bytes.
 */
const lastVerified = new WeakMap<SessionKeys, Verified & { db: Db }>();

export class Manifest {
  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
  ) {}

  /**
   * The verified manifest; an `integrity` error when it is missing or was altered. The object
   * is shared with later reads until the stored manifest changes: do not change it.
   */
  read(): Readonly<ManifestBody> {
    return this.readShared();
  }

  private readShared(): ManifestBody {
    const row = statement(this.db, 'SELECT body, mac FROM manifest WHERE id = 1').get() as { body: Buffer; mac: Buffer } | undefined;
    if (!row) throw new KeystashError('integrity', 'The vault’s integrity manifest is missing: the file was altered.');
    const known = lastVerified.get(this.keys);
    if (known && known.db === this.db && known.body.equals(row.body) && known.mac.equals(row.mac)) return known.parsed;
    const expected = this.mac(row.body);
    if (row.mac.length !== expected.length || !timingSafeEqual(row.mac, expected)) {
      throw new KeystashError('integrity', 'The vault’s integrity manifest failed its check: the file was altered.');
    }
    const parsed = JSON.parse(row.body.toString('utf8')) as ManifestBody;
    lastVerified.set(this.keys, { db: this.db, body: row.body, mac: row.mac, parsed });
    return parsed;
  }

  /** Null instead of an error: for unlock, which reports the problem and carries on read-only. */
  tryRead(): Readonly<ManifestBody> | null {
    try {
      return this.read();
    } catch {
      return null;
    }
  }

  /** Changes a verified copy and writes it back with the next seq; runs in the caller's transaction. */
  update(change: (m: ManifestBody) => void): void {
    const m = this.readShared();
    // The shared copy is changed in place; until it is written, no read may hand it out.
    lastVerified.delete(this.keys);
    change(m);
    m.seq++;
    this.write(m);
  }

  /** Writes a manifest built from scratch (a new vault, or the one-time migration). */
  write(m: ManifestBody): void {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    const mac = this.mac(body);
    statement(this.db, 'INSERT INTO manifest (id, body, mac) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body, mac = excluded.mac').run(body, mac);
    // Were the transaction rolled back, the stored bytes differ from these and the next read verifies them.
    lastVerified.set(this.keys, { db: this.db, body, mac, parsed: m });
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.keys.manifestKey).update(`keystash manifest|${this.keys.vaultId}|`).update(body).digest();
  }
}
