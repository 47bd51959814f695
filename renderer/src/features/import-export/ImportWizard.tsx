// The import wizard: choose a file (read here, sent to main as base64), see the preview —
// format, counts by type, the first rows with secrets masked, problem rows by line and
// duplicates — map columns for a generic CSV, decide about duplicates and problem rows,
// then import in one transaction, following it batch by batch, and see the result.
import { useRef, useState } from 'react';
import { FileUp } from 'lucide-react';
import { IMPORT_FORMATS, IMPORT_FORMAT_LABELS, type ColumnMapping, type ImportFormat, type ImportResult } from '../../../../shared/import-export';
import type { ImportPreviewReply } from '../../../../shared/import-export';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { PasswordField } from '../../components/PasswordInput';
import { useVaultData } from '../vault/vault-data';
import { ColumnMapper } from './ColumnMapper';
import { fileToBase64, MAX_IMPORT_BYTES } from './file-bytes';
import { PreviewTable } from './PreviewTable';
import { useImportProgress } from './useImportProgress';
import { FormError } from '../../components/FormError';

type Step =
  | { kind: 'choose' }
  | { kind: 'preview'; preview: ImportPreviewReply }
  | { kind: 'importing'; count: number; previewId: string }
  | { kind: 'done'; result: ImportResult & { problemsTotal: number } };

const plural = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;

export function ImportWizard() {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [password, setPassword] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [keepDuplicates, setKeepDuplicates] = useState(false);
  const [skipProblems, setSkipProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const { changed } = useVaultData();

  const preview = async (withMapping: ColumnMapping | null = mapping) => {
    if (!file) return setError('Choose a file first.');
    if (file.size > MAX_IMPORT_BYTES) return setError('The file is larger than 100 MB; split it and import the parts.');
    setBusy(true);
    setError('');
    const bytes = await fileToBase64(file);
    const r = await call('import:preview', {
      fileName: file.name,
      bytes,
      ...(format ? { format } : {}),
      ...(withMapping && (format === 'generic' || format === '') ? { mapping: withMapping, format: 'generic' as const } : {}),
      ...(password ? { password } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === 'wrong-password') {
        setNeedsPassword(true);
        return setError(password ? 'That password does not open this export.' : r.error.message);
      }
      return setError(r.error.message);
    }
    setMapping(r.value.mapping);
    setSkipProblems(false);
    setStep({ kind: 'preview', preview: r.value });
  };

  const commit = async (p: ImportPreviewReply) => {
    const count = p.counts.login + p.counts.api_key + p.counts.note + (keepDuplicates ? p.duplicatesTotal : 0);
    setStep({ kind: 'importing', count, previewId: p.previewId });
    const r = await call('import:commit', { previewId: p.previewId, skipDuplicates: !keepDuplicates, skipProblemRows: skipProblems });
    if (!r.ok) {
      setError(r.error.message);
      return setStep({ kind: 'preview', preview: p });
    }
    changed();
    setStep({ kind: 'done', result: r.value });
  };

  const reset = () => {
    setStep({ kind: 'choose' });
    setFile(null);
    setMapping(null);
    setPassword('');
    setNeedsPassword(false);
    setError('');
    if (input.current) input.current.value = '';
  };

  return (
    <section className="card settings-card ie-card" aria-labelledby="import-title">
      <h2 id="import-title" className="card-title">
        Import
      </h2>
      {step.kind === 'choose' ? (
        <div className="form-stack">
          <div className="field">
            <label className="field-label" htmlFor="import-file">
              File to import
            </label>
            <input
              id="import-file"
              ref={input}
              type="file"
              className="input"
              accept=".csv,.tsv,.txt,.json,.keystash-export,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setNeedsPassword(false);
                setError('');
              }}
            />
            <div className="field-hint">A CSV export from Bitwarden, Chrome/Edge/Brave, Firefox, Safari, KeePassXC, LastPass, 1Password, Proton Pass or Dashlane, any other CSV, or a Keystash export.</div>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="import-format">
              Format
            </label>
            <select id="import-format" className="input select" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | '')}>
              <option value="">Recognise from the header</option>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {IMPORT_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          {needsPassword ? <PasswordField label="Password of the encrypted export" value={password} onChange={setPassword} /> : null}
          <FormError message={error} />
          <div>
            <Button variant="primary" icon={FileUp} busy={busy} disabled={!file} onClick={() => void preview(null)}>
              Preview
            </Button>
          </div>
        </div>
      ) : null}

      {step.kind === 'preview' ? (
        <PreviewStep
          p={step.preview}
          mapping={mapping}
          onMapping={setMapping}
          onRemap={() => void preview(mapping)}
          keepDuplicates={keepDuplicates}
          onKeepDuplicates={setKeepDuplicates}
          skipProblems={skipProblems}
          onSkipProblems={setSkipProblems}
          busy={busy}
          error={error}
          onImport={() => void commit(step.preview)}
          onCancel={reset}
        />
      ) : null}

      {step.kind === 'importing' ? <ImportingStep count={step.count} previewId={step.previewId} /> : null}

      {step.kind === 'done' ? (
        <div className="form-stack" role="status">
          <progress className="ie-progress" value={1} max={1} aria-label="Import progress" />
          <p className="ie-result">
            {step.result.committed
              ? `Imported ${plural(step.result.imported, 'item')}${step.result.skipped ? `; skipped ${plural(step.result.skipped, 'row')}` : ''}.`
              : 'Nothing was imported: some rows have problems.'}
          </p>
          <div>
            <Button onClick={reset}>Import another file</Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** The bar follows the rows saved so far; nothing is visible in the vault until the last one. */
function ImportingStep({ count, previewId }: { count: number; previewId: string }) {
  const progress = useImportProgress(previewId);
  const fraction = progress?.fraction ?? 0;
  const percent = Math.round(fraction * 100);
  const status =
    progress?.phase === 'finishing'
      ? `Saved ${plural(progress.imported, 'item')}; finishing the import…`
      : progress
        ? `Saved ${progress.imported.toLocaleString()} of ${plural(count, 'item')} (${percent}%)…`
        : `Importing ${plural(count, 'item')}…`;
  return (
    <div className="form-stack">
      <p aria-live="polite">{status}</p>
      <progress className="ie-progress" value={fraction} max={1} aria-label="Import progress" aria-valuetext={`${percent}%`} />
      <p className="field-hint">Everything is saved in one transaction: if the import stops (or the vault locks) before the end, nothing is imported.</p>
    </div>
  );
}

interface PreviewStepProps {
  p: ImportPreviewReply;
  mapping: ColumnMapping | null;
  onMapping: (m: ColumnMapping) => void;
  onRemap: () => void;
  keepDuplicates: boolean;
  onKeepDuplicates: (v: boolean) => void;
  skipProblems: boolean;
  onSkipProblems: (v: boolean) => void;
  busy: boolean;
  error: string;
  onImport: () => void;
  onCancel: () => void;
}

function PreviewStep({ p, mapping, onMapping, onRemap, keepDuplicates, onKeepDuplicates, skipProblems, onSkipProblems, busy, error, onImport, onCancel }: PreviewStepProps) {
  const count = p.counts.login + p.counts.api_key + p.counts.note + (keepDuplicates ? p.duplicatesTotal : 0);
  const blocked = p.problemsTotal > 0 && !skipProblems;
  return (
    <div className="form-stack">
      <p className="ie-summary">
        <strong>{p.formatLabel}</strong> {p.detected ? '(recognised from the header)' : ''} — {plural(p.rows, 'row')}: {plural(p.counts.login, 'login')},{' '}
        {plural(p.counts.note, 'note')}
        {p.counts.api_key ? `, ${plural(p.counts.api_key, 'API key')}` : ''}.
      </p>
      {p.ignoredColumns.length > 0 ? <p className="field-hint">Not imported (no meaning in Keystash): {p.ignoredColumns.join(', ')}.</p> : null}
      {p.format === 'generic' && mapping ? (
        <>
          <ColumnMapper headers={p.headers} mapping={mapping} onChange={onMapping} />
          <div>
            <Button busy={busy} onClick={onRemap}>
              Update preview
            </Button>
          </div>
        </>
      ) : null}
      <h3 className="subsection-title">First rows</h3>
      <PreviewTable rows={p.sample} />
      {p.problemsTotal > 0 ? (
        <div className="ie-problems" role="region" aria-label="Problem rows">
          <h3 className="subsection-title">{plural(p.problemsTotal, 'row')} cannot be imported</h3>
          <ul className="ie-list">
            {p.problems.map((x) => (
              <li key={x.line}>
                Line {x.line}: {x.reason}
              </li>
            ))}
          </ul>
          {p.problemsTotal > p.problems.length ? <p className="field-hint">…and {p.problemsTotal - p.problems.length} more.</p> : null}
          <label className="ie-check">
            <input type="checkbox" checked={skipProblems} onChange={(e) => onSkipProblems(e.target.checked)} /> Import the other rows and leave these out
          </label>
        </div>
      ) : null}
      {p.duplicatesTotal > 0 ? (
        <fieldset className="fieldset" aria-label="Duplicates">
          <legend className="subsection-title">{plural(p.duplicatesTotal, 'row')} duplicate items you already have</legend>
          <ul className="ie-list">
            {p.duplicates.slice(0, 20).map((d) => (
              <li key={d.line}>
                Line {d.line}: {d.title} ({d.of === 'vault' ? 'already in the vault' : 'repeats an earlier row'})
              </li>
            ))}
          </ul>
          <label className="ie-check">
            <input type="radio" name="dupes" checked={!keepDuplicates} onChange={() => onKeepDuplicates(false)} /> Skip duplicates
          </label>
          <label className="ie-check">
            <input type="radio" name="dupes" checked={keepDuplicates} onChange={() => onKeepDuplicates(true)} /> Import them anyway
          </label>
        </fieldset>
      ) : null}
      <FormError message={error} />
      <div className="row">
        <Button variant="primary" disabled={blocked || count === 0} onClick={onImport}>
          Import {plural(count, 'item')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Choose another file
        </Button>
      </div>
    </div>
  );
}
