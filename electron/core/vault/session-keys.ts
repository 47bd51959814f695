// The keys of an unlocked vault and the record-level seal/open built on them. Dropping a
// SessionKeys (lock) wipes every key it holds. A record's `version` (items, index buckets and
// meta records) goes into its AAD; leaving it out uses the format-1 AAD (events, migration).
import { hkdfSync } from 'node:crypto';
import { aadFor, openJson, openTransient, seal, sealJson, wipe, type RecordKind } from '../crypto/cipher';
import { KeystashError } from '../errors';

export class SessionKeys {
  readonly vaultId: string;
  private vaultKey: Uint8Array;
  /** Keys the tamper-evident MAC chain of usage events; derived so it is never the encryption key. */
  readonly eventMacKey: Uint8Array;
  /** Keys the manifest's MAC and this machine's "last state seen"; derived, like the event key. */
  readonly manifestKey: Uint8Array;
  /** Keys the health check's score cache (HMACs of passwords, never plain digests); derived, like the event key. */
  readonly healthScoreKey: Uint8Array;

  constructor(vaultId: string, vaultKey: Uint8Array) {
    this.vaultId = vaultId;
    this.vaultKey = vaultKey;
    this.eventMacKey = new Uint8Array(hkdfSync('sha256', vaultKey, new Uint8Array(0), `keystash ${vaultId} event-mac`, 32));
    this.manifestKey = new Uint8Array(hkdfSync('sha256', vaultKey, new Uint8Array(0), `keystash ${vaultId} manifest-mac`, 32));
    this.healthScoreKey = new Uint8Array(hkdfSync('sha256', vaultKey, new Uint8Array(0), `keystash ${vaultId} health-score-mac`, 32));
  }

  get key(): Uint8Array {
    return this.vaultKey;
  }

  seal(kind: RecordKind, recordId: string | number, value: unknown, version?: number): Buffer {
    const blob = sealJson(this.vaultKey, aadFor(this.vaultId, kind, recordId, version), value);
    return Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  }

  /** Opens a record or throws an integrity error that names it. */
  open<T>(kind: RecordKind, recordId: string | number, blob: Uint8Array, what: string, itemIds?: string[], version?: number): T {
    const value = this.tryOpen<T>(kind, recordId, blob, version);
    if (value === null) {
      throw new KeystashError('integrity', `${what} failed its integrity check: the stored data was altered or moved.`, itemIds ? { itemIds } : {});
    }
    return value;
  }

  tryOpen<T>(kind: RecordKind, recordId: string | number, blob: Uint8Array, version?: number): T | null {
    return openJson<T>(this.vaultKey, aadFor(this.vaultId, kind, recordId, version), blob);
  }

  /** Seals bytes the caller encoded itself (index buckets choose their own encoding). */
  sealBytes(kind: RecordKind, recordId: string | number, plaintext: Uint8Array, version?: number): Buffer {
    const blob = seal(this.vaultKey, aadFor(this.vaultId, kind, recordId, version), plaintext);
    return Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  }

  /** Opens and decodes a record; null when it does not authenticate or decode. The plaintext is wiped. */
  tryOpenWith<T>(kind: RecordKind, recordId: string | number, blob: Uint8Array, decode: (plain: Uint8Array) => T | null, version?: number): T | null {
    return openTransient(this.vaultKey, aadFor(this.vaultId, kind, recordId, version), blob, decode);
  }

  destroy(): void {
    wipe(this.vaultKey);
    wipe(this.eventMacKey);
    wipe(this.manifestKey);
    wipe(this.healthScoreKey);
  }
}
