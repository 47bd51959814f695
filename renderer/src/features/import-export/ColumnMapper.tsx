// Column mapping for a generic CSV: one select per Keystash field, listing the file's headers.
// Unmapped columns become custom fields, so the person only maps what has a home.
import { useId } from 'react';
import { MAP_TARGETS, type ColumnMapping, type MapTarget } from '../../../../shared/import-export';

const LABELS: Record<MapTarget, string> = {
  title: 'Title',
  username: 'Username',
  password: 'Password',
  url: 'URL',
  notes: 'Notes',
  totp: 'One-time password',
  folder: 'Folder',
  favorite: 'Favorite',
  tags: 'Tags',
};

interface Props {
  headers: string[];
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
}

export function ColumnMapper({ headers, mapping, onChange }: Props) {
  const base = useId();
  const set = (target: MapTarget, column: string) => {
    const next: ColumnMapping = { ...mapping };
    if (column === '') delete next[target];
    else next[target] = [column];
    onChange(next);
  };
  return (
    <fieldset className="fieldset ie-mapping">
      <legend className="subsection-title">Map the columns</legend>
      <p className="field-hint">Columns you leave unmapped are kept as custom fields; those named like secrets are concealed.</p>
      <div className="ie-mapping-grid">
        {MAP_TARGETS.map((t) => (
          <div key={t} className="field">
            <label className="field-label" htmlFor={`${base}-${t}`}>
              {LABELS[t]}
            </label>
            <select id={`${base}-${t}`} className="input select" value={mapping[t]?.[0] ?? ''} onChange={(e) => set(t, e.target.value)}>
              <option value="">(not mapped)</option>
              {headers.map((h, i) => (
                <option key={`${h}-${i}`} value={h}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
