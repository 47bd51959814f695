// On an item that changed on two devices (the same field, neither device having seen the
// other's change): a banner that says so, and on request the two versions side by side with
// the three ways to settle it. It asks main for this item's conflict each time the item
// changes, so it goes away once the conflict is settled here or on another device.
import { useEffect, useState } from 'react';
import { GitCompare } from 'lucide-react';
import type { ConflictChoice, ItemConflict } from '../../../../../shared/sync';
import { Button } from '../../../components/Button';
import { ConflictCompare, conflictFieldLabel } from '../../../components/conflicts/ConflictCompare';
import { FormError } from '../../../components/FormError';
import { useToast } from '../../../components/Toast';
import { call } from '../../../lib/ipc';
import { useVaultData } from '../../../state/vault-data';

const SETTLED: Record<ConflictChoice, string> = {
  'keep-current': 'Kept this version',
  'use-other': 'Now using the other device’s version',
  'keep-both': 'Kept both versions as two items',
};

export function ConflictBanner({ id }: { id: string }) {
  const { revision, changed, used } = useVaultData();
  const [conflict, setConflict] = useState<ItemConflict | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const toast = useToast();
  useEffect(() => {
    let live = true;
    // A vault that does not sync answers null; so does a locked one on its way out.
    void call('sync:conflict', { id }).then((r) => {
      if (live) setConflict(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [id, revision]);

  if (!conflict || conflict.fields.length === 0) return null;
  const names = conflict.fields.map((f) => conflictFieldLabel(f.field).toLowerCase());
  const fields = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '');

  const resolve = async (choice: ConflictChoice) => {
    setError('');
    setBusy(true);
    const r = await call('sync:resolve', { id, choice });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    toast.info(SETTLED[choice]);
    setOpen(false);
    changed();
  };

  return (
    <section className="conflict-banner" aria-labelledby="conflict-banner-title" data-testid="item-conflict">
      <div className="conflict-banner-head">
        <GitCompare size={18} className="conflict-banner-icon" aria-hidden="true" />
        <div className="conflict-banner-text">
          <h3 id="conflict-banner-title" className="conflict-banner-title">
            Changed on two devices
          </h3>
          <p>
            This device and another one both changed the {fields}. The later change is shown; the other is kept so you can compare and choose.
          </p>
        </div>
        <Button aria-expanded={open} aria-controls="conflict-compare" onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide versions' : 'Compare versions'}
        </Button>
      </div>
      {open ? (
        <div id="conflict-compare" className="conflict-banner-body">
          <FormError message={error} />
          <ConflictCompare conflict={conflict} busy={busy} onResolve={(choice) => void resolve(choice)} onRevealed={used} onError={setError} />
        </div>
      ) : null}
    </section>
  );
}
