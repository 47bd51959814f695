// Keeping and taking out the history: the retention setting (stored encrypted in the vault,
// so the CLI honours it too) and export of the filtered log as CSV or JSON.
import { useState } from 'react';
import { Download } from 'lucide-react';
import type { HistoryFilter, Retention } from '../../../../shared/history';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { call } from '../../lib/ipc';
import { plural } from '../../lib/format';

const RETENTION_LABEL: Record<Retention, string> = { forever: 'Keep everything', '1y': 'Keep 1 year', '90d': 'Keep 90 days' };

export function HistoryTools({ retention, filter, onChanged }: { retention: Retention; filter: HistoryFilter; onChanged: () => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const setRetention = async (r: Retention) => {
    setBusy('retention');
    const res = await call('history:set-retention', { retention: r });
    setBusy(null);
    if (!res.ok) return toast.error(res.error.message);
    toast.info(res.value.pruned > 0 ? `${RETENTION_LABEL[r]}: ${plural(res.value.pruned, 'older event')} deleted` : `${RETENTION_LABEL[r]}`);
    onChanged();
  };
  const exportAs = async (format: 'csv' | 'json') => {
    setBusy(format);
    const res = await call('history:export', { format, filter });
    setBusy(null);
    if (!res.ok) return toast.error(res.error.message);
    if ('cancelled' in res.value) return;
    toast.info(`Exported ${plural(res.value.count, 'event')} to ${res.value.path}`);
    onChanged();
  };
  return (
    <div className="activity-tools">
      <label className="activity-date">
        <span>History</span>
        <select className="input select" aria-label="Keep history" value={retention} disabled={busy === 'retention'} onChange={(e) => void setRetention(e.target.value as Retention)}>
          {(Object.keys(RETENTION_LABEL) as Retention[]).map((r) => (
            <option key={r} value={r}>
              {RETENTION_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      <Button icon={Download} busy={busy === 'csv'} onClick={() => void exportAs('csv')}>
        Export CSV
      </Button>
      <Button icon={Download} busy={busy === 'json'} onClick={() => void exportAs('json')}>
        Export JSON
      </Button>
    </div>
  );
}
