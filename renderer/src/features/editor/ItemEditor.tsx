// Create or edit an item of any type. Messages appear inline, from the same schema main
// checks with, plus whatever main still refuses. While the draft differs from what was
// loaded, the unsaved-changes guard asks before anything throws it away.
import { useEffect, useMemo, useRef, useState, type ComponentType, type FormEvent, type KeyboardEvent } from 'react';
import { Plus, Save, Star, X } from 'lucide-react';
import type { ItemSummary, ItemType } from '../../../../shared/domain';
import { call } from '../../lib/ipc';
import { TYPE_LABEL } from '../../lib/format';
import { Button, IconButton } from '../../components/Button';
import { Field, TextField } from '../../components/Field';
import { PasswordField } from '../../components/PasswordInput';
import { StrengthMeter } from '../../components/StrengthMeter';
import { useUnsavedGuard } from '../../state/unsaved-guard';
import { useVaultData } from '../../state/vault-data';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import { draftFromSummary, draftToInput, draftToPatch, emptyDraft, validate, type Draft, type SecretDraft } from './draft';
import { revealMissingFields } from './reveal-missing';
import { KeyFormatHint, recognisedService } from './KeyFormatHint';
import { FormError } from '../../components/FormError';
import './editor.css';

interface ItemEditorProps {
  type: ItemType;
  /** The item being edited; absent when creating. */
  item?: ItemSummary;
  onSaved: (item: ItemSummary) => void;
  onCancel: () => void;
  /** Shown under the password field; the generator feature's, handed in by the app. */
  PasswordGenerator: ComponentType<{ onUse: (value: string) => void }>;
}

export function ItemEditor({ type, item, onSaved, onCancel, PasswordGenerator }: ItemEditorProps) {
  const initial = useMemo(() => (item ? draftFromSummary(item) : emptyDraft(type)), [item, type]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState('');
  const [busy, setBusy] = useState(false);
  const guard = useUnsavedGuard();
  const { counts, changed } = useVaultData();
  const titleRef = useRef<HTMLInputElement>(null);

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const fieldsChanged = JSON.stringify(draft.fields) !== JSON.stringify(initial.fields);
  useEffect(() => guard.setDirty(dirty), [dirty, guard]);
  useEffect(() => () => guard.setDirty(false), [guard]);
  useEffect(() => titleRef.current?.focus(), []);

  const errors = tried ? validate(draft) : {};
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setSecret = (k: 'password' | 'totp' | 'secret', value: string) => setDraft((d) => ({ ...d, [k]: { ...d[k], value } }));

  /** Reveals a stored secret into the editor (logged by main as a reveal). */
  const revealInto = (k: 'password' | 'totp' | 'secret') => async (): Promise<boolean> => {
    const s: SecretDraft = draft[k];
    if (s.original !== null || !item) return true;
    const r = await call('item:reveal', { id: item.id, field: k });
    if (!r.ok) {
      setServerError(r.error.message);
      return false;
    }
    setDraft((d) => ({ ...d, [k]: { value: d[k].value || r.value.value, original: r.value.value } }));
    return true;
  };

  const cancel = async () => {
    if (await guard.confirmDiscard()) onCancel();
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setTried(true);
    setServerError('');
    if (Object.keys(validate(draft)).length > 0) return;
    setBusy(true);
    let r;
    if (item) {
      const filled = fieldsChanged ? await revealMissingFields(item.id, draft) : draft;
      r = filled ? await call('item:update', { id: item.id, patch: draftToPatch(filled, fieldsChanged) }) : null;
    } else {
      r = await call('item:create', { item: draftToInput(draft) });
    }
    setBusy(false);
    if (!r) return setServerError('A hidden custom field could not be read; nothing was saved.');
    if (!r.ok) return setServerError(r.error.message);
    guard.setDirty(false);
    changed();
    onSaved(r.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      void cancel();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void submit();
    }
  };

  const noun = type === 'api_key' ? 'API key' : TYPE_LABEL[type].toLowerCase();
  const heading = item ? `Edit ${noun}` : `New ${noun}`;
  const unchanged = (s: SecretDraft) => (s.original === null ? 'Unchanged — type to replace' : undefined);
  return (
    <form className="editor" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-labelledby="editor-title">
      <header className="editor-header">
        <h2 id="editor-title" className="detail-title">
          {heading}
        </h2>
        <div className="detail-actions">
          <IconButton icon={Star} className={draft.favorite ? 'fav on' : 'fav'} label="Favorite" pressed={draft.favorite} onClick={() => set('favorite', !draft.favorite)} />
          <Button icon={X} onClick={() => void cancel()}>
            Cancel
          </Button>
          <Button icon={Save} type="submit" variant="primary" busy={busy}>
            Save
          </Button>
        </div>
      </header>
      <FormError message={serverError || errors.form} />
      <div className="editor-body">
        <TextField label="Title" value={draft.title} onChange={(v) => set('title', v)} error={errors.title} ref={titleRef} placeholder={type === 'api_key' ? 'e.g. Stripe live key' : type === 'note' ? 'e.g. Wi-Fi at home' : 'e.g. GitHub'} />
        {draft.type === 'login' ? (
          <>
            <TextField label="Username" value={draft.username} onChange={(v) => set('username', v)} error={errors.username} autoComplete="off" />
            <PasswordField
              label="Password"
              value={draft.password.value}
              onChange={(v) => setSecret('password', v)}
              placeholder={unchanged(draft.password)}
              onRevealRequest={revealInto('password')}
              error={errors.password}
              below={
                <>
                  {draft.password.value ? <StrengthMeter password={draft.password.value} /> : null}
                  <PasswordGenerator onUse={(v) => setSecret('password', v)} />
                </>
              }
            />
            <PasswordField label="One-time code secret" value={draft.totp.value} onChange={(v) => setSecret('totp', v)} placeholder={unchanged(draft.totp)} onRevealRequest={revealInto('totp')} error={errors.totp} />
          </>
        ) : null}
        {draft.type === 'api_key' ? (
          <>
            <TextField label="Service" value={draft.service} onChange={(v) => set('service', v)} error={errors.service} placeholder="e.g. Stripe" />
            <TextField label="Key ID" value={draft.keyId} onChange={(v) => set('keyId', v)} error={errors.keyId} className="mono-field" />
            <PasswordField
              label="Secret"
              value={draft.secret.value}
              onChange={(v) => {
                setSecret('secret', v);
                // A recognised key names its service when none is filled in yet.
                const service = recognisedService(v);
                if (service && !draft.service.trim()) set('service', service);
              }}
              placeholder={unchanged(draft.secret)}
              onRevealRequest={revealInto('secret')}
              error={errors.secret}
              hint={<KeyFormatHint value={draft.secret.value} />}
            />
            <div className="field-pair">
              <TextField label="Environment" value={draft.environment} onChange={(v) => set('environment', v)} error={errors.environment} placeholder="e.g. production" />
              <TextField label="Expires (YYYY-MM-DD)" value={draft.expiresAt} onChange={(v) => set('expiresAt', v)} error={errors.expiresAt} placeholder="2027-06-30" />
              <TextField label="Rotate every (days)" value={draft.rotationDays} onChange={(v) => set('rotationDays', v)} error={errors.rotationDays} inputMode="numeric" />
            </div>
          </>
        ) : null}
        {draft.type !== 'note' ? (
          <Field label="Websites" error={errors.urls}>
            {({ id, describedBy }) => (
              <div className="url-list" aria-describedby={describedBy}>
                {draft.urls.map((u, i) => (
                  <div key={i} className="input-group">
                    <input id={i === 0 ? id : undefined} className="input" aria-label={`Website ${i + 1}`} value={u} placeholder="https://" onChange={(e) => set('urls', draft.urls.map((x, j) => (j === i ? e.target.value : x)))} />
                    {draft.urls.length > 1 ? <IconButton icon={X} label={`Remove website ${i + 1}`} onClick={() => set('urls', draft.urls.filter((_, j) => j !== i))} /> : null}
                  </div>
                ))}
                <Button icon={Plus} variant="ghost" onClick={() => set('urls', [...draft.urls, ''])}>
                  Add website
                </Button>
              </div>
            )}
          </Field>
        ) : null}
        <Field label="Notes" error={errors.notes}>
          {({ id, describedBy }) => <textarea id={id} className="input textarea" rows={draft.type === 'note' ? 10 : 4} value={draft.notes} aria-describedby={describedBy} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
        <div className="field-pair">
          <TextField label="Tags" hint="Separate tags with commas." value={draft.tags} onChange={(v) => set('tags', v)} error={errors.tags} placeholder="work, finance" />
          <TextField label="Folder" value={draft.folder} onChange={(v) => set('folder', v)} error={errors.folder} list="folder-options" />
          <datalist id="folder-options">
            {Object.keys(counts?.folders ?? {}).map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </div>
        <CustomFieldsEditor fields={draft.fields} onChange={(f) => set('fields', f)} errors={errors} />
      </div>
    </form>
  );
}
