// Owns the app's one vault file and, once it exists, its Vault instance. The handlers reach
// the vault only through here, so "no vault yet", "locked" and "unlocked" are decided in
// one place. Electron-free, so the renderer's Chromium e2e tests drive the very same code.
import fs from 'node:fs';
import type { ItemQuery, KdfParams, ListedItem } from '../../../shared/domain';
import type { UnlockReport } from '../../../shared/unlock-report';
import type { ItemListRow } from '../../../shared/item-views';
import type { VaultStatus } from '../../../shared/vault-status';
import { hostOf } from './web-host';
import { KeystashError } from '../../core/errors';
import { Vault, type VaultOptions } from '../../core/vault';
import { UnlockRehearsal, type RehearsalOptions, type RehearsalOutcome } from '../../core/vault/unlock-rehearsal';

const SUBTITLE_MAX = 200;

/** The line under an item's title: who or what it is for, never a secret. */
export function subtitleOf(item: ListedItem): string {
  const text = item.type === 'login' ? item.username : item.type === 'api_key' ? item.service : item.noteLine;
  return text.trim().slice(0, SUBTITLE_MAX);
}

export function toListRow(item: ListedItem): ItemListRow {
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    subtitle: subtitleOf(item),
    favorite: item.favorite,
    host: hostOf(item.urls[0]),
    hasTotp: item.hasTotp,
    hasUrl: item.urls.length > 0,
    deletedAt: item.deletedAt,
    updatedAt: item.updatedAt,
    lastUsedAt: item.lastUsedAt,
  };
}

export class VaultService {
  private vault: Vault | null = null;
  private rehearsal: UnlockRehearsal | null = null;
  private rehearsed = false;

  /** `rehearse`: rehearse the unlock while the lock screen waits (core/vault/unlock-rehearsal.ts); without it, the first unlock runs cold. */
  constructor(
    readonly path: string,
    private readonly options: VaultOptions = {},
    private readonly rehearse?: RehearsalOptions,
  ) {}

  private exists(): boolean {
    return fs.existsSync(this.path);
  }

  /** The vault, open but possibly locked; `not-found` before one was created. */
  opened(): Vault {
    if (this.vault) return this.vault;
    if (!this.exists()) throw new KeystashError('not-found', 'There is no vault yet; create one first.');
    this.vault = Vault.open(this.path, this.options);
    return this.vault;
  }

  /** The unlocked vault; `locked` otherwise. */
  unlocked(): Vault {
    const v = this.vault;
    if (!v || !v.isUnlocked) throw new KeystashError('locked', 'The vault is locked.');
    return v;
  }

  get isUnlocked(): boolean {
    return this.vault?.isUnlocked ?? false;
  }

  status(): VaultStatus {
    if (!this.vault && !this.exists()) {
      return { exists: false, unlocked: false, path: this.path, failedCount: 0, retryAfterMs: 0 };
    }
    const state = this.opened().lockState();
    // The lock screen asks this first: the person now types the master password for a second or more.
    if (!state.unlocked) this.startRehearsal();
    return { exists: true, path: this.path, ...state };
  }

  /** Once per process: later unlocks meet compiled code anyway. */
  private startRehearsal(): void {
    if (!this.rehearse || this.rehearsed) return;
    this.rehearsed = true;
    const { nativeBinding } = this.options;
    this.rehearsal = UnlockRehearsal.start({ ...this.rehearse, ...(nativeBinding ? { nativeBinding } : {}) });
  }

  /** The rehearsal under way, if any (tests and the UI benchmark wait for it as a person's typing would). */
  get rehearsing(): Promise<RehearsalOutcome> | null {
    return this.rehearsal?.finished ?? null;
  }

  /** Stops a rehearsal still running, so that the real unlock does not share the machine with it. */
  async stopRehearsal(): Promise<void> {
    const r = this.rehearsal;
    this.rehearsal = null;
    await r?.stop();
  }

  async create(password: string, kdf?: KdfParams): Promise<UnlockReport> {
    if (this.vault || this.exists()) {
      throw new KeystashError('exists', 'A vault already exists here; unlock it instead.');
    }
    this.vault = await Vault.create(this.path, password, { ...this.options, ...(kdf ? { kdf } : {}) });
    return { failedAttempts: [], damagedItemIds: [], integrityProblems: [], rollback: null };
  }

  /**
   * Creates the vault file another way than from scratch (a sync join): `make` builds it at this
   * path and returns it unlocked. Refused, before `make` runs, when a vault is already here.
   */
  async createWith(make: (file: string, options: VaultOptions) => Promise<Vault>): Promise<void> {
    if (this.vault || this.exists()) {
      throw new KeystashError('exists', 'A vault already exists here; unlock it instead.');
    }
    this.vault = await make(this.path, this.options);
  }

  async unlock(password: string): Promise<UnlockReport> {
    await this.stopRehearsal();
    return this.opened().unlock(password);
  }

  /** Drops the key and every decrypted cache. Safe to call when locked or absent. */
  lock(): void {
    this.vault?.lock();
  }

  listRows(q: ItemQuery): { rows: ItemListRow[]; total: number } {
    const { items, total } = this.unlocked().items.page(q);
    return { rows: items.map(toListRow), total };
  }

  close(): void {
    const v = this.vault;
    this.vault = null;
    v?.close();
  }
}
