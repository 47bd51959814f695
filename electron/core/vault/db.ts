// The vault's SQLite file: connection settings and schema migrations. Only ids, ordering
// timestamps, event kinds and crypto headers are stored in the clear; every value a person
// typed lives inside an encrypted blob.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { KeystashError } from '../errors';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** Path to better-sqlite3's native addon, for processes (Electron) whose ABI differs from Node's. */
  nativeBinding?: string;
}

/** Each entry moves the schema from version index to index + 1. Never edit a shipped one. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE header (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    format_version  INTEGER NOT NULL,
    vault_id        TEXT    NOT NULL,
    salt            BLOB    NOT NULL,
    kdf_memory_mib  INTEGER NOT NULL,
    kdf_iterations  INTEGER NOT NULL,
    kdf_parallelism INTEGER NOT NULL,
    wrapped_key     BLOB    NOT NULL,
    header_digest   BLOB    NOT NULL,
    created_at      INTEGER NOT NULL
  );
  CREATE TABLE items (
    id           TEXT    PRIMARY KEY,
    bucket       INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    deleted_at   INTEGER,
    last_used_at INTEGER,
    detail       BLOB    NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX items_bucket ON items(bucket);
  CREATE TABLE index_buckets (
    id    INTEGER PRIMARY KEY,
    size  INTEGER NOT NULL,
    blob  BLOB    NOT NULL
  );
  CREATE TABLE events (
    seq     INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    kind    TEXT    NOT NULL,
    source  TEXT    NOT NULL,
    item_id TEXT,
    detail  BLOB    NOT NULL,
    mac     BLOB    NOT NULL
  );
  CREATE INDEX events_item ON events(item_id, at);
  CREATE INDEX events_at ON events(at);
  CREATE TABLE unlock_failures (
    at INTEGER NOT NULL
  );
  CREATE TABLE meta (
    name TEXT PRIMARY KEY,
    blob BLOB NOT NULL
  ) WITHOUT ROWID;
  `,
  // Unlock lists every item's bucket and last-used time; item rows hold their (large) detail
  // blob inline, so without a covering index that listing reads the whole table.
  `
  CREATE INDEX items_listing ON items(bucket, last_used_at);
  DROP INDEX items_bucket;
  `,
  // Chart counts for usage history (see history/rollups.ts), filled from existing events.
  `
  CREATE TABLE event_quarters (
    q    INTEGER NOT NULL,
    kind TEXT    NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (q, kind)
  ) WITHOUT ROWID;
  CREATE TABLE item_use_days (
    item_id TEXT    NOT NULL,
    day     INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (item_id, day)
  ) WITHOUT ROWID;
  INSERT INTO event_quarters SELECT at / 900000, kind, COUNT(*) FROM events GROUP BY 1, 2;
  INSERT INTO item_use_days SELECT item_id, at / 86400000, COUNT(*) FROM events
    WHERE item_id IS NOT NULL AND kind IN ('copy', 'reveal', 'cli-use') GROUP BY 1, 2;
  `,
  // Events per UTC day and kind: the 90-day chart reads these plus only the quarter-hours
  // near each midnight that the user's time zone moves into the neighbouring day.
  `
  CREATE TABLE event_days (
    day  INTEGER NOT NULL,
    kind TEXT    NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
  ) WITHOUT ROWID;
  INSERT INTO event_days SELECT q * 900000 / 86400000, kind, SUM(n) FROM event_quarters GROUP BY 1, 2;
  `,
  // Whole-vault integrity (vault/manifest.ts): each record's version, bound into its AAD, and
  // the authenticated manifest. Version 0 marks a record from before; unlock migrates those.
  // Unlock lists each item's version too, so the covering listing index gains it.
  `
  ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE index_buckets ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE meta ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX items_listing_v ON items(bucket, last_used_at, version);
  DROP INDEX items_listing;
  CREATE TABLE manifest (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    body BLOB NOT NULL,
    mac  BLOB NOT NULL
  );
  `,
  // The unlock throttle (vault/unlock-throttle.ts): each attempt is numbered and recorded before
  // its key derivation runs, and one state row keeps the attempt counter, the count at the last
  // successful unlock (sealed with a key-derived MAC) and the time of the last attempt, so that
  // deleting failure rows neither resets the delay nor goes unnoticed. `legacy` marks a vault
  // from before, whose first unlock has no sealed count to compare with.
  `
  ALTER TABLE unlock_failures RENAME TO unlock_failures_old;
  CREATE TABLE unlock_failures (
    seq INTEGER PRIMARY KEY,
    at  INTEGER NOT NULL
  );
  INSERT INTO unlock_failures (at) SELECT at FROM unlock_failures_old ORDER BY at;
  DROP TABLE unlock_failures_old;
  CREATE TABLE unlock_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    attempts     INTEGER NOT NULL,
    settled      INTEGER NOT NULL,
    passed       INTEGER NOT NULL,
    last_at      INTEGER,
    seen_attempts INTEGER,
    seen_passed  INTEGER,
    seen_mac     BLOB,
    legacy       INTEGER NOT NULL
  );
  INSERT INTO unlock_state (id, attempts, settled, passed, last_at, legacy)
    SELECT 1, COUNT(*), 0, 0, MAX(at), 1 FROM unlock_failures;
  `,
  // Attachments (attachments/): each file's content, sealed in chunks. Which attachments an
  // item holds, and how many chunks each has, is in the item's own encrypted record; a chunk's
  // AAD binds its item, attachment, index and the total, so rows here cannot be moved,
  // reordered or cut short. item_id lets a purge remove an item's chunks in one statement.
  `
  CREATE TABLE attachment_chunks (
    attachment_id TEXT    NOT NULL,
    idx           INTEGER NOT NULL,
    item_id       TEXT    NOT NULL,
    blob          BLOB    NOT NULL,
    PRIMARY KEY (attachment_id, idx)
  );
  CREATE INDEX attachment_chunks_item ON attachment_chunks(item_id);
  `,
  // Unlock lists each bucket's item rows in id order, the order index buckets keep
  // (items/bucket-store.ts readIndexSnapshot): a covering index in that order spares sorting
  // every item row at each unlock.
  `
  CREATE INDEX items_bucket_id ON items(bucket, id, version, last_used_at);
  DROP INDEX items_listing_v;
  `,
  // Index bucket format 5 (items/bucket-columns.ts): a bucket's row texts, sealed in chunks,
  // beside its columns instead of inside their ciphertext, so unlock decrypts only the columns.
  // Null for a bucket written before; it is written anew at its next change.
  `
  ALTER TABLE index_buckets ADD COLUMN rows BLOB;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** How long a write waits for another connection's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * How much of the file a bulk read maps (readMapped); a larger file is read the usual way
 * beyond this size.
 */
const MMAP_BYTES = 256 * 1024 * 1024;

/**
 * Runs `read` with the file mapped into memory, then unmaps it. Unlock reads every index
 * bucket (1.7 MB at 10,000 items): mapped, that took 6-7 ms instead of 17-28 ms cold, because
 * SQLite then copies from the mapping rather than reading each page into its page cache first.
 * The mapping is not kept: the kernel maps pages around each one read, so at 100,000 items it
 * grew the process's resident memory by ~95 MB of file pages. SQLite maps read-only and still
 * writes through the file, so a write cannot go astray through the mapping.
 */
export function readMapped<T>(db: Db, read: () => T): T {
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  try {
    return read();
  } finally {
    db.pragma('mmap_size = 0');
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  // Another Keystash process (the app and the CLI) may hold the write lock for a moment.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new KeystashError('invalid-input', 'This vault was made by a newer Keystash; update Keystash to open it.');
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** Opens an existing vault file. */
export function openDb(file: string, opts: OpenDbOptions = {}): Db {
  if (!fs.existsSync(file)) {
    throw new KeystashError('not-found', `No vault at ${file}. Create one with \`keystash init\` or in the app.`);
  }
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    configure(db);
    const hasHeader = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'header'").get();
    if (!hasHeader) throw new KeystashError('integrity', `${file} is not a Keystash vault.`);
    migrate(db);
  } catch (err) {
    if (err instanceof KeystashError) throw err;
    throw new KeystashError('integrity', `${file} is not a Keystash vault, or it is damaged.`);
  }
  return db;
}

/** Creates a new, empty vault file with the current schema. Refuses to touch an existing file. */
export function createDb(file: string, opts: OpenDbOptions = {}): Db {
  if (fs.existsSync(file)) throw new KeystashError('exists', `A file already exists at ${file}; Keystash will not overwrite it.`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    fs.chmodSync(file, 0o600);
    configure(db);
    migrate(db);
  } catch (err) {
    db.close();
    fs.rmSync(file, { force: true });
    throw err;
  }
  return db;
}
