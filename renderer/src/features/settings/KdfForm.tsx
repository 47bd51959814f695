// Key-derivation cost: see the current Argon2id parameters, measure how long an unlock
// would take with new ones, and apply them (which re-wraps the key, so it asks for the
// current master password and keeps it as the password).
import { useEffect, useState, type FormEvent } from 'react';
import { Timer } from 'lucide-react';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { PasswordField } from '../../components/PasswordInput';
import { KdfFields, draftOf, parseKdf, type KdfDraft } from '../../components/KdfFields';
import { useToast } from '../../components/Toast';
import { FormError } from '../../components/FormError';

export function KdfForm() {
  const [draft, setDraft] = useState<KdfDraft | null>(null);
  const [measured, setMeasured] = useState<{ ms: number; for: string } | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'measure' | 'apply' | null>(null);
  const [error, setError] = useState('');
  const toast = useToast();

  useEffect(() => {
    void call('vault:kdf-params', {}).then((r) => (r.ok ? setDraft(draftOf(r.value)) : setError(r.error.message)));
  }, []);
  if (!draft) return null;
  const parsed = parseKdf(draft);
  const key = JSON.stringify(draft);

  const measure = async () => {
    setError('');
    if (!parsed.ok) return setError(parsed.message);
    setBusy('measure');
    const r = await call('vault:measure-kdf', { kdf: parsed.kdf });
    setBusy(null);
    if (r.ok) setMeasured({ ms: r.value.ms, for: key });
    else setError(r.error.message);
  };
  const apply = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    if (!parsed.ok) return setError(parsed.message);
    if (!password) return setError('Enter your current master password to apply new settings.');
    setBusy('apply');
    const r = await call('vault:change-password', { current: password, next: password, kdf: parsed.kdf });
    setBusy(null);
    if (!r.ok) return setError(r.error.code === 'wrong-password' ? 'The master password is wrong; nothing was changed.' : r.error.message);
    setPassword('');
    toast.info('Key-derivation settings applied');
  };

  return (
    <section className="card settings-card" aria-labelledby="kdf-title">
      <h2 id="kdf-title" className="card-title">
        Key derivation (Argon2id)
      </h2>
      <p className="field-hint">Higher memory and more iterations make every guess at your password slower, for an attacker and for you when you unlock. Aim for about half a second to one second.</p>
      <form onSubmit={(e) => void apply(e)} noValidate className="form-stack">
        <KdfFields value={draft} onChange={setDraft} disabled={busy !== null} />
        <div className="row">
          <Button icon={Timer} onClick={() => void measure()} busy={busy === 'measure'}>
            Measure unlock time
          </Button>
          <span className="field-hint" aria-live="polite" data-testid="kdf-measured">
            {measured && measured.for === key ? `Unlocking takes about ${Math.round(measured.ms).toLocaleString()} ms on this computer.` : ''}
          </span>
        </div>
        <PasswordField label="Current master password" value={password} onChange={setPassword} />
        <FormError message={error} />
        <div>
          <Button type="submit" variant="primary" busy={busy === 'apply'}>
            Apply key-derivation settings
          </Button>
        </div>
      </form>
    </section>
  );
}
