// The generator page: options, the result with its strength, copy, and the history.
import { useCallback, useEffect, useState } from 'react';
import { Copy, RefreshCw } from 'lucide-react';
import type { GeneratorHistoryRow } from '../../../../shared/generator';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { GeneratedResult } from './GeneratedResult';
import { GeneratorHistory } from './GeneratorHistory';
import { GeneratorOptions } from './GeneratorOptions';
import { DEFAULT_OPTIONS, type GeneratorOptionsState } from './options';
import { useGenerator } from './useGenerator';
import './generator.css';

export function GeneratorPage() {
  const [options, setOptions] = useState<GeneratorOptionsState>(DEFAULT_OPTIONS);
  const [rows, setRows] = useState<GeneratorHistoryRow[]>([]);
  const toast = useToast();
  const loadHistory = useCallback(() => {
    void call('generator:history', {}).then((r) => {
      if (r.ok) setRows(r.value);
    });
  }, []);
  const { result, error, busy, run } = useGenerator(loadHistory);

  useEffect(() => loadHistory(), [loadHistory]);
  const change = (next: GeneratorOptionsState) => {
    setOptions(next);
    void run(next);
  };
  useEffect(() => {
    void run(DEFAULT_OPTIONS);
  }, [run]);

  // The newest history entry is the result on screen; main copies it from there.
  const copy = async () => {
    const r = await call('generator:copy', { index: 0 });
    if (r.ok) toast.copied(r.value.clearsInMs);
    else toast.error(r.error.message);
  };

  return (
    <div className="page">
      <h1 className="page-title">Generator</h1>
      <div className="page-sections">
        <section className="card settings-card gen-card" aria-label="Generate">
          <GeneratorOptions value={options} onChange={change} />
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {result ? <GeneratedResult result={result} /> : null}
          <div className="row">
            <Button icon={RefreshCw} variant="primary" busy={busy} onClick={() => void run(options)}>
              Generate
            </Button>
            <Button icon={Copy} disabled={!result} onClick={() => void copy()}>
              Copy
            </Button>
          </div>
        </section>
        <GeneratorHistory rows={rows} onChanged={loadHistory} />
      </div>
    </div>
  );
}
