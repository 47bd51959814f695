// Items where the same field changed on two devices, each compared field by field with three
// ways to settle it (components/conflicts/ConflictCompare.tsx; the item's own page shows the
// same through its conflict banner).
import { useCallback, useEffect, useState } from 'react';
import type { ConflictChoice, ItemConflict } from '../../../../shared/sync';
import { ConflictCompare } from '../../components/conflicts/ConflictCompare';
import { FormError } from '../../components/FormError';
import { useToast } from '../../components/Toast';
import { call } from '../../lib/ipc';
import { useVaultData } from '../../state/vault-data';

export function ConflictList({ version }: { version: number }) {
  const [conflicts, setConflicts] = useState<ItemConflict[]>([]);
  const [error, setError] = useState('');
  const toast = useToast();
  const { changed, used } = useVaultData();
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
          <ConflictCompare conflict={c} onResolve={(choice) => void resolve(c.id, choice)} onRevealed={used} onError={setError} />
        </div>
      ))}
    </div>
  );
}
