// First run: choose a master password (typed twice, with a live strength meter) and,
// under Advanced, the key-derivation cost. Or go to joining a vault another machine syncs.
import { useState, type FormEvent } from 'react';
import { KeyRound } from 'lucide-react';
import { DEFAULT_KDF } from '../../../../shared/domain';
import type { UnlockReport } from '../../../../shared/unlock-report';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { PasswordField } from '../../components/PasswordInput';
import { StrengthMeter } from '../../components/StrengthMeter';
import { KdfFields, draftOf, parseKdf } from '../../components/KdfFields';
import { FormError } from '../../components/FormError';
import './unlock.css';

const MIN_PASSWORD = 8;

export function CreateVaultScreen({ onCreated, onJoin }: { onCreated: (r: UnlockReport) => void; onJoin: () => void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [kdf, setKdf] = useState(() => draftOf(DEFAULT_KDF));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState('');

  const pwError = password.length < MIN_PASSWORD ? `Use at least ${MIN_PASSWORD} characters (${password.length} so far).` : undefined;
  const confirmError = confirm !== password ? 'The two passwords do not match.' : undefined;
  const kdfParsed = parseKdf(kdf);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setServerError('');
    if (pwError || confirmError || !kdfParsed.ok) return;
    setBusy(true);
    const r = await call('vault:create', { password, kdf: kdfParsed.kdf });
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else setServerError(r.error.message);
  };

  return (
    <main className="center-screen">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-title">
        <div className="auth-logo" aria-hidden="true">
          <KeyRound size={28} />
        </div>
        <h1 id="create-title" className="auth-title">
          Create your vault
        </h1>
        <p className="auth-sub">Your logins, API keys and notes are encrypted with one master password. There is no way to recover it, so choose one you will remember.</p>
        <PasswordField
          label="Master password"
          value={password}
          onChange={setPassword}
          autoFocus
          error={tried || (password.length > 0 && password.length < MIN_PASSWORD && confirm.length > 0) ? pwError : undefined}
          hint={`At least ${MIN_PASSWORD} characters. A few unrelated words make a strong one.`}
          below={<StrengthMeter password={password} />}
        />
        <PasswordField label="Confirm master password" value={confirm} onChange={setConfirm} error={tried || (confirm.length >= password.length && confirm.length > 0) ? confirmError : undefined} />
        <details className="advanced">
          <summary>Advanced: key derivation</summary>
          <p className="field-hint">Argon2id turns your password into the vault key. More memory and iterations make guessing slower, and unlocking too.</p>
          <KdfFields value={kdf} onChange={setKdf} />
          {tried && !kdfParsed.ok ? (
            <div className="field-error" role="alert">
              {kdfParsed.message}
            </div>
          ) : null}
        </details>
        <FormError message={serverError} />
        <Button type="submit" variant="primary" busy={busy} className="btn-block">
          {busy ? 'Creating vault…' : 'Create vault'}
        </Button>
        <div className="auth-alt">
          <span>Already use Keystash on another computer?</span>
          <Button variant="ghost" onClick={onJoin} disabled={busy}>
            Join a vault you sync elsewhere
          </Button>
        </div>
      </form>
    </main>
  );
}
