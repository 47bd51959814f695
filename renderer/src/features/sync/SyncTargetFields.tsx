// The sync target part of the two sync forms, setting up sync here (SyncSetupForm) and joining
// from another device's target (JoinVaultScreen): a folder or WebDAV, the WebDAV details with
// "Test connection", and the target as the sync channels take it.
import { useState } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PasswordField } from '../../components/PasswordInput';
import { call } from '../../lib/ipc';

export type TargetKind = 'folder' | 'webdav';

/** A target as `sync:setup` and `sync:join` take it. */
type TargetInput = { kind: 'folder'; path: string } | { kind: 'webdav'; url: string; user: string; password: string };

const WEBDAV_URL = /^https?:\/\/\S+$/;

/** The form state of a sync target, the check of its WebDAV address, and Test connection. */
export function useSyncTarget() {
  const [kind, setKind] = useState<TargetKind>('folder');
  const [folder, setFolder] = useState('');
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [davPassword, setDavPassword] = useState('');
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState('');
  const urlError = kind === 'webdav' && !WEBDAV_URL.test(url.trim()) ? 'Enter the WebDAV folder’s address, starting with https://.' : undefined;

  /** Asks main whether the WebDAV details work; a failure goes to `onError`. */
  const test = async (onError: (message: string) => void): Promise<void> => {
    setTested('');
    onError('');
    if (urlError) return onError(urlError);
    setTesting(true);
    const r = await call('sync:test-webdav', { url: url.trim(), user, password: davPassword });
    setTesting(false);
    setTested(r.ok ? 'Connected: the folder is there and these details may use it.' : '');
    if (!r.ok) onError(r.error.message);
  };

  const target = (): TargetInput => (kind === 'folder' ? { kind, path: folder.trim() } : { kind, url: url.trim(), user, password: davPassword });

  return { kind, setKind, folder, setFolder, url, setUrl, user, setUser, davPassword, setDavPassword, testing, tested, setTested, urlError, test, target };
}

export type SyncTarget = ReturnType<typeof useSyncTarget>;

/** "A folder" or "WebDAV": the choice of target. */
export function TargetKindChoice({ name, label, kind, onChange, disabled }: { name: string; label: string; kind: TargetKind; onChange: (k: TargetKind) => void; disabled?: boolean }) {
  return (
    <div className="sync-kind" role="radiogroup" aria-label={label}>
      <label>
        <input type="radio" name={name} checked={kind === 'folder'} onChange={() => onChange('folder')} disabled={disabled} /> A folder
      </label>
      <label>
        <input type="radio" name={name} checked={kind === 'webdav'} onChange={() => onChange('webdav')} disabled={disabled} /> WebDAV (Nextcloud, ownCloud…)
      </label>
    </div>
  );
}

/** The WebDAV address, user and password, with Test connection and its answer. */
export function WebDavFields({ t, tried, disabled, passwordHint, onError }: { t: SyncTarget; tried: boolean; disabled?: boolean; passwordHint: string; onError: (message: string) => void }) {
  return (
    <>
      <TextField label="WebDAV address" value={t.url} onChange={t.setUrl} placeholder="https://cloud.example.org/remote.php/dav/files/me/keystash" error={tried ? t.urlError : undefined} disabled={disabled} />
      <TextField label="WebDAV user" value={t.user} onChange={t.setUser} autoComplete="off" disabled={disabled} />
      <PasswordField label="WebDAV password" value={t.davPassword} onChange={t.setDavPassword} hint={passwordHint} />
      <div className="row">
        <Button onClick={() => void t.test(onError)} busy={t.testing} disabled={disabled}>
          Test connection
        </Button>
        {t.tested ? <span role="status">{t.tested}</span> : null}
      </div>
    </>
  );
}
