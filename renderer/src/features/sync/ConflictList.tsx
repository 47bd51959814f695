// Items where the same field changed on two devices: both versions side by side (secrets stay
// hidden; the other password is in the item's password history), and three ways to settle it.
import { useCallback, useEffect, useState } from 'react';
import type { ConflictChoice, ItemConflict } from '../../../../shared/sync';
import { Button } from '../../components/Button';
import { FormError } from '../../components/FormError';
import { useToast } from '../../components/Toast';
import { call } from '../../lib/ipc';
import { useVaultData } from '../../state/vault-data';

const LABELS: Record<string, string> = { deletedAt: 'In the trash', keyId: 'Key id', totp: 'One-time password', urls: 'Web addresses', fields: 'Custom fields', expiresAt: 'Expires', rotationDays: 'Rotate every (days)' };
const label = (f: string): string => LABELS[f] ?? f.charAt(0).toUpperCase() + f.slice(1);

export function ConflictList({ version }: { version: number }) {
  const [conflicts, setConflicts] = useState<ItemConflict[]>([]);
  const [error, setError] = useState('');
  const toast = useToast();
  const { changed } = useVaultData();
  const load = useCallback(async () => {
    const r = await call('sync:conflicts', {});
    if (r.ok) setConflicts(r.value);
    else setError(r.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load, version]);

  const resolve = async (id: string, choice: ConflictChoice) => {
    setError('');
    const r = await call('sync:resolve', { id, choice });
    if (!r.ok) return setError(r.error.message);
    toast.info(choice === 'keep-both' ? 'Kept both versions as two items' : 'Conflict settled');
    changed();
    await load();
  };

  if (conflicts.length === 0) return null;
  return (
    <div className="form-stack" data-testid="sync-conflicts">
      <h3 className="card-title">Changed on two devices</h3>
      <FormError message={error} />
      {conflicts.map((c) => (
        <div key={c.id} className="sync-conflict" aria-label={`Conflict in ${c.title}`}>
          <strong>{c.title}</strong>
          <table className="sync-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Now</th>
                <th scope="col">Other device</th>
              </tr>
            </thead>
            <tbody>
              {c.fields.map((f) => (
                <tr key={f.field}>
                  <th scope="row">{label(f.field)}</th>
                  <td>{f.secret ? 'hidden' : f.current || '(empty)'}</td>
                  <td>{f.secret ? 'a different value (in the password history)' : f.other || '(empty)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <Button onClick={() => void resolve(c.id, 'keep-current')}>Keep this version</Button>
            <Button onClick={() => void resolve(c.id, 'use-other')}>Use the other version</Button>
            <Button onClick={() => void resolve(c.id, 'keep-both')}>Keep both</Button>
          </div>
        </div>
      ))}
    </div>
  );
}
