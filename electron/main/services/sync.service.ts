// Sync in the app: runs one sync at a time, on unlock, a few seconds after local changes
// (polled, so the CLI's changes count too), every few minutes, when a folder target changes
// on disk (chokidar), and on demand. Every run goes through the core's engine; its outcome is
// stored in the vault (last sync) and shown by the sidebar and Settings → Sync. On a new
// machine it also creates the vault by joining a target (the first-run screen).
import { watch } from 'chokidar';
import type { Item, RevealableField } from '../../../shared/domain';
import type { ConflictChoice, ConflictField, ItemConflict, JoinProgress, JoinResult, SyncReport, SyncView } from '../../../shared/sync';
import type { Vault } from '../../core/vault';
import { KeystashError } from '../../core/errors';
import { joinSync, runSync, setupSync } from '../../core/sync/engine';
import { resolveDevice, revokeDevice, syncStatus } from '../../core/sync/devices';
import { SYNC_FIELDS, type FieldConflict } from '../../core/sync/item-merge';
import type { TargetConfig } from '../../core/sync/ledger';
import { openTransport } from '../../core/sync/transports';
import { WebdavTransport } from '../../core/sync/webdav-transport';
import type { Timers } from './clipboard.service';
import type { VaultService } from './vault.service';

/** Watches a folder and calls back on any change; returns the function that stops watching. */
export type WatchFolder = (path: string, onChange: () => void) => () => void;

export const SYNC_TIMING = { firstRunMs: 1_000, pollMs: 10_000, debounceMs: 2_000, periodicMs: 5 * 60_000 };

const SECRET_FIELDS = new Set(['password', 'secret', 'totp']);

function shown(field: string, value: unknown): string {
  if (field === 'deletedAt') return value === null ? 'not in the trash' : 'in the trash';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null && 'name' in v ? String((v as { name: unknown }).name) : String(v))).join(', ');
  if (value === null || value === undefined) return '';
  return String(value);
}

function isSecret(field: string, value: unknown): boolean {
  return SECRET_FIELDS.has(field) || (field === 'fields' && Array.isArray(value) && value.some((f) => (f as { concealed?: unknown }).concealed === true));
}

/** The fields whose value now can be revealed through item:reveal (logged like every reveal). */
const REVEALABLE = new Set<string>(['password', 'secret', 'totp']);

/**
 * An item's conflict as the window sees it: plain fields both ways, secrets only as where to
 * reveal them (the value now by its field, the other value by its password-history entry).
 */
function conflictOf(v: Vault, id: string): ItemConflict | null {
  let item: Item;
  let history: { field: string; value: string }[];
  try {
    item = v.items.withSecrets(id);
    history = v.items.record(id).passwordHistory;
  } catch {
    return null;
  }
  const latest = new Map<string, FieldConflict>();
  for (const c of v.sync.conflicts(id)) if (!latest.has(c.field)) latest.set(c.field, c);
  // In the item's own field order (title, user name, password, ...), not the order they clashed in.
  const order = (f: string): number => (SYNC_FIELDS as readonly string[]).indexOf(f);
  const fields = [...latest.values()].sort((a, b) => order(a.field) - order(b.field)).map((c): ConflictField => {
    const current = item[c.field as keyof Item];
    const secret = isSecret(c.field, current) || isSecret(c.field, c.value);
    if (!secret) return { field: c.field, secret, current: shown(c.field, current), other: shown(c.field, c.value) };
    const index = history.findIndex((h) => h.field === c.field && h.value === c.value);
    return {
      field: c.field,
      secret,
      current: null,
      other: null,
      ...(REVEALABLE.has(c.field) && current ? { revealCurrent: c.field as RevealableField } : {}),
      ...(index >= 0 ? { otherHistoryIndex: index } : {}),
    };
  });
  return { id, title: item.title, fields };
}

export class SyncService {
  private running: Promise<SyncReport> | null = null;
  private timers: unknown[] = [];
  private unwatch: (() => void) | null = null;
  private active = false;
  private debounce: unknown = null;

  private joining: JoinProgress | null = null;

  constructor(
    private readonly vault: VaultService,
    private readonly clock: Timers,
    private readonly watchFolder?: WatchFolder,
    private readonly pickFolder?: () => Promise<string | null>,
  ) {}

  /**
   * Creates this machine's vault from a target another device syncs to and leaves it unlocked
   * and syncing. A wrong password, or a target that is empty or not a vault's, changes nothing:
   * no vault file is left (sync/engine.ts joinSync).
   */
  async join(target: TargetConfig, deviceName: string, password: string): Promise<JoinResult> {
    if (this.joining) throw new KeystashError('busy', 'A join is already running.');
    this.joining = { done: 0, total: 0 };
    try {
      let result: JoinResult | null = null;
      await this.vault.createWith(async (file, options) => {
        const joined = await joinSync(file, password, target, await openTransport(target), {
          ...options,
          deviceName,
          onProgress: (p) => (this.joining = p),
        });
        result = { unlock: joined.unlock, report: joined.report };
        return joined.vault;
      });
      if (!result) throw new KeystashError('integrity', 'The join did not finish.');
      this.start();
      return result;
    } finally {
      this.joining = null;
    }
  }

  /** The running join's progress, or null when none runs. */
  joinProgress(): JoinProgress | null {
    return this.joining;
  }

  /** The OS folder dialog; null when cancelled or when there is none (tests). */
  async chooseFolder(): Promise<string | null> {
    return this.pickFolder ? this.pickFolder() : null;
  }

  view(): SyncView {
    const v = this.vault.unlocked();
    if (!v.sync.state()) return { configured: false };
    return { configured: true, running: this.running !== null, status: syncStatus(v) };
  }

  async setup(target: TargetConfig, deviceName: string, password: string): Promise<SyncReport> {
    const v = this.vault.unlocked();
    const report = await this.serial(async () => setupSync(v, password, target, await openTransport(target), deviceName));
    this.start();
    return report;
  }

  async testWebdav(url: string, user: string, password: string): Promise<null> {
    await (await WebdavTransport.connect(url, user, password)).check();
    return null;
  }

  /** One sync now (or the one already running). */
  run(): Promise<SyncReport> {
    const v = this.vault.unlocked();
    return this.serial(async () => runSync(v, await openTransport(v.sync.requireState().target)));
  }

  rename(deviceName: string): null {
    this.vault.unlocked().sync.update((s) => {
      s.deviceName = deviceName;
    });
    this.soon();
    return null;
  }

  async revoke(device: string, password: string): Promise<null> {
    const v = this.vault.unlocked();
    const id = resolveDevice(v, device);
    await this.serial(async () => (await revokeDevice(v, password, id, await openTransport(v.sync.requireState().target))).report);
    return null;
  }

  conflicts(): ItemConflict[] {
    const v = this.vault.unlocked();
    return v.sync.conflictedIds().flatMap((id) => {
      const c = conflictOf(v, id);
      return c ? [c] : [];
    });
  }

  /** One item's conflict, for its own page; null when it has none (or the vault does not sync). */
  conflict(id: string): ItemConflict | null {
    const v = this.vault.unlocked();
    return v.sync.conflictedIds().includes(id) ? conflictOf(v, id) : null;
  }

  /** Settles an item's conflict: keep it as it is, take the other device's values, or keep both as two items. */
  resolve(id: string, choice: ConflictChoice): null {
    const v = this.vault.unlocked();
    const latest = new Map<string, FieldConflict>();
    for (const c of v.sync.conflicts(id)) if (!latest.has(c.field)) latest.set(c.field, c);
    if (latest.size === 0) throw new KeystashError('not-found', 'This item has no conflict to settle.');
    const { deletedAt: other, ...patch } = Object.fromEntries([...latest].map(([f, c]) => [f, c.value])) as Record<string, unknown>;
    if (choice === 'use-other') {
      if (Object.keys(patch).length > 0) v.items.update(id, patch);
      if (latest.has('deletedAt') && (other === null) !== (v.items.listedItem(id).deletedAt === null)) {
        if (other === null) v.items.restore(id);
        else v.items.trash(id);
      }
    } else if (choice === 'keep-both') {
      const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...current } = v.items.withSecrets(id);
      v.items.create({ ...current, ...patch, title: `${String(patch.title ?? current.title)} (other version)` });
    }
    v.sync.clearConflicts(id);
    return null;
  }

  /** After unlock (or setup): a first run, the periodic run, the change poll and the folder watch. */
  start(): void {
    this.stop();
    const v = this.vault.unlocked();
    const state = v.sync.state();
    if (!state) return;
    this.active = true;
    this.after(SYNC_TIMING.firstRunMs, () => this.background());
    const periodic = (): void => {
      this.after(SYNC_TIMING.periodicMs, () => {
        this.background();
        periodic();
      });
    };
    periodic();
    const poll = (): void => {
      this.after(SYNC_TIMING.pollMs, () => {
        if (this.vault.isUnlocked && this.vault.unlocked().sync.pendingCount() > 0) this.soon();
        poll();
      });
    };
    poll();
    if (state.target.kind === 'folder' && this.watchFolder) this.unwatch = this.watchFolder(state.target.path, () => this.soon());
  }

  /** Something to send that is not an item change (a master-password change): a run shortly. */
  nudge(): void {
    this.soon();
  }

  /** On lock: no more runs; a running one finishes or fails with `locked`. */
  stop(): void {
    this.active = false;
    for (const t of this.timers.splice(0)) this.clock.clearTimeout(t);
    if (this.debounce !== null) this.clock.clearTimeout(this.debounce);
    this.debounce = null;
    this.unwatch?.();
    this.unwatch = null;
  }

  private soon(): void {
    if (!this.active) return;
    if (this.debounce !== null) this.clock.clearTimeout(this.debounce);
    this.debounce = this.clock.setTimeout(() => {
      this.debounce = null;
      this.background();
    }, SYNC_TIMING.debounceMs);
  }

  private after(ms: number, fn: () => void): void {
    const handle = this.clock.setTimeout(() => {
      this.timers = this.timers.filter((t) => t !== handle);
      if (this.active) fn();
    }, ms);
    this.timers.push(handle);
  }

  /** A run nobody waits for: its outcome (an error included) is stored as the last sync. */
  private background(): void {
    if (!this.active || !this.vault.isUnlocked) return;
    this.run().catch(() => undefined);
  }

  private serial(fn: () => Promise<SyncReport>): Promise<SyncReport> {
    if (this.running) return this.running;
    const p = fn().finally(() => {
      this.running = null;
    });
    this.running = p;
    return p;
  }
}

/** The app's folder watch: chokidar on the target, a few levels deep, ignoring temp files. */
export const chokidarWatch: WatchFolder = (folder, onChange) => {
  const watcher = watch(folder, { ignoreInitial: true, depth: 3, ignored: (p: string) => /[\\/]\.[^\\/]*$/.test(p) });
  watcher.on('all', () => onChange());
  watcher.on('error', () => undefined); // a target that goes away is reported by the next run
  return () => {
    void watcher.close();
  };
};
