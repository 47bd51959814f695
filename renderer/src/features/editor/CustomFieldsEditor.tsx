// Add, rename, fill and remove custom fields; a concealed field's value is hidden like a
// password. An unrevealed concealed value shows as "unchanged" until the user types.
import { Eye, EyeOff, Plus, Trash2 } from 'lucide-react';
import { Button, IconButton } from '../../components/Button';
import type { Errors, FieldDraft } from './draft';

interface Props {
  fields: FieldDraft[];
  onChange: (f: FieldDraft[]) => void;
  errors: Errors;
}

export function CustomFieldsEditor({ fields, onChange, errors }: Props) {
  const set = (i: number, patch: Partial<FieldDraft>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="fieldset">
      <legend className="field-label">Custom fields</legend>
      {fields.length === 0 ? <p className="field-hint">Add fields such as a PIN, a recovery code or an account number.</p> : null}
      {fields.map((f, i) => {
        const nameError = errors[`fields.${i}.name`];
        const n = i + 1;
        return (
          <div key={i} className="custom-field">
            <input className="input" aria-label={`Custom field ${n} name`} placeholder="Name" value={f.name} aria-invalid={nameError ? true : undefined} onChange={(e) => set(i, { name: e.target.value })} />
            <input
              className={`input${f.concealed ? ' input-mono' : ''}`}
              aria-label={`Custom field ${n} value`}
              type={f.concealed ? 'password' : 'text'}
              placeholder={f.value === null ? 'Unchanged (hidden)' : 'Value'}
              value={f.value ?? ''}
              autoComplete="off"
              onChange={(e) => set(i, { value: e.target.value })}
            />
            <IconButton icon={f.concealed ? EyeOff : Eye} label={f.concealed ? `Custom field ${n}: concealed, click to show as plain text` : `Custom field ${n}: plain, click to conceal`} pressed={f.concealed} onClick={() => set(i, { concealed: !f.concealed })} />
            <IconButton icon={Trash2} label={`Remove custom field ${n}`} onClick={() => onChange(fields.filter((_, j) => j !== i))} />
            {nameError ? (
              <div className="field-error custom-field-error" role="alert">
                {nameError}
              </div>
            ) : null}
          </div>
        );
      })}
      <Button icon={Plus} variant="ghost" onClick={() => onChange([...fields, { name: '', value: '', concealed: false }])}>
        Add field
      </Button>
    </fieldset>
  );
}
