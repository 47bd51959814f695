// Vault health: findings grouped by kind, each naming its items (title, username, site) as
// links that open them. Main computes the report from the secrets and sends ids, names and
// reasons only; while it runs, the page shows how far it is.
import { useCallback, useEffect, useState } from 'react';
import { RefreshCw, ShieldCheck } from 'lucide-react';
import { HEALTH_KINDS, HEALTH_LABELS } from '../../../../shared/health';
import type { HealthProgress, HealthReply } from '../../../../shared/health';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { EmptyState, Spinner } from '../../components/EmptyState';
import { publishHealthCount } from './health-count';
import './health.css';

export function HealthPage({ openItem }: { openItem?: (id: string) => void }) {
  const [report, setReport] = useState<HealthReply | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const progress = useCheckProgress(busy);

  const load = useCallback(async () => {
    setBusy(true);
    const r = await call('health:report', {});
    setBusy(false);
    if (r.ok) {
      setReport(r.value);
      setError('');
      publishHealthCount(r.value.findings.length);
    } else setError(r.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const named = (id: string) => report?.items.find((i) => i.id === id);
  return (
    <div className="page">
      <div className="health-head">
        <h1 className="page-title">Vault health</h1>
        <Button icon={RefreshCw} busy={busy} onClick={() => void load()}>
          Check again
        </Button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {busy ? <CheckProgress progress={progress} /> : null}
      {!report ? (
        error || busy ? null : <Spinner label="Checking the vault…" />
      ) : report.findings.length === 0 ? (
        <EmptyState icon={ShieldCheck} title="No findings">No weak, reused or old passwords, no keys due, nothing unused or duplicated.</EmptyState>
      ) : (
        <div className="page-sections">
          {HEALTH_KINDS.map((kind) => {
            const found = report.findings.filter((f) => f.kind === kind);
            if (found.length === 0) return null;
            return (
              <section key={kind} className="card settings-card health-group" aria-labelledby={`health-${kind}`} data-testid={`health-${kind}`}>
                <h2 id={`health-${kind}`} className="card-title">
                  {HEALTH_LABELS[kind]} <span className="badge badge-muted">{found.length}</span>
                </h2>
                <ul className="health-list">
                  {found.map((f) => (
                    <li key={f.itemIds.join(',')} className="health-finding">
                      <span className="health-items">
                        {f.itemIds.map((id, i) => (
                          <span key={id}>
                            {i > 0 ? ', ' : ''}
                            <button type="button" className="link-button" onClick={() => openItem?.(id)}>
                              {named(id)?.title ?? id}
                            </button>
                            <ItemWho item={named(id)} />
                          </span>
                        ))}
                      </span>
                      <span className="health-reason">{f.reason}</span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** The username and site after a title, so items that share a title can be told apart. */
function ItemWho({ item }: { item: HealthReply['items'][number] | undefined }) {
  const who = [item?.username, item?.host].filter(Boolean).join(' · ');
  return who ? <span className="health-who"> ({who})</span> : null;
}

const POLL_MS = 200;

/** Polls main for how far the running check is, while `running`. */
function useCheckProgress(running: boolean): HealthProgress | null {
  const [progress, setProgress] = useState<HealthProgress | null>(null);
  useEffect(() => {
    if (!running) return setProgress(null);
    let live = true;
    const poll = () =>
      void call('health:progress', {}).then((r) => {
        if (live && r.ok && r.value) setProgress(r.value);
      });
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [running]);
  return progress;
}

function CheckProgress({ progress }: { progress: HealthProgress | null }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  return (
    <div className="health-progress" data-testid="health-progress">
      <progress max={Math.max(total, 1)} value={done} aria-label="Checking the vault" />
      {/* Steps: each item read, and each password scored (in main's worker threads). */}
      <span className="field-hint">{total > 0 ? `Checking the vault… ${Math.floor((100 * done) / total)}%` : 'Starting the check…'}</span>
    </div>
  );
}
