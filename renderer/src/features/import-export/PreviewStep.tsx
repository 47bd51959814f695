// The wizard's preview step: the format and counts, the column mapping of a generic CSV, the
// first rows with secrets masked, problem rows by line, and duplicates with the choice to
// skip them or import them anyway. It shows a preview main has made; it reads no file.
import type { ColumnMapping, ImportPreviewReply } from '../../../../shared/import-export';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { plural } from '../../lib/format';
import { ColumnMapper } from './ColumnMapper';
import { PreviewTable } from './PreviewTable';

interface PreviewStepProps {
  p: ImportPreviewReply;
  mapping: ColumnMapping | null;
  /** A changed mapping; the wizard asks main for a fresh preview at once. */
  onMapping: (m: ColumnMapping) => void;
  keepDuplicates: boolean;
  onKeepDuplicates: (v: boolean) => void;
  skipProblems: boolean;
  onSkipProblems: (v: boolean) => void;
  busy: boolean;
  error: string;
  onImport: () => void;
  onCancel: () => void;
}

export function PreviewStep({ p, mapping, onMapping, keepDuplicates, onKeepDuplicates, skipProblems, onSkipProblems, busy, error, onImport, onCancel }: PreviewStepProps) {
  const count = p.counts.login + p.counts.api_key + p.counts.note + (keepDuplicates ? p.duplicatesTotal : 0);
  const blocked = p.problemsTotal > 0 && !skipProblems;
  return (
    <div className="form-stack">
      <p className="ie-summary">
        <strong>{p.formatLabel}</strong> {p.detected ? (p.headers.length > 0 ? '(recognised from the header)' : '(recognised from its content)') : ''} — {plural(p.rows, 'row')}: {plural(p.counts.login, 'login')},{' '}
        {plural(p.counts.note, 'note')}
        {p.counts.api_key ? `, ${plural(p.counts.api_key, 'API key')}` : ''}.
      </p>
      {p.ignoredColumns.length > 0 ? <p className="field-hint">Not imported (no meaning in Keystash): {p.ignoredColumns.join(', ')}.</p> : null}
      {p.format === 'generic' && mapping ? (
        <>
          <ColumnMapper headers={p.headers} mapping={mapping} onChange={onMapping} />
          <p className="field-hint" aria-live="polite" data-testid="preview-status">
            {busy ? 'Updating the preview…' : 'The preview below follows the mapping.'}
          </p>
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
          <legend className="subsection-title">{plural(p.duplicatesTotal, 'row')} {p.duplicatesTotal === 1 ? 'is a duplicate' : 'are duplicates'}</legend>
          <p className="field-hint">Same title, username and address as an item already in the vault, or as an earlier row of this file.</p>
          <ul className="ie-list">
            {p.duplicates.slice(0, 20).map((d) => (
              <li key={d.line}>
                Line {d.line}: {d.title} — {d.of === 'vault' ? 'duplicate of an item in the vault' : 'duplicate of an earlier row'}
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
