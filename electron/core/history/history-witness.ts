// This machine's witness of each vault's history head: the newest event {seq, mac} it saw at
// its last unlock or lock, kept outside the vault file (in the user-data folder) and HMAC'd
// with the vault's event MAC key. An attacker who can write the vault file can cut the newest
// events and copy back an older head (and checkpoint) that is authentic in itself; only a
// record kept elsewhere can tell it is older than what this machine already saw. Deleting or
// damaging this file loses the witness (the check then has nothing to compare with); it can
// never make an intact history look broken, because only a valid tag is believed.
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChainPoint } from './chain-records';

export const WITNESS_FILE = 'history-seen.json';

interface Entry {
  seq: number;
  mac: string;
  tag: string;
}

function tag(key: Uint8Array, vaultId: string, seq: number, mac: Uint8Array): Buffer {
  return createHmac('sha256', key).update(`keystash history-seen|${vaultId}|${seq}|`).update(mac).digest();
}

function readAll(file: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export class HistoryWitness {
  private readonly file: string;

  constructor(
    dir: string,
    private readonly vaultId: string,
    private readonly key: Uint8Array,
  ) {
    this.file = path.join(dir, WITNESS_FILE);
  }

  /** The head this machine last saw for this vault, or null when it saw none (or the record does not authenticate). */
  read(): ChainPoint | null {
    const e = readAll(this.file)[this.vaultId] as Partial<Entry> | undefined;
    if (!e || typeof e.seq !== 'number' || typeof e.mac !== 'string' || typeof e.tag !== 'string') return null;
    const mac = Buffer.from(e.mac, 'hex');
    const given = Buffer.from(e.tag, 'hex');
    const expected = tag(this.key, this.vaultId, e.seq, mac);
    if (mac.length !== 32 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { seq: e.seq, mac };
  }

  /** Remembers `point` as the newest head seen here; atomic, so a crash never leaves half a file. */
  write(point: ChainPoint): void {
    const all = readAll(this.file);
    all[this.vaultId] = { seq: point.seq, mac: point.mac.toString('hex'), tag: tag(this.key, this.vaultId, point.seq, point.mac).toString('hex') } satisfies Entry;
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
