// A vault file and, while unlocked, its keys and decrypted index. This is the one object
// the Electron main process, the CLI, the tests and the benchmark drive. Locking drops the
// key and every decrypted cache; any call that needs them then fails with `locked`.
import {
  DEFAULT_KDF,
  type EventSource,
  type Item,
  type ItemQuery,
  type ItemSummary,
  type ListedItem,
  type KdfParams,
  type LockState,
  type RevealableField,
  type UnlockReport,
  type VaultEvent,
} from '../../shared/domain';
import { KeystashError } from './errors';
import type { GeneratedSecret, GeneratorHistoryEntry } from '../../shared/generator';
import { addGeneratorHistory, clearGeneratorHistory, readGeneratorHistory } from './generator/history';
import { readScoreCache, writeScoreCache } from './health/score-cache';
import { EventLog, type AppendEvent, type EventQuery } from './history/event-log';
import { Activity, itemLookup } from './history/activity';
import { fieldValue, type StoredDetail } from './items/model';
import { ItemStore, readIndexSnapshot, type IndexSnapshot, type ItemRecordInput, type VaultCounts } from './items/store';
import { deriveKey, kdfProblem, SALT_BYTES } from './vault/kdf';
import { randomBytes, wipe } from './crypto/cipher';
import { SessionKeys } from './vault/session-keys';
import { DEFAULT_THROTTLE, UnlockThrottle, type ThrottlePolicy } from './vault/unlock-throttle';
import type { Statement } from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, createDb, openDb, type Db, type OpenDbOptions } from './vault/db';
import { initHeader, prepareRewrap, readHeader, unwrapKey, type VaultHeader } from './vault/header';

export const MIN_MASTER_PASSWORD_LENGTH = 8;

export interface VaultOptions extends OpenDbOptions {
  /** Who is acting, for usage history. */
  source?: EventSource;
  now?: () => number;
  throttle?: ThrottlePolicy;
}

/** An import in progress: its own connection, and whether locking abandoned it. */
interface ImportRun {
  db: Db;
  abandoned: boolean;
}

interface Session {
  keys: SessionKeys;
  header: VaultHeader;
  events: EventLog;
  items: ItemStore;
  activity: Activity;
  dataVersion: number;
}

function checkNewPassword(password: string): void {
  if (password.length < MIN_MASTER_PASSWORD_LENGTH) {
    throw new KeystashError('invalid-input', `The master password must be at least ${MIN_MASTER_PASSWORD_LENGTH} characters long.`);
  }
}

function checkKdf(kdf: KdfParams): void {
  const problem = kdfProblem(kdf);
  if (problem) throw new KeystashError('invalid-input', `${problem}.`);
}

/** Work unlock can do before it has the key; a failed read just means load() reads it later. */
function readAhead(db: Db): IndexSnapshot | undefined {
  try {
    return readIndexSnapshot(db);
  } catch {
    return undefined;
  }
}

export class Vault {
  readonly file: string;
  readonly source: EventSource;
  private readonly db: Db;
  private readonly now: () => number;
  private readonly throttle: UnlockThrottle;
  private session: Session | null = null;
  private dataVersionStmt: Statement | null = null;
  private readonly dbOptions: OpenDbOptions;
  private importRun: ImportRun | null = null;

  private constructor(file: string, db: Db, opts: VaultOptions) {
    this.file = file;
    this.db = db;
    this.dbOptions = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
    this.source = opts.source ?? 'app';
    this.now = opts.now ?? Date.now;
    this.throttle = new UnlockThrottle(db, opts.throttle ?? DEFAULT_THROTTLE, this.now);
  }

  /** Opens an existing vault, locked. */
  static open(file: string, opts: VaultOptions = {}): Vault {
    return new Vault(file, openDb(file, opts), opts);
  }

  /** Creates a vault file and returns it unlocked. Nothing is left behind if creation fails. */
  static async create(file: string, password: string, opts: VaultOptions & { kdf?: KdfParams } = {}): Promise<Vault> {
    checkNewPassword(password);
    const kdf = opts.kdf ?? DEFAULT_KDF;
    checkKdf(kdf);
    const db = createDb(file, opts);
    const vault = new Vault(file, db, opts);
    const { key, header } = await initHeader(db, password, kdf, vault.now());
    vault.startSession(key, header, []);
    return vault;
  }

  get isUnlocked(): boolean {
    return this.session !== null;
  }

  lockState(): LockState {
    return { unlocked: this.isUnlocked, failedCount: this.throttle.failures().length, retryAfterMs: this.throttle.retryAfterMs() };
  }

  async unlock(password: string): Promise<UnlockReport> {
    if (this.session) this.lock();
    const wait = this.throttle.retryAfterMs();
    if (wait > 0) {
      throw new KeystashError('rate-limited', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
    }
    const unwrapping = unwrapKey(this.db, password);
    // Argon2 runs on the thread pool; meanwhile this thread lists which items each index bucket
    // holds (no key needed), so a large vault is ready sooner.
    const snapshot = readAhead(this.db);
    const opened = await unwrapping;
    if (!opened) {
      this.throttle.recordFailure();
      const wait = this.throttle.retryAfterMs();
      const later = wait > 0 ? ` Wait ${Math.ceil(wait / 1000)} s before the next try.` : '';
      throw new KeystashError('wrong-password', `Wrong master password.${later}`, wait > 0 ? { retryAfterMs: wait } : {});
    }
    const failedAttempts = this.throttle.failures();
    const damagedItemIds = this.startSession(opened.key, opened.header, failedAttempts, snapshot);
    return { failedAttempts, damagedItemIds };
  }

  private startSession(key: Uint8Array, header: VaultHeader, failures: { at: number }[], snapshot?: IndexSnapshot): string[] {
    const keys = new SessionKeys(header.vaultId, key);
    const events = new EventLog(this.db, keys, this.now);
    const items = new ItemStore(this.db, keys, events, this.now, this.source);
    const activity = new Activity(this.db, keys, events, this.now, itemLookup(items));
    // Checked before this unlock appends anything, so a problem is seen as it was found; the
    // unlock event then records it for good, and `activity().lastCheck` reports it.
    const historyCheck = activity.verify('incremental');
    const problems = historyCheck.problems.map((p) => p.message).join(' ');
    this.db.transaction(() => {
      // Failed attempts could not be encrypted when they happened; they become events now.
      for (const f of failures) events.append({ kind: 'unlock-failed', source: this.source, at: f.at });
      this.throttle.clear();
      events.append({ kind: 'unlock', source: this.source, ...(problems ? { detail: { note: `History check failed: ${problems}` } } : {}) });
    }).immediate();
    activity.prune();
    const damagedItemIds = items.load(snapshot);
    this.session = { keys, header, events, items, activity, dataVersion: this.dataVersion() };
    return damagedItemIds;
  }

  lock(): void {
    const run = this.importRun;
    if (run) {
      // Rolled back now, before the keys go; the import sees `abandoned` when it next resumes.
      run.abandoned = true;
      if (run.db.inTransaction) run.db.exec('ROLLBACK');
    }
    const s = this.session;
    if (!s) return;
    this.session = null;
    try {
      s.events.append({ kind: 'lock', source: this.source });
    } finally {
      s.items.clear();
      s.activity.clear();
      s.keys.destroy();
    }
  }

  close(): void {
    try {
      this.lock();
    } finally {
      if (this.db.open) this.db.close();
    }
  }

  private dataVersion(): number {
    // Asked before every call; a prepared statement avoids re-compiling the pragma each time.
    this.dataVersionStmt ??= this.db.prepare('PRAGMA data_version').pluck();
    return this.dataVersionStmt.get() as number;
  }

  /** The unlocked session, reloading the index when another process changed the file. */
  private unlocked(): Session {
    const s = this.session;
    if (!s) throw new KeystashError('locked', 'The vault is locked.');
    const v = this.dataVersion();
    if (v !== s.dataVersion) {
      s.items.load();
      s.dataVersion = v;
    }
    return s;
  }

  /** The unlocked session, for a change: refused while an import holds the write lock. */
  private writable(): Session {
    const s = this.unlocked();
    if (this.importRun) throw new KeystashError('busy', 'An import is in progress; try again when it has finished.');
    return s;
  }

  // Items -----------------------------------------------------------------------------------

  /** Items as the list shows them: every field but secrets and notes. */
  list(q: ItemQuery = {}): ListedItem[] {
    return this.unlocked().items.list(q);
  }

  counts(): VaultCounts {
    return this.unlocked().items.counts();
  }

  /** One item without its secrets, notes included (read from its record). */
  summary(id: string): ItemSummary {
    return this.unlocked().items.summary(id);
  }

  /** One item as the list shows it, from memory: for titles and flags. */
  listed(id: string): ListedItem {
    return this.unlocked().items.listed(id);
  }

  damagedItemIds(): string[] {
    return this.unlocked().items.damagedIds();
  }

  /** The whole item with its secrets; it stays in this process. */
  getItem(id: string): Item {
    return this.unlocked().items.get(id);
  }

  create(input: unknown): ItemSummary {
    return this.writable().items.create(input);
  }

  createMany(inputs: unknown[], note: string): ItemSummary[] {
    return this.writable().items.createMany(inputs, { kind: 'import', detail: { note, count: inputs.length } });
  }

  /**
   * Imports records in batches inside one transaction (see ItemStore.importBatches). The
   * import runs on a connection of its own, so it can await between batches (the app answers
   * the window meanwhile) without any other write joining its transaction: those are refused
   * as `busy` until it ends. Locking the vault abandons the import and rolls it back.
   */
  async importBatches(batches: AsyncIterable<ItemRecordInput[]>, note: string): Promise<number> {
    const s = this.writable();
    const db = openDb(this.file, this.dbOptions);
    const run: ImportRun = { db, abandoned: false };
    this.importRun = run;
    // This process holds the write lock now, so waiting for it would only freeze the app: a
    // write this class does not refuse itself (history settings, say) fails at once as `busy`.
    this.db.pragma('busy_timeout = 0');
    try {
      const store = new ItemStore(db, s.keys, new EventLog(db, s.keys, this.now), this.now, this.source);
      const count = await store.importBatches(batches, note, () => {
        if (run.abandoned) throw new KeystashError('locked', 'The vault was locked during the import; nothing was imported.');
      });
      // Reloads the index: the file changed under this connection.
      this.unlocked();
      return count;
    } finally {
      this.importRun = null;
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.close();
    }
  }

  /** True while an import holds the vault's write lock. */
  get importing(): boolean {
    return this.importRun !== null;
  }

  /** An item with its password history, for exports; it stays in this process. */
  itemRecord(id: string): StoredDetail {
    return this.unlocked().items.detail(id);
  }

  update(id: string, patch: unknown): ItemSummary {
    return this.writable().items.update(id, patch);
  }

  trash(id: string): ItemSummary {
    return this.writable().items.trash(id);
  }

  restore(id: string): ItemSummary {
    return this.writable().items.restore(id);
  }

  purge(id: string): void {
    this.writable().items.purge(id);
  }

  /**
   * Returns one secret value and records why it left the vault: `reveal` (shown), `copy`
   * (clipboard) or `cli-use` (env, run, totp). The event and the last-used time are one write.
   */
  useField(id: string, field: RevealableField, kind: 'reveal' | 'copy' | 'cli-use', note?: string): string {
    const s = this.writable();
    const item = s.items.get(id);
    const { value } = fieldValue(item, field);
    const at = this.now();
    this.db.transaction(() => {
      s.events.append({ kind, source: this.source, itemId: id, at, detail: { field, title: item.title, ...(note ? { note } : {}) } });
      s.items.markUsed(id, at);
    }).immediate();
    return value;
  }

  /** Previous values of the password or secret, newest first, without the values. */
  passwordHistory(id: string): { index: number; field: string; changedAt: number }[] {
    return this.unlocked().items.passwordHistory(id).map((h, index) => ({ index, field: h.field, changedAt: h.changedAt }));
  }

  /** Reveals one previous value; logged like any reveal. */
  revealPasswordHistory(id: string, index: number): string {
    const s = this.writable();
    const entry = s.items.passwordHistory(id)[index];
    if (!entry) throw new KeystashError('not-found', `This item has no previous value #${index}.`);
    s.events.append({ kind: 'reveal', source: this.source, itemId: id, detail: { field: `history:${entry.field}`, title: s.items.listed(id).title } });
    return entry.value;
  }

  /**
   * Finds an item by id, unique id prefix, or exact title (case-insensitively when no exact
   * match exists). Titles shared by several items are refused with the candidates' ids.
   */
  resolve(ref: string, opts: { includeTrash?: boolean } = {}): string {
    const s = this.unlocked();
    const all = s.items.ids();
    if (all.includes(ref)) return ref;
    const byPrefix = ref.length >= 4 ? all.filter((id) => id.startsWith(ref)) : [];
    if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0];
    const visible = all.map((id) => s.items.listed(id)).filter((x) => opts.includeTrash || x.deletedAt === null);
    let hits = visible.filter((x) => x.title === ref);
    if (hits.length === 0) hits = visible.filter((x) => x.title.toLowerCase() === ref.toLowerCase());
    if (hits.length === 1 && hits[0]) return hits[0].id;
    if (hits.length > 1) {
      throw new KeystashError('ambiguous', `${hits.length} items are titled “${ref}”; use an id: ${hits.map((h) => h.id).join(', ')}.`);
    }
    if (byPrefix.length > 1) {
      throw new KeystashError('ambiguous', `${byPrefix.length} item ids start with “${ref}”; give more of the id.`);
    }
    throw new KeystashError('not-found', `No item matches “${ref}”.`);
  }

  // Generator history -----------------------------------------------------------------------

  /** The last generated passwords, newest first (decrypted; stays in this process unless shown). */
  generatorHistory(): GeneratorHistoryEntry[] {
    return readGeneratorHistory(this.db, this.unlocked().keys);
  }

  addGeneratorHistory(result: GeneratedSecret): GeneratorHistoryEntry[] {
    return addGeneratorHistory(this.db, this.writable().keys, result, this.now());
  }

  clearGeneratorHistory(): void {
    this.writable();
    clearGeneratorHistory(this.db);
  }

  /** Strength scores remembered by earlier health checks (digest → score). */
  healthScores(): Map<string, number> {
    return readScoreCache(this.db, this.unlocked().keys);
  }

  saveHealthScores(scores: Map<string, number>): void {
    writeScoreCache(this.db, this.writable().keys, scores);
  }

  // History ---------------------------------------------------------------------------------

  history(q: EventQuery = {}): VaultEvent[] {
    return this.unlocked().events.query(q);
  }

  recordEvent(e: Omit<AppendEvent, 'source'>): void {
    this.writable().events.append({ ...e, source: this.source });
  }

  /** Sequence number of the first event whose MAC chain is broken, or null when intact. */
  verifyHistory(): number | null {
    return this.unlocked().events.firstBrokenLink();
  }

  /** The activity page's view of history: filters, search, charts, checks, retention, export. */
  activity(): Activity {
    return this.unlocked().activity;
  }

  // Master password and KDF -------------------------------------------------------------

  kdfParams(): KdfParams {
    return { ...readHeader(this.db).kdf };
  }

  /**
   * Re-wraps the vault key under a new password and/or KDF parameters. Only the header
   * changes, in one transaction; items are untouched.
   */
  async changePassword(current: string, next: string, kdf?: KdfParams): Promise<void> {
    const s = this.writable();
    checkNewPassword(next);
    const params = kdf ?? s.header.kdf;
    checkKdf(params);
    const check = await unwrapKey(this.db, current);
    if (!check) throw new KeystashError('wrong-password', 'The current master password is wrong; nothing was changed.');
    wipe(check.key);
    const commit = await prepareRewrap(s.keys.key, s.header, next, params);
    this.writable(); // an import may have started during the key derivation
    this.db.transaction(() => {
      s.header = commit(this.db);
      s.events.append({ kind: 'password-change', source: this.source, detail: { note: kdf ? 'master password and key-derivation settings' : 'master password' } });
    }).immediate();
  }

  /**
   * Checks the master password again without touching the session, for actions that ask
   * for it a second time (a plain-text export). Wrong guesses count toward the unlock throttle.
   */
  async verifyPassword(password: string): Promise<void> {
    this.unlocked();
    const wait = this.throttle.retryAfterMs();
    if (wait > 0) throw new KeystashError('rate-limited', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
    const check = await unwrapKey(this.db, password);
    if (!check) {
      this.throttle.recordFailure();
      throw new KeystashError('wrong-password', 'Wrong master password.');
    }
    wipe(check.key);
  }

  /** How long Argon2id takes here with these parameters, in milliseconds. */
  static async measureKdf(kdf: KdfParams): Promise<number> {
    checkKdf(kdf);
    const started = performance.now();
    wipe(await deriveKey('keystash-measure', randomBytes(SALT_BYTES), kdf));
    return performance.now() - started;
  }
}
