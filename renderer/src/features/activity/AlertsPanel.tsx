// What deserves attention: whether the history is intact (main's headline: checked at unlock,
// in full in the background after it, or on demand; an alarm to acknowledge),
// failed unlock attempts, and unusual activity (exports, bursts of secrets leaving the vault).
import { useState } from 'react';
import { ShieldAlert, ShieldCheck, TriangleAlert } from 'lucide-react';
import type { ActivityFlag, ChainHeadline, HistoryStatus } from '../../../../shared/history';
import { Button } from '../../components/Button';
import { call } from '../../lib/ipc';
import { formatDateTime, plural } from '../../lib/format';

const SHOWN = 5;

/** The headline comes from main, which knows what was checked; this only shows it and offers the actions. */
function ChainNotice({ headline, onChanged }: { headline: ChainHeadline; onChanged: () => void }) {
  const [busy, setBusy] = useState<'verify' | 'ack' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (which: 'verify' | 'ack') => {
    setBusy(which);
    const r = which === 'verify' ? await call('history:verify', { full: true }) : await call('history:acknowledge', {});
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    onChanged();
  };
  const danger = headline.tone === 'danger';
  const Icon = danger ? ShieldAlert : ShieldCheck;
  const tone = danger ? 'notice-danger' : 'notice-info';
  return (
    <div className={`notice ${tone} activity-notice`} role={danger ? 'alert' : undefined} data-testid={danger ? 'chain-broken' : headline.tone === 'ok' ? 'chain-ok' : 'chain-partial'}>
      <Icon size={18} aria-hidden="true" className="notice-icon" />
      <div className="notice-body">
        <p>
          <strong>{headline.title}</strong> {headline.text}
        </p>
        {headline.problems.length > 0 ? (
          <ul className="activity-problems">
            {headline.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <p className="field-hint" data-testid="chain-last-full">
          {headline.lastFullCheckAt !== null ? `Whole history last checked ${formatDateTime(headline.lastFullCheckAt)}.` : 'The whole history has not been checked in full since unlock.'}
        </p>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
      {headline.canAcknowledge ? (
        <Button variant="secondary" busy={busy === 'ack'} onClick={() => void act('ack')}>
          Acknowledge
        </Button>
      ) : null}
      <Button variant="secondary" busy={busy === 'verify'} disabled={headline.checking !== null} onClick={() => void act('verify')}>
        Verify whole history
      </Button>
    </div>
  );
}

export function AlertsPanel({ status, flags, onChanged, onShowSeqs }: { status: HistoryStatus & { headline: ChainHeadline }; flags: ActivityFlag[]; onChanged: () => void; onShowSeqs: (f: ActivityFlag) => void }) {
  const failed = status.recentFailedUnlocks;
  return (
    <section className="activity-alerts" aria-label="Alerts">
      <ChainNotice headline={status.headline} onChanged={onChanged} />
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
