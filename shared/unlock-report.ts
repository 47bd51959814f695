// The sentence for failed unlock attempts that were recorded and later removed from the vault
// file (the unlock throttle's tamper check, docs/security.md): one wording for the app's unlock
// notice, the CLI's stderr and the unlock event in usage history.
export type RemovedFailures = number | 'unknown';

export function removedFailuresMessage(removed: RemovedFailures): string {
  if (removed === 'unknown') {
    return 'The record of failed unlock attempts was set back or removed from the vault file: an unknown number of failed attempts may have been hidden.';
  }
  return removed === 1
    ? '1 failed unlock attempt was recorded and later removed from the vault file.'
    : `${removed} failed unlock attempts were recorded and later removed from the vault file.`;
}
