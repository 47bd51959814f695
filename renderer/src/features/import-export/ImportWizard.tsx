// The import wizard: choose a file (main opens the dialog, reads the file and keeps it; the
// page gets its name and size), see the preview — format, counts by type, the first rows with
// secrets masked, problem rows by line and duplicates — map columns for a generic CSV, decide
// about duplicates and problem rows, then import in one transaction, following it batch by
// batch, and see the result.
import { useState } from 'react';
import { FileUp, KeyRound } from 'lucide-react';
import {
  IMPORT_FORMATS,
  IMPORT_FORMAT_LABELS,
  WHOLE_FILE_FORMATS,
  type ColumnMapping,
  type ImportFileInfo,
  type ImportFormat,
  type ImportPreviewReply,
  type ImportResult,
} from '../../../../shared/import-export';
import { plural } from '../../lib/format';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { PasswordField } from '../../components/PasswordInput';
import { useVaultData } from '../../state/vault-data';
import { FileChoice } from './FileChoice';
import { PreviewStep } from './PreviewStep';
import { useImportProgress } from './useImportProgress';
import { FormError } from '../../components/FormError';

type Step =
  | { kind: 'choose' }
  | { kind: 'preview'; preview: ImportPreviewReply }
  | { kind: 'importing'; count: number; previewId: string }
  | { kind: 'done'; result: ImportResult & { problemsTotal: number } };

export function ImportWizard() {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [file, setFile] = useState<ImportFileInfo | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [password, setPassword] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [keyFile, setKeyFile] = useState('');
  const [keepDuplicates, setKeepDuplicates] = useState(false);
  const [skipProblems, setSkipProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { changed } = useVaultData();

  const choose = async () => {
    setChoosing(true);
    const r = await call('import:choose-file', {});
    setChoosing(false);
    if (!r.ok) {
      // Main forgets the previous file once another is chosen, even one it cannot read.
      setFile(null);
      return setError(r.error.message);
    }
    if ('cancelled' in r.value) return;
    setFile(r.value);
    setPassword('');
    setKeyFile('');
    setNeedsPassword(r.value.protectedBy !== undefined);
    setError('');
  };

  const chooseKeyFile = async () => {
    if (!file) return;
    const r = await call('import:choose-key-file', { sourceId: file.sourceId });
    if (!r.ok) return setError(r.error.message);
    if ('cancelled' in r.value) return;
    setKeyFile(r.value.fileName);
    setError('');
  };

  const preview = async (withMapping: ColumnMapping | null = mapping) => {
    if (!file) return setError('Choose a file first.');
    setBusy(true);
    setError('');
    const r = await call('import:preview', {
      sourceId: file.sourceId,
      ...(format ? { format } : {}),
      ...(withMapping && (format === 'generic' || format === '') ? { mapping: withMapping, format: 'generic' as const } : {}),
      ...(password ? { password } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === 'wrong-password') {
        setNeedsPassword(true);
        return setError(password ? (file.protectedBy === 'kdbx' ? 'That password or key file does not open this database.' : 'That password does not open this export.') : r.error.message);
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
    setKeyFile('');
    setNeedsPassword(false);
    setError('');
  };

  const passwordLabel = file?.protectedBy === 'kdbx' ? 'Password of the KeePass database' : file?.protectedBy === 'bitwarden-json' ? 'Password of the Bitwarden export' : 'Password of the encrypted export';

  return (
    <section className="card settings-card ie-card" aria-labelledby="import-title">
      <h2 id="import-title" className="card-title">
        Import
      </h2>
      {step.kind === 'choose' ? (
        <div className="form-stack">
          <FileChoice file={file} busy={choosing} onChoose={() => void choose()} />
          <div className="field">
            <label className="field-label" htmlFor="import-format">
              Format
            </label>
            <select id="import-format" className="input select" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | '')}>
              <option value="">Recognise from the file</option>
              {IMPORT_FORMATS.filter((f) => !WHOLE_FILE_FORMATS.includes(f)).map((f) => (
                <option key={f} value={f}>
                  {IMPORT_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          {needsPassword ? <PasswordField label={passwordLabel} value={password} onChange={setPassword} /> : null}
          {file?.protectedBy === 'kdbx' ? (
            <div className="field">
              <Button icon={KeyRound} onClick={() => void chooseKeyFile()}>
                {keyFile ? 'Change key file…' : 'Key file…'}
              </Button>
              <p className="field-hint" data-testid="key-file">
                {keyFile ? `Key file: ${keyFile}` : 'Only if the database has a key file.'}
              </p>
            </div>
          ) : null}
          <FormError message={error} />
          <div>
            <Button variant="primary" icon={FileUp} busy={busy} disabled={!file || choosing} onClick={() => void preview(null)}>
              Preview
            </Button>
          </div>
        </div>
      ) : null}

      {step.kind === 'preview' ? (
        <PreviewStep
          p={step.preview}
          mapping={mapping}
          onMapping={(m) => {
            setMapping(m);
            void preview(m);
          }}
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
