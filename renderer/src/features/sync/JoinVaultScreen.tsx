// First run on another machine: make this computer's vault from a sync target that a device
// already syncs to — a folder (typed or picked) or WebDAV (with Test connection) —, name this
// device and enter the master password. Main joins through the same core join as
// `keystash sync join` and opens the vault unlocked; while it works, the screen shows how many
// of the target's change files are applied. A failure changes nothing and leaves no vault file.
import { useEffect, useState, type FormEvent } from 'react';
import { RefreshCw } from 'lucide-react';
import type { JoinProgress } from '../../../../shared/sync';
import type { UnlockReport } from '../../../../shared/unlock-report';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordInput';
import { call } from '../../lib/ipc';
import { TargetKindChoice, useSyncTarget, WebDavFields, type TargetKind } from './SyncTargetFields';
import './sync.css';

const PROGRESS_POLL_MS = 250;

function progressText(p: JoinProgress | null): string {
  if (!p || p.total === 0) return 'Opening the sync target…';
  return `Applying change files: ${p.done} of ${p.total}`;
}

/** Polls main for the running join's progress while `running`. */
function useJoinProgress(running: boolean): JoinProgress | null {
  const [progress, setProgress] = useState<JoinProgress | null>(null);
  useEffect(() => {
    if (!running) {
      setProgress(null);
      return;
    }
    const timer = window.setInterval(() => {
      void call('sync:join-progress', {}).then((r) => {
        if (r.ok) setProgress(r.value);
      });
    }, PROGRESS_POLL_MS);
    return () => window.clearInterval(timer);
  }, [running]);
  return progress;
}

export function JoinVaultScreen({ onJoined, onBack }: { onJoined: (r: UnlockReport) => void; onBack: () => void }) {
  const t = useSyncTarget();
  const { kind, folder, setFolder } = t;
  const [deviceName, setDeviceName] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const progress = useJoinProgress(busy);
  const switchTo = (k: TargetKind) => {
    t.setKind(k);
    setError('');
    t.setTested('');
  };

  const errors = {
    folder: kind === 'folder' && !folder.trim() ? 'Choose the folder your other device syncs to.' : undefined,
    url: t.urlError,
    deviceName: deviceName.trim() ? undefined : 'Name this device, so your other devices can tell it apart.',
    password: password ? undefined : 'Enter the master password of the vault you sync.',
  };

  const choose = async () => {
    const r = await call('sync:choose-folder', {});
    if (r.ok && r.value) setFolder(r.value.path);
    else if (!r.ok) setError(r.error.message);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError('');
    if (Object.values(errors).some(Boolean)) return;
    setBusy(true);
    const r = await call('sync:join', { target: t.target(), deviceName: deviceName.trim(), password });
    setBusy(false);
    // Main made no vault file when the join failed; say so, whatever the reason.
    if (!r.ok) return setError(r.error.code === 'exists' ? r.error.message : `${r.error.message} Nothing was created.`);
    setPassword('');
    t.setDavPassword('');
    onJoined(r.value.unlock);
  };

  return (
    <main className="center-screen">
      <form className="card auth-card join-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="join-title" aria-busy={busy}>
        <div className="auth-logo" aria-hidden="true">
          <RefreshCw size={26} />
        </div>
        <h1 id="join-title" className="auth-title">
          Join a vault you sync elsewhere
        </h1>
        <p className="auth-sub">
          This computer gets its own vault file, made from the encrypted change files your other device writes to its sync target
          (shown in Settings → Sync there).
        </p>
        <TargetKindChoice name="join-kind" label="The sync target is" kind={kind} onChange={switchTo} disabled={busy} />
        {kind === 'folder' ? (
          <div className="join-folder-row">
            <TextField
              label="Sync folder"
              value={folder}
              onChange={setFolder}
              placeholder="/home/me/Sync/keystash"
              error={tried ? errors.folder : undefined}
              hint="The folder Syncthing, Dropbox or Nextcloud keeps in step here, or a USB stick."
              disabled={busy}
            />
            <Button onClick={() => void choose()} disabled={busy}>
              Choose…
            </Button>
          </div>
        ) : (
          <WebDavFields t={t} tried={tried} disabled={busy} passwordHint="Stored encrypted in the new vault." onError={setError} />
        )}
        <TextField label="This device’s name" value={deviceName} onChange={setDeviceName} placeholder="Desktop" error={tried ? errors.deviceName : undefined} disabled={busy} />
        <PasswordField label="Master password" value={password} onChange={setPassword} error={tried ? errors.password : undefined} hint="The same master password as on your other devices." />
        <FormError message={error} />
        {busy ? (
          <div className="join-progress" role="status" aria-live="polite" data-testid="join-progress">
            <progress max={progress?.total || 1} value={progress && progress.total > 0 ? progress.done : undefined} aria-label="Join progress" />
            <span>{progressText(progress)}</span>
          </div>
        ) : null}
        <Button type="submit" variant="primary" busy={busy} className="btn-block">
          {busy ? 'Joining…' : 'Join and open'}
        </Button>
        <Button variant="ghost" onClick={onBack} disabled={busy} className="btn-block">
          Create a new vault instead
        </Button>
      </form>
    </main>
  );
}
