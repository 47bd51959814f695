// The last 100 results, newest first. Values stay in main: each row shows what it was and
// how strong, and Copy asks main to put that value on the clipboard.
import { Copy, Trash2 } from 'lucide-react';
import type { GeneratorHistoryRow } from '../../../../shared/generator';
import { call } from '../../lib/ipc';
import { formatDateTime } from '../../lib/format';
import { Button, IconButton } from '../../components/Button';
import { useConfirm } from '../../components/Confirm';
import { useToast } from '../../components/Toast';
import { SCORE_LABEL } from './options';

const KIND_LABEL = { password: 'Password', passphrase: 'Passphrase', pin: 'PIN' } as const;

export function GeneratorHistory({ rows, onChanged }: { rows: GeneratorHistoryRow[]; onChanged: () => void }) {
  const toast = useToast();
  const confirm = useConfirm();
  const copy = async (index: number) => {
    const r = await call('generator:copy', { index });
    if (r.ok) toast.copied(r.value.clearsInMs);
    else toast.error(r.error.message);
  };
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
        <p className="field-hint">Nothing generated yet. Results are kept here, encrypted in the vault (the last 100).</p>
      ) : (
        <ol className="gen-history" aria-label="Generator history">
          {rows.map((row) => (
            <li key={`${row.at}-${row.index}`} className="gen-history-row" data-testid="generator-history-row">
              <span className="gen-history-what">
                {KIND_LABEL[row.kind]} · {row.length} characters · {SCORE_LABEL[row.score]} · {row.entropyBits.toFixed(0)} bits
              </span>
              <span className="gen-history-when">{formatDateTime(row.at)}</span>
              <IconButton icon={Copy} label={`Copy ${KIND_LABEL[row.kind].toLowerCase()} from ${formatDateTime(row.at)}`} onClick={() => void copy(row.index)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
