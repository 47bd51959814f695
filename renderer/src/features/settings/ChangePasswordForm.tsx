// Change the master password: the current one, then the new one twice with its strength.
import { useState, type FormEvent } from 'react';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { PasswordField } from '../../components/PasswordInput';
import { StrengthMeter } from '../../components/StrengthMeter';
import { useToast } from '../../components/Toast';
import { useVaultData } from '../../state/vault-data';
import { FormError } from '../../components/FormError';

const MIN = 8;

export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const toast = useToast();
  const { changed } = useVaultData();

  const errors = {
    current: current ? undefined : 'Enter your current master password.',
    next: next.length < MIN ? `Use at least ${MIN} characters.` : next === current ? 'The new password is the same as the current one.' : undefined,
    confirm: confirm !== next ? 'The two passwords do not match.' : undefined,
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError('');
    if (errors.current || errors.next || errors.confirm) return;
    setBusy(true);
    const r = await call('vault:change-password', { current, next });
    setBusy(false);
    if (!r.ok) return setError(r.error.code === 'wrong-password' ? 'The current master password is wrong; nothing was changed.' : r.error.message);
    setCurrent('');
    setNext('');
    setConfirm('');
    setTried(false);
    changed();
    toast.info('Master password changed');
  };

  return (
    <section className="card settings-card" aria-labelledby="pw-title">
      <h2 id="pw-title" className="card-title">
        Master password
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate className="form-stack">
        <PasswordField label="Current master password" value={current} onChange={setCurrent} error={tried ? errors.current : undefined} />
        <PasswordField label="New master password" value={next} onChange={setNext} error={tried ? errors.next : undefined} below={<StrengthMeter password={next} />} />
        <PasswordField label="Confirm new master password" value={confirm} onChange={setConfirm} error={tried ? errors.confirm : undefined} />
        <FormError message={error} />
        <div>
          <Button type="submit" variant="primary" busy={busy}>
            Change master password
          </Button>
        </div>
      </form>
    </section>
  );
}
