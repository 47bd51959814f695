// Whole-vault state at unlock and lock: the manifest a new vault starts with, the one-time
// upgrade of a format-1 vault (its header re-wrapped as format 2, so the format cannot be
// turned back to skip the manifest), and this machine's "last state seen" (last-seen.ts):
// the rollback warning at unlock, and the newest state remembered at unlock and lock.
import type { RollbackWarning } from '../../../shared/integrity';
import { VERSIONED_FORMAT } from '../crypto/cipher';
import type { Db } from './db';
import { prepareRewrap, type VaultHeader } from './header';
import { LastSeen } from './last-seen';
import { emptyManifest, Manifest } from './manifest';
import type { SessionKeys } from './session-keys';
import { upgradeToVersioned } from './upgrade';

/** Work done with the keys inside the unlock's first transaction; returns a replaced header, if any. */
export type StateSetup = (db: Db, keys: SessionKeys) => VaultHeader | null;

/** A brand-new vault: an empty manifest. */
export const freshManifest: StateSetup = (db, keys) => {
  new Manifest(db, keys).write(emptyManifest());
  return null;
};

/**
 * For a format-1 vault, the upgrade to run at this unlock (the new wrap costs one more key
 * derivation, once); null for a vault that is already format 2.
 */
export async function upgradeFor(key: Uint8Array, header: VaultHeader, password: string): Promise<StateSetup | null> {
  if (header.formatVersion >= VERSIONED_FORMAT) return null;
  const rewrap = await prepareRewrap(key, { ...header, formatVersion: VERSIONED_FORMAT }, password, header.kdf);
  return (db, keys) => {
    upgradeToVersioned(db, keys);
    return rewrap(db);
  };
}

export class StateMemory {
  private readonly lastSeen: LastSeen | null;

  /** `file` is this machine's last-seen file; without one (tests, the benchmark) nothing is remembered. */
  constructor(
    private readonly db: Db,
    file: string | undefined,
  ) {
    this.lastSeen = file ? new LastSeen(file) : null;
  }

  /** At unlock: the rollback warning, if any, then this state is remembered. */
  check(keys: SessionKeys): RollbackWarning | null {
    const m = new Manifest(this.db, keys).tryRead();
    if (!this.lastSeen || !m) return null;
    const warning = this.lastSeen.check(keys, m.seq);
    this.lastSeen.record(keys, m.seq);
    return warning;
  }

  /** At lock: the newest state this session wrote or saw. */
  remember(keys: SessionKeys): void {
    const m = new Manifest(this.db, keys).tryRead();
    if (this.lastSeen && m) this.lastSeen.record(keys, m.seq);
  }
}
