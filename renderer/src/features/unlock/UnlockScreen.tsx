// The lock screen. A wrong password says so and how many attempts failed; while the core
// makes us wait, the button stays disabled and counts down.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Lock } from 'lucide-react';
import type { UnlockReport } from '../../../../shared/unlock-report';
import type { VaultStatus } from '../../../../shared/vault-status';
import { call } from '../../lib/ipc';
import { plural } from '../../lib/format';
import { Button } from '../../components/Button';
import { PasswordField } from '../../components/PasswordInput';
import { FormError } from '../../components/FormError';
import './unlock.css';

function useCountdown(initialMs: number): [number, (ms: number) => void] {
  const [until, setUntil] = useState(() => Date.now() + initialMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const t = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(t);
  }, [until]);
  return [Math.max(0, until - now), (ms) => { setNow(Date.now()); setUntil(Date.now() + ms); }];
}

export function UnlockScreen({ status, onUnlocked }: { status: VaultStatus; onUnlocked: (r: UnlockReport) => void }) {
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(status.failedCount);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [waitMs, setWait] = useCountdown(status.retryAfterMs);
  const input = useRef<HTMLInputElement>(null);
  const waiting = waitMs > 0;

  useEffect(() => {
    if (!waiting && !busy) input.current?.focus();
  }, [waiting, busy]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (waiting || busy) return;
    if (!password) {
      setError('Enter your master password.');
      return;
    }
    setBusy(true);
    setError('');
    const r = await call('vault:unlock', { password });
    setBusy(false);
    if (r.ok) {
      onUnlocked(r.value);
      return;
    }
    setPassword('');
    const code = r.error.code;
    if (code === 'wrong-password') {
      setFailed((n) => n + 1);
      setError('Wrong master password.');
    } else if (code === 'rate-limited') {
      setError('Too many wrong passwords.');
    } else {
      setError(r.error.message);
    }
    if (r.error.retryAfterMs) setWait(r.error.retryAfterMs);
  };

  return (
    <main className="center-screen">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="unlock-title">
        <div className="auth-logo" aria-hidden="true">
          <Lock size={28} />
        </div>
        <h1 id="unlock-title" className="auth-title">
          Keystash is locked
        </h1>
        <p className="auth-sub">Enter your master password to unlock your vault.</p>
        <PasswordField label="Master password" value={password} onChange={setPassword} ref={input} autoFocus disabled={busy} />
        <div className="unlock-status" aria-live="polite">
          <FormError message={error} />
          {failed > 0 ? <p className="field-hint" data-testid="failed-count">{plural(failed, 'failed attempt')} since the last unlock.</p> : null}
          {waiting ? <p className="field-hint" data-testid="retry-wait">Try again in {Math.ceil(waitMs / 1000)} s.</p> : null}
        </div>
        <Button type="submit" variant="primary" busy={busy} disabled={waiting} className="btn-block">
          {busy ? 'Unlocking…' : waiting ? `Wait ${Math.ceil(waitMs / 1000)} s` : 'Unlock'}
        </Button>
      </form>
    </main>
  );
}
