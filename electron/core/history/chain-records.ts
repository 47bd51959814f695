// The authenticated bookkeeping records of the usage-event chain, kept in the `meta` table:
//  - head:       the newest event's {seq, mac}, rewritten in the same transaction as every
//                append, so deleting the newest events (a truncated tail) is detectable. It
//                also carries the alarm bit: set when a check found the head missing, altered,
//                older than this machine last saw, or the tail cut off, and cleared only when
//                the user acknowledges it (history-alarm.ts). A re-written head therefore
//                cannot quietly erase the finding;
//  - checkpoint: the last {seq, mac} a verification found intact, so unlock re-checks only
//                what was appended since;
//  - anchor:     the last pruned event's {seq, mac}, the chain's start after retention pruning.
// Each record is HMAC'd with the event MAC key and its own name, so none can be forged or
// swapped for another; only removal or replay of an older copy remains possible, and the
// chain walk, the alarm bit and this machine's witness (history-witness.ts) report those.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../vault/db';
import { metaStore, type MetaRecords } from '../vault/meta-records';
import type { SessionKeys } from '../vault/session-keys';

export type ChainRecordName = 'history-head' | 'history-checkpoint' | 'history-anchor';

export interface ChainPoint {
  seq: number;
  mac: Buffer;
}

export type ChainRecord = { state: 'absent' } | { state: 'invalid' } | { state: 'ok'; point: ChainPoint; alarm: boolean };

const MAC_BYTES = 32;
const SEQ_BYTES = 8;
/** seq | mac | tag: records written before the alarm bit existed (read, never written). */
const V1_BYTES = SEQ_BYTES + MAC_BYTES * 2;
/** seq | mac | flags | tag. */
const V2_BYTES = V1_BYTES + 1;

function tagV1(key: Uint8Array, name: ChainRecordName, seq: number, mac: Uint8Array): Buffer {
  return createHmac('sha256', key).update(`keystash chain-record|${name}|${seq}|`).update(mac).digest();
}

function tagV2(key: Uint8Array, name: ChainRecordName, seq: number, flags: number, mac: Uint8Array): Buffer {
  return createHmac('sha256', key).update(`keystash chain-record v2|${name}|${seq}|${flags}|`).update(mac).digest();
}

export function encodeRecord(key: Uint8Array, name: ChainRecordName, point: ChainPoint, alarm = false): Buffer {
  const seq = Buffer.alloc(SEQ_BYTES);
  seq.writeBigUInt64BE(BigInt(point.seq));
  const flags = alarm ? 1 : 0;
  return Buffer.concat([seq, point.mac, Buffer.from([flags]), tagV2(key, name, point.seq, flags, point.mac)]);
}

export function decodeRecord(key: Uint8Array, name: ChainRecordName, blob: Buffer | undefined): ChainRecord {
  if (!blob) return { state: 'absent' };
  if (blob.length !== V1_BYTES && blob.length !== V2_BYTES) return { state: 'invalid' };
  const seq = Number(blob.readBigUInt64BE(0));
  const mac = Buffer.from(blob.subarray(SEQ_BYTES, SEQ_BYTES + MAC_BYTES));
  const v2 = blob.length === V2_BYTES;
  const flags = v2 ? (blob[SEQ_BYTES + MAC_BYTES] ?? 0) : 0;
  const expected = v2 ? tagV2(key, name, seq, flags, mac) : tagV1(key, name, seq, mac);
  if (!timingSafeEqual(expected, blob.subarray(blob.length - MAC_BYTES))) return { state: 'invalid' };
  return { state: 'ok', point: { seq, mac }, alarm: (flags & 1) === 1 };
}

/** Reads and writes the three records; statements are prepared once per session. */
export class ChainRecords {
  private readonly key: Uint8Array;
  /** The meta-record store keeps the vault's manifest current with each write (vault/meta-records.ts). */
  private readonly store: MetaRecords;

  constructor(db: Db, keys: SessionKeys) {
    this.key = keys.eventMacKey;
    this.store = metaStore(db, keys);
  }

  read(name: ChainRecordName): ChainRecord {
    // A record the manifest does not vouch for (replayed, planted) reads as invalid; a deleted one stays absent.
    const { blob, problem } = this.store.inspect(name);
    if (problem && blob) return { state: 'invalid' };
    return decodeRecord(this.key, name, blob);
  }

  write(name: ChainRecordName, point: ChainPoint, alarm = false): void {
    this.store.writeRaw(name, encodeRecord(this.key, name, point, alarm));
  }
}
