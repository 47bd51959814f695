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

export class Manifest {
  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
  ) {}

  /** The verified manifest; an `integrity` error when it is missing or was altered. */
  read(): ManifestBody {
    const row = this.db.prepare('SELECT body, mac FROM manifest WHERE id = 1').get() as { body: Buffer; mac: Buffer } | undefined;
    if (!row) throw new KeystashError('integrity', 'The vault’s integrity manifest is missing: the file was altered.');
    const expected = this.mac(row.body);
    if (row.mac.length !== expected.length || !timingSafeEqual(row.mac, expected)) {
      throw new KeystashError('integrity', 'The vault’s integrity manifest failed its check: the file was altered.');
    }
    return JSON.parse(row.body.toString('utf8')) as ManifestBody;
  }

  /** Null instead of an error: for unlock, which reports the problem and carries on read-only. */
  tryRead(): ManifestBody | null {
    try {
      return this.read();
    } catch {
      return null;
    }
  }

  /** Changes a verified copy and writes it back with the next seq; runs in the caller's transaction. */
  update(change: (m: ManifestBody) => void): void {
    const m = this.read();
    change(m);
    m.seq++;
    this.write(m);
  }

  /** Writes a manifest built from scratch (a new vault, or the one-time migration). */
  write(m: ManifestBody): void {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    this.db
      .prepare('INSERT INTO manifest (id, body, mac) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body, mac = excluded.mac')
      .run(body, this.mac(body));
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.keys.manifestKey).update(`keystash manifest|${this.keys.vaultId}|`).update(body).digest();
  }
}
