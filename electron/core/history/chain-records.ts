// The authenticated bookkeeping records of the usage-event chain, kept in the `meta` table:
//  - head:       the newest event's {seq, mac}, rewritten in the same transaction as every
//                append, so deleting the newest events (a truncated tail) is detectable;
//  - checkpoint: the last {seq, mac} a verification found intact, so unlock re-checks only
//                what was appended since;
//  - anchor:     the last pruned event's {seq, mac}, the chain's start after retention pruning.
// Each record is HMAC'd with the event MAC key and its own name, so none can be forged or
// swapped for another; only removal or replay of an older copy remains possible, and the
// chain walk reports both as missing or mismatched events.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../vault/db';

export type ChainRecordName = 'history-head' | 'history-checkpoint' | 'history-anchor';

export interface ChainPoint {
  seq: number;
  mac: Buffer;
}

export type ChainRecord = { state: 'absent' } | { state: 'invalid' } | { state: 'ok'; point: ChainPoint };

const MAC_BYTES = 32;
const SEQ_BYTES = 8;

function tag(key: Uint8Array, name: ChainRecordName, seq: number, mac: Uint8Array): Buffer {
  return createHmac('sha256', key).update(`keystash chain-record|${name}|${seq}|`).update(mac).digest();
}

export function encodeRecord(key: Uint8Array, name: ChainRecordName, point: ChainPoint): Buffer {
  const seq = Buffer.alloc(SEQ_BYTES);
  seq.writeBigUInt64BE(BigInt(point.seq));
  return Buffer.concat([seq, point.mac, tag(key, name, point.seq, point.mac)]);
}

export function decodeRecord(key: Uint8Array, name: ChainRecordName, blob: Buffer | undefined): ChainRecord {
  if (!blob) return { state: 'absent' };
  if (blob.length !== SEQ_BYTES + MAC_BYTES * 2) return { state: 'invalid' };
  const seq = Number(blob.readBigUInt64BE(0));
  const mac = Buffer.from(blob.subarray(SEQ_BYTES, SEQ_BYTES + MAC_BYTES));
  const expected = tag(key, name, seq, mac);
  if (!timingSafeEqual(expected, blob.subarray(SEQ_BYTES + MAC_BYTES))) return { state: 'invalid' };
  return { state: 'ok', point: { seq, mac } };
}

/** Reads and writes the three records; statements are prepared once per session. */
export class ChainRecords {
  private readonly get: Database.Statement<[string], { blob: Buffer }>;
  private readonly put: Database.Statement<[string, Buffer]>;

  constructor(
    db: Db,
    private readonly key: Uint8Array,
  ) {
    this.get = db.prepare('SELECT blob FROM meta WHERE name = ?');
    this.put = db.prepare('INSERT INTO meta (name, blob) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET blob = excluded.blob');
  }

  read(name: ChainRecordName): ChainRecord {
    const row = this.get.get(name);
    return decodeRecord(this.key, name, row?.blob);
  }

  write(name: ChainRecordName, point: ChainPoint): void {
    this.put.run(name, encodeRecord(this.key, name, point));
  }
}
