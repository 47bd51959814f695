// Settings → Sync before the vault syncs: a folder (Syncthing, Dropbox, Nextcloud's client, a
// USB stick) or a WebDAV folder with a "test connection" button, this device's name, and the
// master password that seals the sync key for the other devices.
import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordInput';
import { useToast } from '../../components/Toast';
import { call } from '../../lib/ipc';

type Kind = 'folder' | 'webdav';

export function SyncSetupForm({ onDone }: { onDone: () => void }) {
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
  const toast = useToast();

  const errors = {
    folder: kind === 'folder' && !folder.trim() ? 'Enter the path of an empty folder that your sync tool keeps in step.' : undefined,
    url: kind === 'webdav' && !/^https?:\/\/\S+$/.test(url.trim()) ? 'Enter the WebDAV folder’s address, starting with https://.' : undefined,
    deviceName: deviceName.trim() ? undefined : 'Name this device, so the others can tell it apart.',
    password: password ? undefined : 'Enter your master password.',
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
    const r = await call('sync:setup', { target, deviceName: deviceName.trim(), password });
    setBusy(false);
    if (!r.ok) return setError(r.error.code === 'wrong-password' && kind === 'folder' ? 'The master password is wrong; nothing was set up.' : r.error.message);
    setPassword('');
    setDavPassword('');
    toast.info(`Syncing: ${r.value.pushed} item${r.value.pushed === 1 ? '' : 's'} written to the target`);
    onDone();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form-stack" aria-label="Set up sync">
      <p className="notice-info">
        Each computer keeps its own vault file; the sync target only holds encrypted change files. Use an empty folder, not the
        folder your vault file is in.
      </p>
      <div className="sync-kind" role="radiogroup" aria-label="Sync through">
        <label>
          <input type="radio" name="sync-kind" checked={kind === 'folder'} onChange={() => setKind('folder')} /> A folder
        </label>
        <label>
          <input type="radio" name="sync-kind" checked={kind === 'webdav'} onChange={() => setKind('webdav')} /> WebDAV (Nextcloud, ownCloud…)
        </label>
      </div>
      {kind === 'folder' ? (
        <TextField label="Sync folder" value={folder} onChange={setFolder} placeholder="/home/me/Sync/keystash" error={tried ? errors.folder : undefined} hint="A folder that Syncthing, Dropbox or Nextcloud syncs, or a USB stick." />
      ) : (
        <>
          <TextField label="WebDAV address" value={url} onChange={setUrl} placeholder="https://cloud.example.org/remote.php/dav/files/me/keystash" error={tried ? errors.url : undefined} />
          <TextField label="WebDAV user" value={user} onChange={setUser} autoComplete="off" />
          <PasswordField label="WebDAV password" value={davPassword} onChange={setDavPassword} hint="Stored encrypted in this vault." />
          <div className="row">
            <Button onClick={() => void test()} busy={testing}>
              Test connection
            </Button>
            {tested ? <span role="status">{tested}</span> : null}
          </div>
        </>
      )}
      <TextField label="This device’s name" value={deviceName} onChange={setDeviceName} placeholder="Laptop" error={tried ? errors.deviceName : undefined} />
      <PasswordField label="Master password for sync" value={password} onChange={setPassword} error={tried ? errors.password : undefined} hint="It protects the sync key that your other devices join with." />
      <FormError message={error} />
      <div>
        <Button type="submit" variant="primary" busy={busy}>
          Start syncing
        </Button>
      </div>
    </form>
  );
}
