// After unlocking: who tried and failed since last time, failed attempts that were removed from
// the file afterwards, which items are damaged and why (missing, older version, unknown record,
// stale index), and whether the file is older than this computer last saw (a rollback).
// Also what the usage-history check found (it stays flagged on the Activity page until
// acknowledged), and a master-password change that came from another synced device.
// Dismissible, and shown once per unlock.
import { useState } from 'react';
import { ShieldAlert, X } from 'lucide-react';
import type { UnlockReport } from '../../../../shared/unlock-report';
import { passwordChangedMessage, removedFailuresMessage } from '../../../../shared/unlock-report';
import { formatDateTime, plural } from '../../lib/format';
import { IconButton } from '../../components/Button';

const SHOWN_TIMES = 5;

/** Attempts in the same minute read as one time, counted: "10:37 AM (5 times)". */
function attemptGroups(times: readonly number[]): { label: string; n: number }[] {
  const groups: { label: string; n: number }[] = [];
  for (const at of times) {
    const label = formatDateTime(at);
    const last = groups.at(-1);
    if (last?.label === label) last.n++;
    else groups.push({ label, n: 1 });
  }
  return groups;
}

export function UnlockNotice({ report }: { report: UnlockReport }) {
  const removed = report.removedFailedAttempts;
  const problems = report.integrityProblems;
  const history = report.historyProblems ?? [];
  const [open, setOpen] = useState(
    history.length > 0 ||
    report.failedAttempts.length > 0 ||
      report.damagedItemIds.length > 0 ||
      removed !== undefined ||
      problems.length > 0 ||
      report.rollback !== null ||
      report.passwordChangedOn !== undefined,
  );
  if (!open) return null;
  const fails = report.failedAttempts;
  // Newest first; a burst of guesses in one minute shows its time once.
  const groups = attemptGroups(fails.map((f) => f.at).reverse()).slice(0, SHOWN_TIMES);
  const shown = groups.map((g) => (g.n > 1 ? `${g.label} (${g.n} times)` : g.label)).join('; ');
  const hiddenCount = fails.length - groups.reduce((n, g) => n + g.n, 0);
  return (
    <div className="notice notice-warn" role="alert" data-testid="unlock-notice">
      <ShieldAlert size={18} aria-hidden="true" className="notice-icon" />
      <div className="notice-body">
        {report.passwordChangedOn !== undefined ? (
          <p data-testid="password-changed-elsewhere">
            <strong>{passwordChangedMessage(report.passwordChangedOn)}</strong>
          </p>
        ) : null}
        {history.length > 0 ? (
          <div data-testid="history-problems">
            <p>
              <strong>The usage history was tampered with.</strong> It stays flagged on the Activity page until you acknowledge it there:
            </p>
            <ul>
              {history.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {fails.length > 0 ? (
          <p>
            <strong>{plural(fails.length, 'failed unlock attempt')}</strong> since your last unlock:{' '}
            {shown}
            {hiddenCount > 0 ? ` and ${hiddenCount} earlier` : ''}.
          </p>
        ) : null}
        {removed !== undefined ? (
          <p data-testid="removed-failures">
            <strong>{removedFailuresMessage(removed)}</strong> Someone with access to this computer may have tried to guess your master password.
          </p>
        ) : null}
        {report.rollback ? (
          <p data-testid="rollback-warning">
            <strong>{report.rollback.message}</strong>
          </p>
        ) : null}
        {report.damagedItemIds.length > 0 ? (
          <p>
            <strong>{plural(report.damagedItemIds.length, 'item')} failed the integrity check</strong> and cannot be opened. Restore them from a backup or export.
          </p>
        ) : null}
        {problems.length > 0 ? (
          <ul data-testid="integrity-problems">
            {problems.map((p) => (
              <li key={`${p.reason}:${p.id}`}>{p.message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <IconButton icon={X} label="Dismiss notice" onClick={() => setOpen(false)} />
    </div>
  );
}

