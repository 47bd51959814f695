// What deserves attention: whether the history is intact (checked at unlock, fully on demand),
// failed unlock attempts, and unusual activity (exports, bursts of secrets leaving the vault).
import { useState } from 'react';
import { ShieldAlert, ShieldCheck, TriangleAlert } from 'lucide-react';
import type { ActivityFlag, ChainReport, HistoryStatus } from '../../../../shared/history';
import { Button } from '../../components/Button';
import { call } from '../../lib/ipc';
import { formatDateTime, plural } from '../../lib/format';

const SHOWN = 5;

function ChainNotice({ check, onVerified }: { check: ChainReport | null; onVerified: (r: ChainReport) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setBusy(true);
    const r = await call('history:verify', { full: true });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    onVerified(r.value);
  };
  const button = (
    <Button variant="secondary" busy={busy} onClick={() => void verify()}>
      Verify whole history
    </Button>
  );
  if (!check) return null;
  if (check.ok) {
    return (
      <div className="notice notice-info activity-notice" data-testid="chain-ok">
        <ShieldCheck size={18} aria-hidden="true" className="notice-icon" />
        <div className="notice-body">
          <p>
            <strong>History is intact.</strong> {check.mode === 'full' ? `All ${check.checkedEvents.toLocaleString()} events were checked` : 'Events added since the last check were verified'} on{' '}
            {formatDateTime(check.checkedAt)}; no event was edited, deleted or reordered.
          </p>
          {error ? <p className="field-error">{error}</p> : null}
        </div>
        {button}
      </div>
    );
  }
  return (
    <div className="notice notice-danger activity-notice" role="alert" data-testid="chain-broken">
      <ShieldAlert size={18} aria-hidden="true" className="notice-icon" />
      <div className="notice-body">
        <p>
          <strong>The usage history was tampered with.</strong> Someone with access to the vault file changed it outside Keystash:
        </p>
        <ul className="activity-problems">
          {check.problems.map((p) => (
            <li key={`${p.kind}-${p.seq}`}>{p.message}</li>
          ))}
        </ul>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
      {button}
    </div>
  );
}

export function AlertsPanel({ status, flags, onVerified, onShowSeqs }: { status: HistoryStatus; flags: ActivityFlag[]; onVerified: (r: ChainReport) => void; onShowSeqs: (f: ActivityFlag) => void }) {
  const failed = status.recentFailedUnlocks;
  return (
    <section className="activity-alerts" aria-label="Alerts">
      <ChainNotice check={status.lastCheck} onVerified={onVerified} />
      {failed.length > 0 ? (
        <div className="notice notice-warn activity-notice" data-testid="failed-unlocks">
          <ShieldAlert size={18} aria-hidden="true" className="notice-icon" />
          <div className="notice-body">
            <p>
              <strong>{plural(failed.length, 'failed unlock attempt')}</strong> in the last 30 days: {failed.slice(0, SHOWN).map((t) => formatDateTime(t)).join(', ')}
              {failed.length > SHOWN ? ` and ${failed.length - SHOWN} more` : ''}.
            </p>
          </div>
        </div>
      ) : null}
      {flags.length > 0 ? (
        <div className="notice notice-warn activity-notice" data-testid="activity-flags">
          <TriangleAlert size={18} aria-hidden="true" className="notice-icon" />
          <div className="notice-body">
            <p>
              <strong>Unusual activity</strong> in the last 30 days:
            </p>
            <ul className="activity-problems">
              {flags.slice(0, SHOWN).map((f) => (
                <li key={`${f.reason}-${f.from}`}>
                  {formatDateTime(f.from)} — {f.message}{' '}
                  <button type="button" className="link-btn" onClick={() => onShowSeqs(f)}>
                    Show
                  </button>
                </li>
              ))}
            </ul>
            {flags.length > SHOWN ? <p className="field-hint">and {plural(flags.length - SHOWN, 'more flag')}</p> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
