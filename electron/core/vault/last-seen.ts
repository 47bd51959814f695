// This machine's "last state seen" of each vault: the highest manifest `seq` it has seen,
// kept outside the vault file (in the user-data folder, next to settings.json, shared by the
// app and the CLI) and MAC'd with the vault's manifest key, so neither a forged entry nor one
// copied from another vault counts. A vault whose manifest is behind it was rolled back as a
// whole file (a backup restore, a sync host, malware): nothing inside the file can show that.
// A missing or damaged file only loses the warning; it never stops an unlock.
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RollbackWarning } from '../../../shared/integrity';
import type { SessionKeys } from './session-keys';

interface Entry {
  seq: number;
  mac: string;
}

export class LastSeen {
  constructor(private readonly file: string) {}

  /** A warning when this machine once saw a newer state of this vault than `seq`. */
  check(keys: SessionKeys, seq: number): RollbackWarning | null {
    const seen = this.seen(keys);
    if (seen === null || seen <= seq) return null;
    return {
      seenSeq: seen,
      fileSeq: seq,
      message: `This vault is older than the one this computer last saw (state ${seq}, last seen ${seen}): the file was replaced by an older copy, so recent changes may be missing.`,
    };
  }

  /** Remembers `seq` for this vault unless a higher one is already remembered. */
  record(keys: SessionKeys, seq: number): void {
    const seen = this.seen(keys);
    if (seen !== null && seen >= seq) return;
    const all = this.readAll();
    all[keys.vaultId] = { seq, mac: mac(keys, seq) };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      // Written whole and renamed, so a crash never leaves half a file.
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(all, null, 2), { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch {
      // Only the rollback warning depends on it; a read-only folder must not break the vault.
    }
  }

  private seen(keys: SessionKeys): number | null {
    const e = this.readAll()[keys.vaultId];
    if (!e || !Number.isSafeInteger(e.seq) || typeof e.mac !== 'string') return null;
    const want = Buffer.from(mac(keys, e.seq), 'hex');
    const got = Buffer.from(e.mac, 'hex');
    return got.length === want.length && timingSafeEqual(got, want) ? e.seq : null;
  }

  private readAll(): Record<string, Entry> {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Entry>) : {};
    } catch {
      return {};
    }
  }
}

function mac(keys: SessionKeys, seq: number): string {
  return createHmac('sha256', keys.manifestKey).update(`keystash last-seen|${keys.vaultId}|${seq}`).digest('hex');
}
