// The unlocked session of one vault: its keys and header, the event log, the decrypted item
// list with its bucket storage and writes, and the history search's decrypted details. Made
// at unlock, wiped at lock. It is also the gate every capability goes through (gate.ts): a
// read first reloads the item list when another process changed the file (PRAGMA
// data_version), a write is refused as `busy` while an import holds the write lock, and both
// fail with `locked` once there is no session.
import type { Statement } from 'better-sqlite3';
import type { EventSource } from '../../../shared/domain';
import type { IntegrityProblem } from '../../../shared/integrity';
import type { ChainReport } from '../../../shared/history';
import { KeystashError } from '../errors';
import { DetailIndex } from '../history/detail-index';
import { EventLog } from '../history/event-log';
import { IndexBuckets } from '../items/bucket-store';
import type { IndexSnapshot } from '../items/index-snapshot';
import { ItemWrites } from '../items/item-writes';
import { SummaryIndex } from '../search/summary-index';
import { BUSY_TIMEOUT_MS, type Db } from './db';
import type { Gate } from './gate';
import type { VaultHeader } from './header';
import { SessionKeys } from './session-keys';

export interface Session {
  readonly keys: SessionKeys;
  /** Replaced when the master password or the KDF settings change. */
  header: VaultHeader;
  readonly events: EventLog;
  /** The decrypted item list (no secrets), searched in memory. */
  readonly index: SummaryIndex;
  readonly buckets: IndexBuckets;
  readonly writes: ItemWrites;
  /** Items that failed their integrity check when the list was last loaded. */
  damaged: string[];
  /** What that check found, with reasons (missing item, older version, unknown record, stale bucket). */
  problems: IntegrityProblem[];
  /** History search's decrypted event details, filled as searches reach further back. */
  readonly details: DetailIndex;
  /** The last check of the history chain: at unlock, or asked for since. */
  lastCheck: ChainReport | null;
  /** The file's data_version when the item list was loaded. */
  dataVersion: number;
}

/** An import in progress: its own connection, and whether locking abandoned it. */
export interface ImportRun {
  db: Db;
  abandoned: boolean;
}

export class SessionGate implements Gate<Session> {
  private session: Session | null = null;
  private importRun: ImportRun | null = null;
  private dataVersionStmt: Statement | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly source: EventSource,
  ) {}

  get isOpen(): boolean {
    return this.session !== null;
  }

  /** Starts a session with the vault key; its item list stays empty until load(). */
  open(key: Uint8Array, header: VaultHeader): void {
    const keys = new SessionKeys(header.vaultId, key);
    const events = new EventLog(this.db, keys, this.now);
    const index = new SummaryIndex();
    const buckets = new IndexBuckets(this.db, keys);
    const writes = new ItemWrites(this.db, keys, events, index, buckets, this.now, this.source);
    const details = new DetailIndex(this.db, keys);
    this.session = { keys, header, events, index, buckets, writes, damaged: [], problems: [], details, lastCheck: null, dataVersion: this.dataVersion() };
  }

  /** Decrypts and checks the item list, from the read-ahead snapshot when it is still current. */
  load(snapshot?: IndexSnapshot): { damaged: string[]; problems: IntegrityProblem[] } {
    const s = this.session;
    if (!s) throw new KeystashError('locked', 'The vault is locked.');
    this.reload(s, this.dataVersion(), snapshot);
    return { damaged: [...s.damaged], problems: [...s.problems] };
  }

  read(): Session {
    const s = this.session;
    if (!s) throw new KeystashError('locked', 'The vault is locked.');
    const v = this.dataVersion();
    if (v !== s.dataVersion) this.reload(s, v);
    return s;
  }

  write(): Session {
    const s = this.read();
    if (this.importRun) throw new KeystashError('busy', 'An import is in progress; try again when it has finished.');
    return s;
  }

  /** True while an import holds the vault's write lock. */
  get importing(): boolean {
    return this.importRun !== null;
  }

  /** Marks `db` as the running import's connection; other writes are refused until endImport(). */
  beginImport(db: Db): ImportRun {
    const run: ImportRun = { db, abandoned: false };
    this.importRun = run;
    // This process holds the write lock now, so waiting for it would only freeze the app: a
    // write the gate lets through (a wrong password counted by the throttle, say) fails at once.
    this.db.pragma('busy_timeout = 0');
    return run;
  }

  endImport(): void {
    this.importRun = null;
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }

  /**
   * Ends the session. A running import is rolled back first, before the keys go (it sees
   * `abandoned` when it next resumes); `last` then writes with the keys (the lock event), and
   * every decrypted cache is dropped and the keys wiped even when it fails.
   */
  close(last: (s: Session) => void): void {
    const run = this.importRun;
    if (run) {
      run.abandoned = true;
      if (run.db.inTransaction) run.db.exec('ROLLBACK');
    }
    const s = this.session;
    if (!s) return;
    this.session = null;
    try {
      last(s);
    } finally {
      s.index.clear();
      s.details.clear();
      s.damaged = [];
      s.problems = [];
      s.keys.destroy();
    }
  }

  private reload(s: Session, dataVersion: number, snapshot?: IndexSnapshot): void {
    const { damaged, problems } = s.buckets.loadInto(s.index, snapshot);
    s.damaged = damaged;
    s.problems = problems;
    s.dataVersion = dataVersion;
  }

  private dataVersion(): number {
    // Asked before every call; a prepared statement avoids re-compiling the pragma each time.
    this.dataVersionStmt ??= this.db.prepare('PRAGMA data_version').pluck();
    return this.dataVersionStmt.get() as number;
  }
}
