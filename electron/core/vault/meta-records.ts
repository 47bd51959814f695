// The vault's meta records (generator history, health scores, history retention, the usage
// chain's head/checkpoint/anchor, remembered URL origins, ...): one store that reads and
// writes the `meta` table and keeps the manifest current in the same transaction. A read
// checks the row against the manifest first, so a deleted, replayed or planted record is an
// `integrity` error that names it rather than a silently different value.
//   write(name, value) / read(name, what)      sealed JSON, version bound into the AAD
//   writeRaw(name, blob) / readRaw(name)       bytes the caller authenticates itself (chain records)
//   tryRead(name)                              null instead of an error, for a cache or a safe default
//   inspect(name)                              bytes plus the problem, for readers with their own states
//   delete(name)
import { KeystashError } from '../errors';
import type { Db } from './db';
import { digestOf, Manifest, type ManifestEntry } from './manifest';
import type { SessionKeys } from './session-keys';
import { statement } from './statements';

interface MetaRow {
  version: number;
  blob: Buffer;
}

export class MetaRecords {
  private readonly manifest: Manifest;

  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
  ) {
    this.manifest = new Manifest(db, keys);
  }

  /** The decrypted record, or null when the vault has none; `what` names it in an error. */
  read<T>(name: string, what: string): T | null {
    const row = this.checked(name, what);
    return row ? this.keys.open<T>('meta', name, row.blob, what, undefined, row.version) : null;
  }

  /** Like read, but null instead of an integrity error: for records whose loss only costs time or a default. */
  tryRead<T>(name: string): T | null {
    try {
      return this.read<T>(name, name);
    } catch {
      return null;
    }
  }

  /** Seals and stores a record, with the next version, in one transaction with the manifest. */
  write(name: string, value: unknown): void {
    this.db.transaction(() => this.put(name, (version) => this.keys.seal('meta', name, value, version))).immediate();
  }

  /** The stored bytes after the manifest check, or undefined when the vault has none. */
  readRaw(name: string, what = `The record “${name}”`): Buffer | undefined {
    return this.checked(name, what)?.blob;
  }

  /** The stored bytes and what is wrong with them, if anything: for readers with their own states. */
  inspect(name: string): { blob: Buffer | undefined; problem: string | null } {
    const m = new Manifest(this.db, this.keys).tryRead();
    const row = this.row(name);
    if (!m) return { blob: row?.blob, problem: 'the vault’s integrity manifest is missing or altered' };
    return { blob: row?.blob, problem: metaProblem(row, m.meta[name]) };
  }

  writeRaw(name: string, blob: Buffer): void {
    this.db.transaction(() => this.put(name, () => blob)).immediate();
  }

  delete(name: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM meta WHERE name = ?').run(name);
      this.manifest.update((m) => {
        delete m.meta[name];
      });
    }).immediate();
  }

  /** Stores the record as its next version, with one read of the manifest (the usage history's head is written on every copy). */
  private put(name: string, blobFor: (version: number) => Buffer): void {
    this.manifest.update((m) => {
      const version = (m.meta[name]?.[0] ?? 0) + 1;
      const blob = blobFor(version);
      statement(this.db, 'INSERT INTO meta (name, version, blob) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version, blob = excluded.blob')
        .run(name, version, blob);
      const entry: ManifestEntry = [version, digestOf(blob)];
      m.meta[name] = entry;
    });
  }

  private checked(name: string, what: string): MetaRow | undefined {
    const want = this.manifest.read().meta[name];
    const row = this.row(name);
    const problem = metaProblem(row, want);
    if (problem) throw new KeystashError('integrity', `${what} failed its integrity check: ${problem}.`);
    return row;
  }

  private row(name: string): MetaRow | undefined {
    return statement(this.db, 'SELECT version, blob FROM meta WHERE name = ?').get(name) as MetaRow | undefined;
  }
}

/** What is wrong with a meta row against its manifest entry, in words; null when they agree. */
export function metaProblem(row: MetaRow | undefined, want: ManifestEntry | undefined): string | null {
  if (!row && !want) return null;
  if (!row) return 'the record is missing from the file';
  if (!want) return 'unknown record: the vault never wrote it';
  if (row.version < want[0]) return `older version (${row.version}; the vault is at ${want[0]})`;
  if (row.version !== want[0] || digestOf(row.blob) !== want[1]) return 'the stored record was altered';
  return null;
}

const stores = new WeakMap<Db, WeakMap<SessionKeys, MetaRecords>>();

/**
 * The meta store of a connection and an unlocked session's keys, so modules that hold only
 * those two (history, generator, health) share one. Per connection: an import writes on its own.
 */
export function metaStore(db: Db, keys: SessionKeys): MetaRecords {
  let byKeys = stores.get(db);
  if (!byKeys) {
    byKeys = new WeakMap();
    stores.set(db, byKeys);
  }
  let store = byKeys.get(keys);
  if (!store) {
    store = new MetaRecords(db, keys);
    byKeys.set(keys, store);
  }
  return store;
}
