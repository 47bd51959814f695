// Settings → Sync: set it up, or see the target, this device (renameable), the last run and
// any files set aside, sync now, every device with revoke, and items changed on two devices.
// Warns when the vault file itself lies in a folder a sync tool manages.
import { useEffect, useState } from 'react';
import { TriangleAlert } from 'lucide-react';
import { agoText, syncFolderOf, type SyncStatus } from '../../../../shared/sync';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordInput';
import { useToast } from '../../components/Toast';
import { call } from '../../lib/ipc';
import { useVaultData } from '../../state/vault-data';
import { ConflictList } from './ConflictList';
import { SyncSetupForm } from './SyncSetupForm';
import { syncChanged, useSyncView } from './useSyncView';
import './sync.css';

function VaultInSyncFolder() {
  const [folder, setFolder] = useState<string | null>(null);
  useEffect(() => {
    void call('vault:status', {}).then((r) => setFolder(r.ok ? syncFolderOf(r.value.path) : null));
  }, []);
  if (!folder) return null;
  return (
    <div className="notice notice-warn" role="alert" data-testid="vault-in-sync-folder">
      <TriangleAlert size={16} aria-hidden="true" className="notice-icon" />
      <div className="notice-body">
        Your vault file is inside a {folder} folder. A sync tool copying the live file can corrupt it or make conflicted copies;
        keep the vault outside and sync through a separate folder here instead.
      </div>
    </div>
  );
}

function Devices({ status, onChanged }: { status: SyncStatus; onChanged: () => void }) {
  const [revoking, setRevoking] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const toast = useToast();
  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError('');
    const r = await call('sync:revoke', { device: revoking, password });
    setBusy(false);
    if (!r.ok) return setError(r.error.code === 'wrong-password' ? 'The master password is wrong; nothing was revoked.' : r.error.message);
    setRevoking(null);
    setPassword('');
    toast.info('Device revoked');
    onChanged();
  };
  const now = Date.now();
  return (
    <div className="form-stack">
      <table className="sync-table" aria-label="Devices">
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Last seen</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {status.devices.map((d) => (
            <tr key={d.id}>
              <td>
                {d.name}
                {d.current ? <span className="badge badge-muted">this device</span> : null}
                {d.revoked ? <span className="badge badge-muted">revoked</span> : null}
              </td>
              <td>{d.lastSeenAt === null ? 'not yet' : agoText(d.lastSeenAt, now)}</td>
              <td>
                {!d.current && !d.revoked ? (
                  <Button onClick={() => setRevoking(d.id)} aria-label={`Revoke ${d.name}`}>
                    Revoke
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking ? (
        <form
          className="form-stack"
          onSubmit={(e) => {
            e.preventDefault();
            void revoke();
          }}
        >
          <p>
            Revoke “{status.devices.find((d) => d.id === revoking)?.name}”? Everything written from now on uses a new key it does not
            get. If someone using it knows the master password, change the master password too.
          </p>
          <PasswordField label="Master password to revoke" value={password} onChange={setPassword} />
          <FormError message={error} />
          <div className="row">
            <Button type="submit" variant="danger" busy={busy}>
              Revoke device
            </Button>
            <Button onClick={() => setRevoking(null)}>Cancel</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

export function SyncSettings() {
  const { view, error: viewError } = useSyncView();
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const toast = useToast();
  const { changed } = useVaultData();

  const syncNow = async () => {
    setBusy(true);
    setError('');
    const r = await call('sync:run', {});
    setBusy(false);
    if (!r.ok) setError(r.error.message);
    else {
      toast.info(`Synced: ${r.value.pushed} sent, ${r.value.pulled} received`);
      changed();
    }
    setVersion((v) => v + 1);
    syncChanged();
  };
  const rename = async () => {
    if (name === null || !name.trim()) return;
    const r = await call('sync:rename', { deviceName: name.trim() });
    if (!r.ok) return setError(r.error.message);
    setName(null);
    toast.info('Device renamed');
    syncChanged();
  };

  const status = view?.configured ? view.status : null;
  const last = status?.lastSync ?? null;
  return (
    <section className="card settings-card" aria-labelledby="sync-title">
      <h2 id="sync-title" className="card-title">
        Sync
      </h2>
      <VaultInSyncFolder />
      <FormError message={viewError} />
      {view && !view.configured ? <SyncSetupForm onDone={syncChanged} /> : null}
      {status ? (
        <>
          <dl className="sync-facts">
            <dt>Target</dt>
            <dd>{status.target.kind === 'folder' ? status.target.path : `${status.target.url}${status.target.user ? ` (as ${status.target.user})` : ''}`}</dd>
            <dt>Last sync</dt>
            <dd data-testid="sync-last">
              {last ? `${agoText(last.at, Date.now())}${last.error ? `: ${last.error}` : last.ok ? ', all good' : ''}` : 'never'}
            </dd>
            <dt>Waiting to send</dt>
            <dd>{status.pendingChanges === 0 ? 'nothing' : `${status.pendingChanges} changed item${status.pendingChanges === 1 ? '' : 's'}`}</dd>
            {status.passwordChange ? (
              <>
                <dt>Master password</dt>
                <dd data-testid="sync-password-change">
                  {status.passwordChange.here
                    ? `changed here ${agoText(status.passwordChange.at, Date.now())}; your other devices need the new one after their next sync`
                    : `changed on “${status.passwordChange.by}” ${agoText(status.passwordChange.at, Date.now())}; this vault opens with the new one only`}
                </dd>
              </>
            ) : null}
          </dl>
          {last?.report && last.report.quarantined.length > 0 ? (
            <ul className="sync-quarantine" aria-label="Files set aside">
              {last.report.quarantined.map((q) => (
                <li key={q.file}>{q.message}</li>
              ))}
            </ul>
          ) : null}
          <div className="row">
            <Button variant="primary" busy={busy || (view?.configured === true && view.running)} onClick={() => void syncNow()}>
              Sync now
            </Button>
          </div>
          <FormError message={error} />
          <div className="row">
            <TextField label="This device’s name" value={name ?? status.device.name} onChange={setName} />
            {name !== null && name !== status.device.name ? <Button onClick={() => void rename()}>Save name</Button> : null}
          </div>
          <Devices status={status} onChanged={syncChanged} />
          <ConflictList version={version} />
        </>
      ) : null}
    </section>
  );
}
