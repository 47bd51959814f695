// The results copied or used, newest first (the last 100). Each value is masked: the eye
// fetches it from main to show it here until hidden, and Copy asks main to put it on the
// clipboard.
import { useState } from 'react';
import { Copy, Eye, EyeOff, Trash2 } from 'lucide-react';
import type { GeneratorHistoryRow } from '../../../../shared/generator';
import { call } from '../../lib/ipc';
import { formatDateTime } from '../../lib/format';
import { Button, IconButton } from '../../components/Button';
import { useConfirm } from '../../components/Confirm';
import { useToast } from '../../components/Toast';
import { KIND_LABEL, SCORE_LABEL } from './options';

function HistoryRow({ row }: { row: GeneratorHistoryRow }) {
  const toast = useToast();
  const [value, setValue] = useState<string | null>(null);
  const what = `${KIND_LABEL[row.kind].toLowerCase()} from ${formatDateTime(row.at)}`;
  const copy = async () => {
    const r = await call('generator:copy', { index: row.index });
    if (r.ok) toast.copied(KIND_LABEL[row.kind], r.value.clearsInMs);
    else toast.error(r.error.message);
  };
  const toggle = async () => {
    if (value !== null) return setValue(null);
    const r = await call('generator:reveal', { index: row.index });
    if (r.ok) setValue(r.value.value);
    else toast.error(r.error.message);
  };
  return (
    <li className="gen-history-row" data-testid="generator-history-row">
      <span className="gen-history-main">
        <span className={`gen-history-value mono${value === null ? ' concealed' : ''}`} data-testid="generator-history-value">
          {value ?? '•'.repeat(Math.min(row.length, 16))}
        </span>
        <span className="gen-history-what">
          {KIND_LABEL[row.kind]} · {row.length} characters · {SCORE_LABEL[row.score]} · {row.entropyBits.toFixed(0)} bits
        </span>
      </span>
      <span className="gen-history-when">{formatDateTime(row.at)}</span>
      <IconButton icon={value === null ? Eye : EyeOff} label={value === null ? `Reveal ${what}` : `Hide ${what}`} pressed={value !== null} onClick={() => void toggle()} />
      <IconButton icon={Copy} label={`Copy ${what}`} onClick={() => void copy()} />
    </li>
  );
}

export function GeneratorHistory({ rows, onChanged }: { rows: GeneratorHistoryRow[]; onChanged: () => void }) {
  const toast = useToast();
  const confirm = useConfirm();
  const clear = async () => {
    if (!(await confirm({ title: 'Clear the generator history?', message: 'Every remembered result is deleted from the vault.', confirmLabel: 'Clear history', danger: true }))) return;
    const r = await call('generator:clear-history', {});
    if (r.ok) toast.info('Generator history cleared');
    else toast.error(r.error.message);
    onChanged();
  };
  return (
    <section className="card settings-card" aria-labelledby="gen-history-title">
      <div className="gen-history-head">
        <h2 id="gen-history-title" className="card-title">
          History
        </h2>
        <Button icon={Trash2} variant="ghost" disabled={rows.length === 0} onClick={() => void clear()}>
          Clear history
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className="field-hint">Nothing copied or used yet. Results you copy, or put into an item, are kept here, encrypted in the vault (the last 100).</p>
      ) : (
        <ol className="gen-history" aria-label="Generator history">
          {rows.map((row) => (
            <HistoryRow key={`${row.at}-${row.index}`} row={row} />
          ))}
        </ol>
      )}
    </section>
  );
}
