// One item's sync conflict, field by field: the value now and the other device's value, and
// the three ways to settle it. Secrets stay hidden; each can be revealed through the logged
// reveal channels (the value now by its field, the other value by the password-history entry
// that holds it), and a revealed value lives only in this component's state. Used by
// Settings → Sync and by the item's own page.
import { useState } from 'react';
import { Eye, EyeOff } from 'lucide-react';
import type { ConflictChoice, ConflictField, ItemConflict } from '../../../../shared/sync';
import { call } from '../../lib/ipc';
import { Button, IconButton } from '../Button';
import './conflicts.css';

const LABELS: Record<string, string> = { deletedAt: 'In the trash', keyId: 'Key id', totp: 'One-time password', urls: 'Web addresses', fields: 'Custom fields', expiresAt: 'Expires', rotationDays: 'Rotate every (days)' };
export const conflictFieldLabel = (f: string): string => LABELS[f] ?? f.charAt(0).toUpperCase() + f.slice(1);

interface ConflictCompareProps {
  conflict: ItemConflict;
  onResolve: (choice: ConflictChoice) => void;
  /** A secret was revealed (the reveal is in the item's history now). */
  onRevealed?: () => void;
  onError: (message: string) => void;
  busy?: boolean;
}

type Side = 'current' | 'other';

function SecretCell({ id, f, side, onRevealed, onError }: { id: string; f: ConflictField; side: Side; onRevealed?: () => void; onError: (m: string) => void }) {
  const [value, setValue] = useState<string | null>(null);
  const label = `${conflictFieldLabel(f.field).toLowerCase()} ${side === 'current' ? 'now' : 'from the other device'}`;
  const canReveal = side === 'current' ? f.revealCurrent !== undefined : f.otherHistoryIndex !== undefined;
  const toggle = async () => {
    if (value !== null) return setValue(null);
    const r =
      side === 'current'
        ? f.revealCurrent !== undefined
          ? await call('item:reveal', { id, field: f.revealCurrent })
          : null
        : f.otherHistoryIndex !== undefined
          ? await call('item:reveal-history', { id, index: f.otherHistoryIndex })
          : null;
    if (!r) return;
    if (!r.ok) return onError(r.error.message);
    setValue(r.value.value);
    onRevealed?.();
  };
  return (
    <span className="conflict-secret">
      <span className={value === null ? 'conflict-hidden' : 'mono'} data-testid={`conflict-${f.field}-${side}`}>
        {value ?? (canReveal ? '••••••••' : side === 'other' ? 'a different value' : 'hidden')}
      </span>
      {canReveal ? <IconButton icon={value === null ? Eye : EyeOff} label={value === null ? `Reveal ${label}` : `Hide ${label}`} pressed={value !== null} onClick={() => void toggle()} /> : null}
    </span>
  );
}

export function ConflictCompare({ conflict, onResolve, onRevealed, onError, busy = false }: ConflictCompareProps) {
  return (
    <>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">This version</th>
            <th scope="col">Other device’s version</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{conflictFieldLabel(f.field)}</th>
              <td>{f.secret ? <SecretCell id={conflict.id} f={f} side="current" onRevealed={onRevealed} onError={onError} /> : f.current || '(empty)'}</td>
              <td>{f.secret ? <SecretCell id={conflict.id} f={f} side="other" onRevealed={onRevealed} onError={onError} /> : f.other || '(empty)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row conflict-actions">
        <Button disabled={busy} onClick={() => onResolve('keep-current')}>
          Keep this version
        </Button>
        <Button disabled={busy} onClick={() => onResolve('use-other')}>
          Use the other version
        </Button>
        <Button disabled={busy} onClick={() => onResolve('keep-both')}>
          Keep both
        </Button>
      </div>
    </>
  );
}
