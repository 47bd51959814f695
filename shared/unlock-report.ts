// The sentence for failed unlock attempts that were recorded and later removed from the vault
// file (the unlock throttle's tamper check, docs/security.md): one wording for the app's unlock
// notice, the CLI's stderr and the unlock event in usage history. Also the shapes an unlock
// reports (failed and removed attempts, integrity problems, a rollback) and the lock state.
import type { IntegrityProblem, RollbackWarning } from './integrity';

export type RemovedFailures = number | 'unknown';

export function removedFailuresMessage(removed: RemovedFailures): string {
  if (removed === 'unknown') {
    return 'The record of failed unlock attempts was set back or removed from the vault file: an unknown number of failed attempts may have been hidden.';
  }
  return removed === 1
    ? '1 failed unlock attempt was recorded and later removed from the vault file.'
    : `${removed} failed unlock attempts were recorded and later removed from the vault file.`;
}

export interface FailedUnlock {
  at: number;
}

export interface UnlockReport {
  /** Failed attempts since the last successful unlock, oldest first. */
  failedAttempts: FailedUnlock[];
  /**
   * What the usage-history check at unlock found, and earlier findings not yet acknowledged
   * (the app's unlock notice; set by main from vault.activity.lastCheck). Absent when clear.
   */
  historyProblems?: string[];
  /** Items whose stored data failed its integrity check. */
  damagedItemIds: string[];
  /** Everything the unlock-time integrity check found, each with its reason. */
  integrityProblems: IntegrityProblem[];
  /** Set when the file is older than what this machine last saw (a whole-file rollback). */
  rollback: RollbackWarning | null;
  /**
   * Set when failed attempts were recorded and later removed from the file (a count), or when
   * the throttle's record was set back so the count is unknown; absent when the record is whole.
   */
  removedFailedAttempts?: RemovedFailures;
  /**
   * Set when this unlock took in a master-password change made on another synced device (that
   * device's name): from now on only the new password opens the vault here.
   */
  passwordChangedOn?: string;
}

/** The plain notice for a master-password change that came from another device. */
export function passwordChangedMessage(device: string): string {
  return `The master password was changed on “${device}”. This vault now opens only with the new password.`;
}

export interface LockState {
  unlocked: boolean;
  /** Consecutive failed attempts since the last success. */
  failedCount: number;
  /** Milliseconds until another attempt is allowed; 0 when it is allowed now. */
  retryAfterMs: number;
}
