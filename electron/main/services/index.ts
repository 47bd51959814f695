// Builds the main process's services from plain inputs (paths, adapters, clock). Electron's
// bootstrap and the renderer's Chromium e2e tests both call this, so they run identical code.
import path from 'node:path';
import { LAST_SEEN_FILE_NAME } from '../../core/paths';
import type { VaultOptions } from '../../core/vault';
import { AttachmentService, type ChooseAttachment, type ChooseAttachmentTarget } from './attachment.service';
import { AutoLockService, type LockReason } from './auto-lock.service';
import { CliBridge } from './cli-bridge.service';
import { ClipboardService, realTimers, type ClipboardAdapter, type Timers } from './clipboard.service';
import { refuseAll, type Confirmations } from './confirmations';
import { CopyService } from './copy.service';
import { GeneratorService } from './generator.service';
import { HealthService, type Notify } from './health.service';
import type { ScoreWorkerFile } from '../../core/health/score-pool';
import { HistoryCheckService, type YieldSlice } from './history-check.service';
import { ImportExportService, type ChooseOpenPath, type ChooseSavePath } from './import-export.service';
import { SettingsStore } from './settings.store';
import { SecretRateLimit, type SecretRatePolicy } from './secret-rate-limit';
import type { UrlOpener } from './url-opener';
import { VaultService } from './vault.service';
import type { RehearsalOptions } from '../../core/vault/unlock-rehearsal';
import { chokidarWatch, SyncService, type WatchFolder } from './sync.service';

export interface ServiceInputs {
  userDataDir: string;
  /** The vault file (bootstrap resolves it like the CLI does: flag, $KEYSTASH_VAULT, default). */
  vaultPath: string;
  clipboard: ClipboardAdapter;
  openExternal: UrlOpener['open'];
  /** Seconds of system idle time; without one, idle auto-lock is off. */
  idleSeconds?: () => number;
  now?: () => number;
  timers?: Timers;
  /** Asks where to save an export (the OS save dialog); without one, exports are cancelled. */
  chooseSavePath?: ChooseSavePath;
  /** Asks which file to import (the OS open dialog); without one, choosing a file is cancelled. */
  chooseOpenPath?: ChooseOpenPath;
  /** Asks for a KeePass database's key file; without one, choosing is cancelled. */
  chooseKeyFile?: ChooseOpenPath;
  /** Asks which file to attach to an item; without one, attaching from the dialog is cancelled. */
  chooseAttachment?: ChooseAttachment;
  /** Asks where to save an attachment; without one, saving is cancelled. */
  chooseAttachmentTarget?: ChooseAttachmentTarget;
  /** Extra vault options: native addon path (Electron's ABI), unlock throttle. */
  vaultOptions?: Omit<VaultOptions, 'now'>;
  /** The health check's scoring thread (built file, or source with a loader); without one, main scores. */
  healthWorker?: ScoreWorkerFile;
  /** Shows a desktop notification (due API keys); without one, only the in-app notice shows. */
  notify?: Notify;
  /** Asks the person in native dialogs (more secrets, a new site); without one, every answer is no. */
  confirm?: Confirmations;
  /** Reveals and copies allowed before main asks; tests shorten it. */
  secretRate?: SecretRatePolicy;
  /** Schedules the background history check's next slice (setImmediate); tests can hold it. */
  yieldSlice?: YieldSlice;
  /** The private agent directory (core/agent/runtime-dir.ts agentDir()); with it, the CLI may ask the app for values. */
  cliBridgeDir?: string;
  /**
   * Rehearses the unlock on a throwaway vault while the lock screen waits (core/vault/unlock-rehearsal.ts);
   * bootstrap passes {}. Without one, the process's first unlock runs cold.
   */
  rehearseUnlock?: RehearsalOptions;
  /** Watches a folder sync target (chokidar by default); tests may pass their own or none. */
  watchFolder?: WatchFolder | null;
  /** Asks for a sync folder (the OS folder dialog); without one, choosing is cancelled. */
  chooseSyncFolder?: () => Promise<string | null>;
}

export interface Services {
  vault: VaultService;
  clipboard: ClipboardService;
  /** Every copy of a vault secret (field, one-time code, env line) goes through here. */
  copy: CopyService;
  settings: SettingsStore;
  urls: UrlOpener;
  /** Native questions to the person, which the window cannot answer. */
  confirm: Confirmations;
  /** Every reveal and copy of a secret is admitted here first. */
  secretRate: SecretRateLimit;
  autoLock: AutoLockService;
  importExport: ImportExportService;
  /** An item's files: the dialogs, dropped files and previews. */
  attachments: AttachmentService;
  generator: GeneratorService;
  health: HealthService;
  /** The whole-history check after unlock, in the background, and the activity headline. */
  historyCheck: HistoryCheckService;
  /** Answers the keystash CLI's references while unlocked (start() it); null without cliBridgeDir. */
  cliBridge: CliBridge | null;
  /** Sync runs: on unlock, after changes, periodically, on a folder change, on demand. */
  sync: SyncService;
  now: () => number;
  /** Clears our clipboard copy, locks the vault, then tells listeners (the window reloads). */
  lock(reason: LockReason): Promise<void>;
  onLock(listener: (reason: LockReason) => void): () => void;
  /** Lock and close the file; for app quit. */
  shutdown(): Promise<void>;
}

export function createServices(inputs: ServiceInputs): Services {
  const timers = inputs.timers ?? realTimers;
  const settings = new SettingsStore(inputs.userDataDir);
  const vault = new VaultService(inputs.vaultPath, {
    // The app and the CLI share this machine's "last state seen" of each vault (rollback warning).
    lastSeenFile: path.join(inputs.userDataDir, LAST_SEEN_FILE_NAME),
    ...inputs.vaultOptions,
    ...(inputs.now ? { now: inputs.now } : {}),
  }, inputs.rehearseUnlock);
  const clipboard = new ClipboardService(inputs.clipboard, () => settings.get().clipboardClearSeconds, timers);
  const listeners = new Set<(reason: LockReason) => void>();
  const importExport = new ImportExportService(vault, inputs.chooseSavePath, inputs.chooseOpenPath, inputs.chooseKeyFile);
  const attachments = new AttachmentService(vault, inputs.chooseAttachment, inputs.chooseAttachmentTarget);
  const now = inputs.now ?? Date.now;
  const generator = new GeneratorService(vault, clipboard);
  const health = new HealthService(vault, now, inputs.notify, inputs.healthWorker);
  const copy = new CopyService(vault, clipboard, now);
  const confirm = inputs.confirm ?? refuseAll;
  const secretRate = new SecretRateLimit(confirm, now, inputs.secretRate);
  const historyCheck = new HistoryCheckService(vault, now, inputs.yieldSlice);
  const cliBridge = inputs.cliBridgeDir ? new CliBridge(inputs.cliBridgeDir, vault, confirm, now) : null;
  const sync = new SyncService(vault, timers, inputs.watchFolder === null ? undefined : (inputs.watchFolder ?? chokidarWatch), inputs.chooseSyncFolder);

  const lock = async (reason: LockReason): Promise<void> => {
    // Lock first: even if the clipboard cannot be read, the key must be gone.
    try {
      importExport.discard();
      health.clear();
      historyCheck.stop();
      cliBridge?.forget();
      sync.stop();
      vault.lock();
    } finally {
      await clipboard.clearIfOurs().catch(() => false);
      for (const l of listeners) l(reason);
    }
  };

  const idle = inputs.idleSeconds;
  const autoLock = new AutoLockService({
    idleSeconds: idle ?? (() => 0),
    autoLockMinutes: () => settings.get().autoLockMinutes,
    isUnlocked: () => idle !== undefined && vault.isUnlocked,
    lock,
    timers,
  });

  return {
    vault,
    clipboard,
    copy,
    settings,
    urls: { open: inputs.openExternal },
    confirm,
    secretRate,
    autoLock,
    importExport,
    attachments,
    generator,
    health,
    historyCheck,
    cliBridge,
    sync,
    now,
    lock,
    onLock(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async shutdown() {
      autoLock.stop();
      health.clear();
      cliBridge?.stop();
      sync.stop();
      try {
        await clipboard.clearIfOurs().catch(() => false);
        // Its throwaway folder is deleted before the process goes.
        await vault.stopRehearsal();
      } finally {
        vault.close();
      }
    },
  };
}
