// One field in the detail pane: its label, its value (or dots for a secret), and buttons
// to reveal and copy. A revealed value lives only in this component's state, so it is gone
// when the selection changes or the user hides it again.
import { useState, type ReactNode } from 'react';
import { Copy, Eye, EyeOff } from 'lucide-react';
import type { RevealableField } from '../../../../../shared/domain';
import { call } from '../../../lib/ipc';
import { IconButton } from '../../../components/Button';
import { useToast } from '../../../components/Toast';
import { useVaultData } from '../../../state/vault-data';

interface FieldRowProps {
  itemId: string;
  label: string;
  /** The visible value; omit for a secret that must be revealed. */
  value?: string;
  field?: RevealableField;
  secret?: boolean;
  copy?: (id: string, field: RevealableField, what?: string) => Promise<void>;
  mono?: boolean;
  extra?: ReactNode;
  multiline?: boolean;
}

const DOTS = '••••••••••••';

export function FieldRow({ itemId, label, value, field, secret = false, copy, mono, extra, multiline }: FieldRowProps) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const toast = useToast();
  const { used } = useVaultData();

  const toggleReveal = async () => {
    if (revealed !== null) {
      setRevealed(null);
      return;
    }
    if (!field) return;
    const r = await call('item:reveal', { id: itemId, field });
    if (!r.ok) return toast.error(r.error.message);
    setRevealed(r.value.value);
    // The reveal is now in the item's history and moved its last-used time.
    used();
  };

  const shown = secret ? (revealed ?? DOTS) : (value ?? '');
  const lower = label.toLowerCase();
  return (
    <div className="field-row">
      <dt className="field-row-label">{label}</dt>
      <dd className="field-row-value">
        <span className={`field-row-text${mono || secret ? ' mono' : ''}${multiline ? ' multiline' : ''}${secret && revealed === null ? ' concealed' : ''}`} data-testid={`value-${lower}`}>
          {shown}
        </span>
        <span className="field-row-actions">
          {extra}
          {secret && field ? (
            <IconButton icon={revealed !== null ? EyeOff : Eye} label={revealed !== null ? `Hide ${lower}` : `Reveal ${lower}`} pressed={revealed !== null} onClick={() => void toggleReveal()} />
          ) : null}
          {copy && field ? <IconButton icon={Copy} label={`Copy ${lower}`} onClick={() => void copy(itemId, field, field.startsWith('field:') ? label : undefined)} /> : null}
        </span>
      </dd>
    </div>
  );
}
