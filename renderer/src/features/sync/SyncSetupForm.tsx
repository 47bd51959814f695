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
import { TargetKindChoice, useSyncTarget, WebDavFields } from './SyncTargetFields';

export function SyncSetupForm({ onDone }: { onDone: () => void }) {
  const t = useSyncTarget();
  const { kind, folder } = t;
  const [deviceName, setDeviceName] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const toast = useToast();

  const errors = {
    folder: kind === 'folder' && !folder.trim() ? 'Enter the path of an empty folder that your sync tool keeps in step.' : undefined,
    url: t.urlError,
    deviceName: deviceName.trim() ? undefined : 'Name this device, so the others can tell it apart.',
    password: password ? undefined : 'Enter your master password.',
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError('');
    if (Object.values(errors).some(Boolean)) return;
    setBusy(true);
    const r = await call('sync:setup', { target: t.target(), deviceName: deviceName.trim(), password });
    setBusy(false);
    if (!r.ok) return setError(r.error.code === 'wrong-password' && kind === 'folder' ? 'The master password is wrong; nothing was set up.' : r.error.message);
    setPassword('');
    t.setDavPassword('');
    toast.info(`Syncing: ${r.value.pushed} item${r.value.pushed === 1 ? '' : 's'} written to the target`);
    onDone();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form-stack" aria-label="Set up sync">
      <p className="notice-info">
        Each computer keeps its own vault file; the sync target only holds encrypted change files. Use an empty folder, not the
        folder your vault file is in.
      </p>
      <TargetKindChoice name="sync-kind" label="Sync through" kind={kind} onChange={t.setKind} />
      {kind === 'folder' ? (
        <TextField label="Sync folder" value={folder} onChange={t.setFolder} placeholder="/home/me/Sync/keystash" error={tried ? errors.folder : undefined} hint="A folder that Syncthing, Dropbox or Nextcloud syncs, or a USB stick." />
      ) : (
        <WebDavFields t={t} tried={tried} passwordHint="Stored encrypted in this vault." onError={setError} />
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
