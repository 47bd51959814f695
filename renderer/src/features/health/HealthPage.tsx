// Vault health: findings grouped by kind, each naming its items as links that open them.
// Main computes the report from the secrets and sends ids, titles and reasons only.
import { useCallback, useEffect, useState } from 'react';
import { RefreshCw, ShieldCheck } from 'lucide-react';
import { HEALTH_KINDS, HEALTH_LABELS } from '../../../../shared/health';
import type { HealthReply } from '../../../../shared/health';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { EmptyState, Spinner } from '../../components/EmptyState';
import { publishHealthCount } from './health-count';
import './health.css';

export function HealthPage({ openItem }: { openItem?: (id: string) => void }) {
  const [report, setReport] = useState<HealthReply | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

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

  const title = (id: string) => report?.items.find((i) => i.id === id)?.title ?? id;
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
      {!report ? (
        error ? null : <Spinner label="Checking the vault…" />
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
                              {title(id)}
                            </button>
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
