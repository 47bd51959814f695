// What sync reports to the CLI and the window: the result of one run, the status of the
// target and the devices that write to it. Plain data; neither Node nor DOM.
import type { UnlockReport } from './unlock-report';
import type { RevealableField } from './domain';

/** Why a file on the sync target was not applied. Each reason is a named test in test/security. */
export const QUARANTINE_REASONS = [
  /** The file is shorter than its header says: still arriving, or cut off. Retried every sync. */
  'truncated',
  /** A second copy of a batch under another name (a sync tool's "conflicted copy"). */
  'duplicate',
  /** An earlier batch of the same device is not there (yet): this one waits for it. */
  'out-of-order',
  /** The file holds an older batch of its device under a later batch's name. */
  'replayed',
  /** The device's log goes back behind what this device has already seen of it. */
  'rolled-back',
  /** The file does not authenticate under the vault's sync key, or claims another device's folder. */
  'forged',
  /** The file belongs to another vault's sync target. */
  'other-vault',
  /** A name that is not part of the target layout. */
  'unknown-file',
  /** It authenticates, but its content is not a valid batch. */
  'invalid',
  /** Sealed under a sync key this device does not hold (it was revoked, or the rotation has not arrived). */
  'unknown-key',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export interface QuarantinedFile {
  /** The path inside the target, e.g. `devices/<id>/0000000003.batch`. */
  file: string;
  reason: QuarantineReason;
  /** One sentence for people. */
  message: string;
}

export interface SyncReport {
  /** Item changes this device wrote to the target. */
  pushed: number;
  /** Item changes from other devices applied here. */
  pulled: number;
  /** Items where the same field changed on two devices in this run. */
  conflicts: number;
  quarantined: QuarantinedFile[];
  /** Set when this run took in a master-password change made on another device (its name): the vault now opens with the new password only. */
  passwordChangedOn?: string;
}

/** The newest master-password change this device follows: made here or on another device. */
export interface SyncPasswordChange {
  /** The device it was made on. */
  by: string;
  /** When, by that device's clock (ms). */
  at: number;
  /** True when made on this device. */
  here: boolean;
}

export type SyncTargetInfo = { kind: 'folder'; path: string } | { kind: 'webdav'; url: string; user: string };

export interface SyncDevice {
  id: string;
  name: string;
  /** This machine. */
  current: boolean;
  /** The newest batch this device has applied from it (its own for the current device). */
  seq: number;
  /** When that batch was written (ms), or null when nothing was seen yet. */
  lastSeenAt: number | null;
  /** Revoked: its later batches are ignored and it cannot read what is written now. */
  revoked: boolean;
}

export interface SyncStatus {
  target: SyncTargetInfo;
  device: { id: string; name: string };
  devices: SyncDevice[];
  lastSync: { at: number; ok: boolean; report: SyncReport | null; error: string | null } | null;
  /** Local item changes not yet written to the target. */
  pendingChanges: number;
  /** Items whose conflict waits for the person to resolve it. */
  conflictedItems: string[];
  /** The newest master-password change since this device joined, or null. */
  passwordChange: SyncPasswordChange | null;
}

/** A join from the app: how the new vault's unlock went, and what the first sync brought. */
export interface JoinResult {
  unlock: UnlockReport;
  report: SyncReport;
}

/** How far a join is: batches applied of those found on the target (total 0 while it reads the key envelope). */
export interface JoinProgress {
  done: number;
  total: number;
}

/** What the window knows of sync: not set up, or the status and whether a run is going on. */
export type SyncView = { configured: false } | { configured: true; running: boolean; status: SyncStatus };

/** One field of an item where two devices disagreed. Secret values never cross to the window. */
export interface ConflictField {
  field: string;
  secret: boolean;
  /** The value now in the item (null for a secret). */
  current: string | null;
  /** The value that lost (null for a secret: it is in the password history). */
  other: string | null;
  /** For a secret: the field to reveal the value now with (item:reveal), when it can be revealed. */
  revealCurrent?: RevealableField;
  /** For a secret: the password-history entry that holds the other value (item:reveal-history). */
  otherHistoryIndex?: number;
}

export interface ItemConflict {
  id: string;
  title: string;
  fields: ConflictField[];
}

export const CONFLICT_CHOICES = ['keep-current', 'use-other', 'keep-both'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

/** Folder names sync tools use, as path segments; a vault file inside one gets a warning. */
const SYNC_FOLDER_NAMES = ['Dropbox', 'Nextcloud', 'ownCloud', 'OneDrive', 'iCloud Drive', 'Mobile Documents', 'Google Drive', 'Sync', 'Syncthing', 'Seafile', 'pCloud Drive', 'MEGA'];

/** The sync tool's folder a path lies in (e.g. "Dropbox"), or null. Works on / and \ paths. */
export function syncFolderOf(filePath: string): string | null {
  const segments = filePath.split(/[\\/]/).slice(0, -1);
  for (const s of segments) {
    const hit = SYNC_FOLDER_NAMES.find((n) => s === n || s.startsWith(`${n} (`) || s.startsWith(`${n} -`) || s.startsWith(`${n}-`));
    if (hit) return hit;
  }
  return null;
}

/** "3 min ago", for a sync status line. */
export function agoText(then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 36) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}
