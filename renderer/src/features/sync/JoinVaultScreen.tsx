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
import './sync.css';

type Kind = 'folder' | 'webdav';

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
  const [kind, setKind] = useState<Kind>('folder');
  const [folder, setFolder] = useState('');
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [davPassword, setDavPassword] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState('');
  const [error, setError] = useState('');
  const progress = useJoinProgress(busy);
  const switchTo = (k: Kind) => {
    setKind(k);
    setError('');
    setTested('');
  };

  const errors = {
    folder: kind === 'folder' && !folder.trim() ? 'Choose the folder your other device syncs to.' : undefined,
    url: kind === 'webdav' && !/^https?:\/\/\S+$/.test(url.trim()) ? 'Enter the WebDAV folder’s address, starting with https://.' : undefined,
    deviceName: deviceName.trim() ? undefined : 'Name this device, so your other devices can tell it apart.',
    password: password ? undefined : 'Enter the master password of the vault you sync.',
  };

  const choose = async () => {
    const r = await call('sync:choose-folder', {});
    if (r.ok && r.value) setFolder(r.value.path);
    else if (!r.ok) setError(r.error.message);
  };

  const test = async () => {
    setTested('');
    setError('');
    if (errors.url) return setError(errors.url);
    setTesting(true);
    const r = await call('sync:test-webdav', { url: url.trim(), user, password: davPassword });
    setTesting(false);
    setTested(r.ok ? 'Connected: the folder is there and these details may use it.' : '');
    if (!r.ok) setError(r.error.message);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError('');
    if (Object.values(errors).some(Boolean)) return;
    setBusy(true);
    const target = kind === 'folder' ? { kind, path: folder.trim() } : { kind, url: url.trim(), user, password: davPassword };
    const r = await call('sync:join', { target, deviceName: deviceName.trim(), password });
    setBusy(false);
    // Main made no vault file when the join failed; say so, whatever the reason.
    if (!r.ok) return setError(r.error.code === 'exists' ? r.error.message : `${r.error.message} Nothing was created.`);
    setPassword('');
    setDavPassword('');
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
        <div className="sync-kind" role="radiogroup" aria-label="The sync target is">
          <label>
            <input type="radio" name="join-kind" checked={kind === 'folder'} onChange={() => switchTo('folder')} disabled={busy} /> A folder
          </label>
          <label>
            <input type="radio" name="join-kind" checked={kind === 'webdav'} onChange={() => switchTo('webdav')} disabled={busy} /> WebDAV (Nextcloud, ownCloud…)
          </label>
        </div>
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
          <>
            <TextField label="WebDAV address" value={url} onChange={setUrl} placeholder="https://cloud.example.org/remote.php/dav/files/me/keystash" error={tried ? errors.url : undefined} disabled={busy} />
            <TextField label="WebDAV user" value={user} onChange={setUser} autoComplete="off" disabled={busy} />
            <PasswordField label="WebDAV password" value={davPassword} onChange={setDavPassword} hint="Stored encrypted in the new vault." />
            <div className="row">
              <Button onClick={() => void test()} busy={testing} disabled={busy}>
                Test connection
              </Button>
              {tested ? <span role="status">{tested}</span> : null}
            </div>
          </>
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
