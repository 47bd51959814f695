// A vault file and, while it is unlocked, its session. Vault is the one object the Electron
// main process, the CLI, the tests and the benchmark hold: it opens, creates, unlocks, locks
// and closes the file, and hands out the capabilities below. Every capability call goes
// through the session gate (vault/session.ts), so after lock each fails with `locked`, a
// capability kept from before the lock included.
import path from 'node:path';
import { DEFAULT_KDF, type EventSource, type KdfParams } from '../../shared/domain';
import type { LockState, UnlockReport } from '../../shared/unlock-report';
import { removedFailuresMessage } from '../../shared/unlock-report';
import { Attachments } from './attachments/attachments';
import { randomBytes, warmCipher, wipe } from './crypto/cipher';
import { KeystashError } from './errors';
import { GeneratorHistory } from './generator/history';
import { HealthScores } from './health/score-cache';
import { Activity, itemLookup } from './history/activity';
import { UsageHistory } from './history/usage-history';
import { readAhead, warmDecoder, type IndexSnapshot } from './items/index-snapshot';
import { Items } from './items/items';
import { SyncLedger } from './sync/sync-ledger';
import { UrlOrigins } from './items/url-origins';
import { Profiles } from './api-keys/profiles';
import { createDb, openDb, type Db, type OpenDbOptions } from './vault/db';
import { initHeader, prepareRewrap, readHeader, unwrapKey, type VaultHeader } from './vault/header';
import { Imports } from './vault/imports';
import { deriveKey, SALT_BYTES } from './vault/kdf';
import { checkKdf, checkNewPassword, MasterPassword } from './vault/master-password';
import { SessionGate } from './vault/session';
import { freshManifest, StateMemory, upgradeFor, type StateSetup } from './vault/state-check';
import { DEFAULT_THROTTLE, UnlockThrottle, type Attempt, type Settled, type ThrottlePolicy } from './vault/unlock-throttle';

export interface VaultOptions extends OpenDbOptions {
  /** Who is acting, for usage history. */
  source?: EventSource;
  now?: () => number;
  throttle?: ThrottlePolicy;
  /** This machine's "last state seen" file (paths.ts lastSeenPath); the app and CLI pass it. */
  lastSeenFile?: string;
}

export class Vault {
  readonly file: string;
  readonly source: EventSource;
  /** The list, counts, the four views of one item, changes, and each logged use of a secret. */
  readonly items: Items;
  /** The files items hold: add, list, open or save (logged), trash, restore, purge. */
  readonly attachments: Attachments;
  /** The usage log: query it, record an event, check the whole chain. */
  readonly history: UsageHistory;
  /** The activity page's view of the log: filters, search, charts, checks, retention, export. */
  readonly activity: Activity;
  /** The generator's last results, encrypted in the vault. */
  readonly generatorHistory: GeneratorHistory;
  /** Strength scores remembered by earlier health checks. */
  readonly healthScores: HealthScores;
  /** The sites the person allowed or refused to open item links to, encrypted in the vault. */
  readonly urlOrigins: UrlOrigins;
  /** Named sets of VAR=keystash:// references for `keystash run --profile`, encrypted. */
  readonly profiles: Profiles;
  /** Changing or re-checking the master password and the KDF settings. */
  readonly masterPassword: MasterPassword;
  /** Imports, run on a connection of their own. */
  readonly imports: Imports;
  /** Sync's local half: its settings, per-item stamps, outgoing batches and applying others' (sync/). */
  readonly sync: SyncLedger;
  private readonly db: Db;
  private readonly now: () => number;
  private readonly throttle: UnlockThrottle;
  private readonly gate: SessionGate;
  private readonly stateMemory: StateMemory;

  private constructor(file: string, db: Db, opts: VaultOptions) {
    this.file = file;
    this.db = db;
    this.source = opts.source ?? 'app';
    this.now = opts.now ?? Date.now;
    this.throttle = new UnlockThrottle(db, opts.throttle ?? DEFAULT_THROTTLE, this.now);
    const gate = new SessionGate(db, this.now, this.source);
    this.gate = gate;
    this.stateMemory = new StateMemory(db, opts.lastSeenFile);
    this.items = new Items(db, gate, this.now, this.source);
    this.attachments = new Attachments(db, gate, this.now, this.source);
    this.history = new UsageHistory(gate, this.source);
    // The history's witness of its head lives next to the "last state seen", outside the file.
    this.activity = new Activity(db, gate, this.now, itemLookup(this.items), opts.lastSeenFile ? path.dirname(opts.lastSeenFile) : undefined);
    this.generatorHistory = new GeneratorHistory(db, gate, this.now);
    this.healthScores = new HealthScores(db, gate);
    this.urlOrigins = new UrlOrigins(db, gate);
    this.profiles = new Profiles(db, gate);
    this.sync = new SyncLedger(db, gate, this.now, this.source);
    // A synced vault publishes a password change for its other devices (sync/password-change.ts).
    this.masterPassword = new MasterPassword(db, gate, this.throttle, this.source, (next, kdf) => this.sync.preparePasswordChange(next, kdf));
    this.imports = new Imports(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}, gate, this.now, this.source);
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
    vault.start(key, header, null, undefined, freshManifest);
    return vault;
  }

  /** How long Argon2id takes here with these parameters, in milliseconds. */
  static async measureKdf(kdf: KdfParams): Promise<number> {
    checkKdf(kdf);
    const started = performance.now();
    wipe(await deriveKey('keystash-measure', randomBytes(SALT_BYTES), kdf));
    return performance.now() - started;
  }

  get isUnlocked(): boolean {
    return this.gate.isOpen;
  }

  lockState(): LockState {
    return { unlocked: this.isUnlocked, failedCount: this.throttle.failures().length, retryAfterMs: this.throttle.retryAfterMs() };
  }

  /** The key-derivation settings in the file's header; readable while locked. */
  kdfParams(): KdfParams {
    return { ...readHeader(this.db).kdf };
  }

  async unlock(password: string): Promise<UnlockReport> {
    if (this.isUnlocked) this.lock();
    // Checked and recorded in one write transaction before Argon2 runs, so parallel attempts
    // (other processes included) cannot all slip through before any of them is counted.
    const attempt = this.throttle.begin();
    const unwrapping = unwrapKey(this.db, password);
    // Argon2 runs on the thread pool; meanwhile this thread lists which items each index bucket
    // holds (no key needed), so a large vault is ready sooner.
    const snapshot = readAhead(this.db);
    // Key-independent warm-up of what comes after the KDF (index-snapshot.ts, crypto/cipher.ts).
    warmDecoder();
    warmCipher();
    const opened = await unwrapping;
    if (!opened) {
      // The attempt's row stays: it is the record of this failure.
      const wait = this.throttle.retryAfterMs();
      const later = wait > 0 ? ` Wait ${Math.ceil(wait / 1000)} s before the next try.` : '';
      throw new KeystashError('wrong-password', `Wrong master password.${later}`, wait > 0 ? { retryAfterMs: wait } : {});
    }
    const upgrade = await upgradeFor(opened.key, opened.header, password);
    // A password change taken in from another synced device (vault/password-handover.ts) becomes
    // an ordinary wrap under a fresh salt at its first unlock: one more key derivation, once.
    const handedOverBy = opened.header.handover?.by;
    const settle = handedOverBy !== undefined ? await prepareRewrap(opened.key, opened.header, password, opened.header.kdf) : null;
    const { loaded, settled } = this.start(opened.key, opened.header, attempt, snapshot, upgrade ?? settle);
    const removed = settled.removed !== 0 ? { removedFailedAttempts: settled.removed } : {};
    const rollback = this.stateMemory.check(this.gate.read().keys);
    const changed = handedOverBy !== undefined ? { passwordChangedOn: handedOverBy } : {};
    return { failedAttempts: settled.failures, damagedItemIds: loaded.damaged, integrityProblems: loaded.problems, rollback, ...removed, ...changed };
  }

  /** Opens the session, checks and extends the history, and loads the item list. */
  private start(
    key: Uint8Array,
    header: VaultHeader,
    attempt: Attempt | null,
    snapshot?: IndexSnapshot,
    setup?: StateSetup | null,
  ): { loaded: ReturnType<SessionGate['load']>; settled: Settled } {
    this.gate.open(key, header);
    try {
      // A new vault's manifest, or a format-1 vault's one-time upgrade, before anything reads records.
      if (setup) {
        const s = this.gate.read();
        this.db.transaction(() => {
          s.header = setup(this.db, s.keys) ?? s.header;
        }).immediate();
      }
      // Checked before this unlock appends anything, so a problem is seen as it was found; the
      // unlock event then records it for good, and `activity.lastCheck` reports it.
      const problems = this.activity.verify('incremental').problems.map((p) => p.message).join(' ');
      const { events, keys } = this.gate.read();
      const settled = this.db.transaction(() => {
        // Settled in the same transaction as the events, so a failure is logged exactly once.
        const result = this.throttle.settle(attempt, keys);
        // Failed attempts could not be encrypted when they happened; they become events now.
        for (const f of result.failures) events.append({ kind: 'unlock-failed', source: this.source, at: f.at });
        const notes = [problems ? `History check failed: ${problems}` : '', result.removed !== 0 ? removedFailuresMessage(result.removed) : ''].filter(Boolean);
        events.append({ kind: 'unlock', source: this.source, ...(notes.length > 0 ? { detail: { note: notes.join(' ') } } : {}) });
        return result;
      }).immediate();
      this.activity.prune();
      this.activity.rememberHead();
      // The read-ahead listing predates an upgrade done on this same connection (data_version misses it).
      return { loaded: this.gate.load(setup ? undefined : snapshot), settled };
    } catch (err) {
      this.gate.close(() => undefined);
      throw err;
    }
  }

  /** Drops the key and every decrypted cache; a running import is rolled back. */
  lock(): void {
    this.gate.close((s) => {
      s.events.append({ kind: 'lock', source: this.source });
      this.activity.rememberHead(s);
      this.stateMemory.remember(s.keys);
    });
  }

  close(): void {
    try {
      this.lock();
    } finally {
      if (this.db.open) this.db.close();
    }
  }
}
