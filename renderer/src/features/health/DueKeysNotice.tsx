// After unlocking: API keys that are expired, expire within 30 days or are due for
// rotation. Main also shows a desktop notification, once per unlock, where it can.
import { useEffect, useState } from 'react';
import { KeyRound, X } from 'lucide-react';
import type { DueKey } from '../../../../shared/health';
import { call } from '../../lib/ipc';
import { plural } from '../../lib/format';
import { IconButton } from '../../components/Button';

function describe(d: DueKey): string {
  if (d.reason === 'expired') return `expired ${d.days >= -1 ? 'yesterday' : `${-d.days} days ago`}`;
  if (d.reason === 'expiring') return d.days === 0 ? 'expires today' : `expires in ${plural(d.days, 'day')}`;
  return `rotation due${d.days < 0 ? ` ${plural(-d.days, 'day')} ago` : ''}`;
}

export function DueKeysNotice({ onOpen }: { onOpen: (id: string) => void }) {
  const [due, setDue] = useState<DueKey[]>([]);
  const [open, setOpen] = useState(true);
  useEffect(() => {
    let live = true;
    void call('health:due-keys', {}).then((r) => {
      if (live && r.ok) setDue(r.value);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!open || due.length === 0) return null;
  return (
    <div className="notice notice-warn" role="alert" data-testid="due-keys-notice">
      <KeyRound size={18} aria-hidden="true" className="notice-icon" />
      <div className="notice-body">
        <p>
          <strong>{plural(due.length, 'API key')} {due.length === 1 ? 'needs' : 'need'} attention:</strong>{' '}
          {due.map((d, i) => (
            <span key={`${d.id}-${d.reason}`}>
              {i > 0 ? ', ' : ''}
              <button type="button" className="link-button" onClick={() => onOpen(d.id)}>
                {d.title}
              </button>{' '}
              ({describe(d)})
            </span>
          ))}
          .
        </p>
      </div>
      <IconButton icon={X} label="Dismiss API key notice" onClick={() => setOpen(false)} />
    </div>
  );
}
