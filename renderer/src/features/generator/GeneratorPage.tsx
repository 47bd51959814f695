// The generator page: options, the result with its strength, copy, and the history of
// results copied or used.
import { useCallback, useEffect, useState } from 'react';
import { Copy, RefreshCw } from 'lucide-react';
import type { GeneratorHistoryRow } from '../../../../shared/generator';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { GeneratedResult } from './GeneratedResult';
import { GeneratorHistory } from './GeneratorHistory';
import { GeneratorOptions } from './GeneratorOptions';
import { DEFAULT_OPTIONS, KIND_LABEL, type GeneratorOptionsState } from './options';
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
  const { result, error, busy, run } = useGenerator();

  useEffect(() => loadHistory(), [loadHistory]);
  const change = (next: GeneratorOptionsState) => {
    setOptions(next);
    void run(next);
  };
  useEffect(() => {
    void run(DEFAULT_OPTIONS);
  }, [run]);

  // Copying is what puts a result into the history.
  const copy = async () => {
    if (!result) return;
    const r = await call('generator:copy-offered', { token: result.token });
    if (r.ok) toast.copied(KIND_LABEL[result.kind], r.value.clearsInMs);
    else toast.error(r.error.message);
    loadHistory();
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
