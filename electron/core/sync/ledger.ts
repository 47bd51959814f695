// What a device keeps about sync in its own vault file: the sync settings and what it has seen
// of every other device (one meta record, `sync-state`, sealed and covered by the vault's
// authenticated manifest, so rolling it back or editing it is an integrity error), the per-item
// field stamps (`sync_items`, each row sealed to its item id) and the batches written here but
// not yet on the target (`sync_outbox`, already sealed under the sync key).
// Which items changed since they were last synced is kept by SQLite itself: triggers on the
// items table add the id to `sync_dirty` in the same transaction as every item write, from any
// process (the app, the CLI, an import's own connection), so a push reads only those items.
//
// The two tables are created when sync is set up rather than by a vault migration: a vault that
// never syncs carries nothing of it, and sync adds no step to the schema's version sequence.
import type { Statement } from 'better-sqlite3';
import type { SyncReport, SyncTargetInfo } from '../../../shared/sync';
import { KeystashError } from '../errors';
import type { Db } from '../vault/db';
import { metaStore } from '../vault/meta-records';
import type { SessionKeys } from '../vault/session-keys';
import type { DeviceKeyPair } from './device-keys';
import type { HlcState } from './hlc';
import type { LedgerEntry } from './item-merge';

export type TargetConfig = { kind: 'folder'; path: string } | { kind: 'webdav'; url: string; user: string; password: string };

export interface PeerState {
  /** The newest batch applied from this device, and the digest of its bytes. */
  seq: number;
  digest: string;
  name: string;
  /** When that batch was written, by its own clock. */
  lastSeenAt: number | null;
  /** Its X25519 public key, from its batches. */
  publicKey?: string;
}

export interface LastSync {
  at: number;
  ok: boolean;
  report: SyncReport | null;
  error: string | null;
}

export interface SyncState {
  syncId: string;
  deviceId: string;
  deviceName: string;
  target: TargetConfig;
  /** The sync keys by epoch, base64 (the vault's own key never leaves this file); new batches use `epoch`'s. */
  keys: Record<string, string>;
  epoch: string;
  /** This device's X25519 pair: revocations wrap the next sync key to its public half. */
  deviceKeys: DeviceKeyPair;
  /** Devices revoked so far: their later batches are ignored. */
  revoked: string[];
  /** Set when another device revoked this one (its name): this device no longer syncs. */
  revokedBy: string | null;
  /** The last batch this device wrote, and its digest. */
  ownSeq: number;
  ownDigest: string;
  ownLastAt: number | null;
  /** The device name the last batch carried. */
  announcedName: string;
  clock: HlcState;
  peers: Record<string, PeerState>;
  lastSync: LastSync | null;
  /** The newest master-password change this device follows (its clock stamp and epoch); absent until one. */
  password?: { stamp: string; epoch: string; by: string; at: number; here: boolean };
  /** Key envelopes made here that the next run writes to the target before any batch (a password change's). */
  pendingFiles?: { path: string; bytes: string }[];
  /**
   * Usage events (events.ts): the newest local event already looked at for pushing (events
   * recorded before sync started stay on this device), and per device the newest of its own
   * event numbers applied here. Absent in vaults set up before events synced.
   */
  eventsSent?: number;
  eventsSeen?: Record<string, number>;
  /** The newest local event when sync started: later ones are this device's synced events. */
  eventsFrom?: number;
  /** Snapshots (snapshot.ts): this device's newest one (its own batch number), the bytes of its batches since, and the last own batch sealed under an older key (kept). */
  snapshotSeq?: number;
  bytesSinceSnapshot?: number;
  epochFromSeq?: number;
}

const STATE = 'sync-state';
const TABLES = `
  CREATE TABLE IF NOT EXISTS sync_items (
    id         TEXT    PRIMARY KEY,
    version    INTEGER NOT NULL,
    purged     INTEGER NOT NULL,
    conflicted INTEGER NOT NULL,
    blob       BLOB    NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS sync_dirty (id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TRIGGER IF NOT EXISTS sync_dirty_insert AFTER INSERT ON items BEGIN INSERT OR IGNORE INTO sync_dirty (id) VALUES (NEW.id); END;
  CREATE TRIGGER IF NOT EXISTS sync_dirty_update AFTER UPDATE OF version ON items BEGIN INSERT OR IGNORE INTO sync_dirty (id) VALUES (NEW.id); END;
  CREATE TRIGGER IF NOT EXISTS sync_dirty_delete AFTER DELETE ON items BEGIN INSERT OR IGNORE INTO sync_dirty (id) VALUES (OLD.id); END;
  CREATE TABLE IF NOT EXISTS sync_outbox (
    seq   INTEGER PRIMARY KEY,
    path  TEXT    NOT NULL,
    bytes BLOB    NOT NULL
  );
`;

export function targetInfo(t: TargetConfig): SyncTargetInfo {
  return t.kind === 'folder' ? { kind: 'folder', path: t.path } : { kind: 'webdav', url: t.url, user: t.user };
}

/** The sync key of an epoch, or null when this device was not given it. */
export function keyOf(state: SyncState, epoch: string): Uint8Array | null {
  const k = state.keys[epoch];
  return k ? new Uint8Array(Buffer.from(k, 'base64')) : null;
}

/** Epochs order by their counter, then by the id of the device that made them. */
export function laterEpoch(a: string, b: string): string {
  const n = (e: string): number => Number(e.split('-')[0]);
  return n(a) !== n(b) ? (n(a) > n(b) ? a : b) : a > b ? a : b;
}

export interface LedgerRow {
  id: string;
  version: number;
  purged: boolean;
  entry: LedgerEntry;
}

/** Sync's records in one vault connection, for an unlocked session's keys. */
export class LedgerStore {
  /** Prepared once per store: a join applies thousands of entries, and preparing cost as much as running. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
  ) {}

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  hasTables(): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_items'").get() !== undefined;
  }

  /** The sync settings, or null when this vault does not sync. */
  state(): SyncState | null {
    return metaStore(this.db, this.keys).read<SyncState>(STATE, 'The sync settings');
  }

  requireState(): SyncState {
    const s = this.state();
    if (!s) throw new KeystashError('not-found', 'This vault does not sync yet. Set it up with `keystash sync setup` or in Settings → Sync.');
    return s;
  }

  /** Creates the tables and stores the first state; in the caller's transaction. */
  create(state: SyncState): void {
    if (this.state()) throw new KeystashError('exists', 'This vault already syncs; its target stays as it is.');
    this.db.exec(TABLES);
    // Every item there is now has yet to be pushed.
    this.db.exec('INSERT OR IGNORE INTO sync_dirty (id) SELECT id FROM items');
    this.writeState(state);
  }

  writeState(state: SyncState): void {
    metaStore(this.db, this.keys).write(STATE, state);
  }

  entry(id: string): LedgerRow | null {
    const row = this.stmt('SELECT id, version, purged, blob FROM sync_items WHERE id = ?').get(id) as
      | { id: string; version: number; purged: number; blob: Buffer }
      | undefined;
    if (!row) return null;
    // A row that does not open (damaged, or moved from another item) is forgotten: the item then
    // counts as new here, and its next change carries every field again.
    const entry = this.keys.tryOpen<LedgerEntry>('meta', `sync-item:${id}`, row.blob);
    if (!entry) return null;
    return { id: row.id, version: row.version, purged: row.purged === 1, entry };
  }

  putEntry(id: string, version: number, entry: LedgerEntry, purged = false): void {
    const blob = this.keys.seal('meta', `sync-item:${id}`, entry);
    this.stmt(
      `INSERT INTO sync_items (id, version, purged, conflicted, blob) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET version = excluded.version, purged = excluded.purged, conflicted = excluded.conflicted, blob = excluded.blob`,
    ).run(id, version, purged ? 1 : 0, entry.conflicts.length > 0 ? 1 : 0, blob);
  }

  /** Items written since they were last synced: their current record version, or null when purged here. */
  dirty(limit: number): { id: string; version: number | null }[] {
    return this.stmt('SELECT d.id AS id, i.version AS version FROM sync_dirty d LEFT JOIN items i ON i.id = d.id LIMIT ?').all(limit) as {
      id: string;
      version: number | null;
    }[];
  }

  /** The item's write is accounted for: pushed, or the result of applying another device's change. */
  clean(id: string): void {
    this.stmt('DELETE FROM sync_dirty WHERE id = ?').run(id);
  }

  pendingCount(): number {
    if (!this.hasTables()) return 0;
    return this.stmt('SELECT COUNT(*) FROM sync_dirty').pluck().get() as number;
  }

  conflictedIds(): string[] {
    if (!this.hasTables()) return [];
    return this.db.prepare('SELECT id FROM sync_items WHERE conflicted = 1 AND purged = 0 ORDER BY id').pluck().all() as string[];
  }

  queue(seq: number, path: string, bytes: Uint8Array): void {
    this.db.prepare('INSERT INTO sync_outbox (seq, path, bytes) VALUES (?, ?, ?)').run(seq, path, Buffer.from(bytes));
  }

  outbox(): { seq: number; path: string; bytes: Buffer }[] {
    if (!this.hasTables()) return [];
    return this.db.prepare('SELECT seq, path, bytes FROM sync_outbox ORDER BY seq').all() as { seq: number; path: string; bytes: Buffer }[];
  }

  sent(seq: number): void {
    this.db.prepare('DELETE FROM sync_outbox WHERE seq = ?').run(seq);
  }
}

const stores = new WeakMap<Db, WeakMap<SessionKeys, LedgerStore>>();

/** One store (and its prepared statements) per connection and unlocked session. */
export function ledgerStore(db: Db, keys: SessionKeys): LedgerStore {
  let byKeys = stores.get(db);
  if (!byKeys) stores.set(db, (byKeys = new WeakMap()));
  let store = byKeys.get(keys);
  if (!store) byKeys.set(keys, (store = new LedgerStore(db, keys)));
  return store;
}
