// An item's own history in the detail pane: when it was last used, its recent events, and
// its previous passwords or secrets, each revealed on demand (and logged like any reveal).
import { useEffect, useState } from 'react';
import { Eye, EyeOff, History } from 'lucide-react';
import type { ItemSummary, VaultEvent } from '../../../../../shared/domain';
import type { PasswordHistoryMeta } from '../../../../../shared/item-views';
import { call } from '../../../lib/ipc';
import { EVENT_LABEL, fieldLabel, formatDateTime, formatRelative } from '../../../lib/format';
import { IconButton } from '../../../components/Button';
import { useToast } from '../../../components/Toast';
import { useVaultData } from '../../../state/vault-data';
import { ItemSparkline } from './ItemSparkline';

const RECENT = 8;

function PreviousValue({ itemId, entry }: { itemId: string; entry: PasswordHistoryMeta }) {
  const [value, setValue] = useState<string | null>(null);
  const toast = useToast();
  const { used } = useVaultData();
  const label = `${entry.field} replaced ${formatDateTime(entry.changedAt)}`;
  const toggle = async () => {
    if (value !== null) return setValue(null);
    const r = await call('item:reveal-history', { id: itemId, index: entry.index });
    if (!r.ok) return toast.error(r.error.message);
    setValue(r.value.value);
    used();
  };
  return (
    <li className="history-row">
      <span className="history-what">
        <span className={`mono${value === null ? ' concealed' : ''}`}>{value ?? '••••••••'}</span>
        <span className="history-when">Replaced {formatRelative(entry.changedAt)}</span>
      </span>
      <IconButton icon={value === null ? Eye : EyeOff} label={value === null ? `Reveal previous ${label}` : `Hide previous ${label}`} pressed={value !== null} onClick={() => void toggle()} />
    </li>
  );
}

export function ItemHistory({ item }: { item: ItemSummary }) {
  const { revision } = useVaultData();
  const [events, setEvents] = useState<VaultEvent[] | null>(null);
  const [previous, setPrevious] = useState<PasswordHistoryMeta[]>([]);

  useEffect(() => {
    let live = true;
    void Promise.all([call('history:list', { itemId: item.id, limit: RECENT }), call('item:password-history', { id: item.id })]).then(([ev, prev]) => {
      if (!live) return;
      setEvents(ev.ok ? ev.value : []);
      setPrevious(prev.ok ? prev.value : []);
    });
    return () => {
      live = false;
    };
  }, [item.id, revision]);

  return (
    <section className="history" aria-labelledby="history-title">
      <h3 id="history-title" className="section-title">
        <History size={14} aria-hidden="true" /> History
      </h3>
      <p className="history-last" data-testid="last-used">
        Last used: {item.lastUsedAt ? `${formatRelative(item.lastUsedAt)} (${formatDateTime(item.lastUsedAt)})` : 'never'}
      </p>
      <ItemSparkline itemId={item.id} revision={revision} />
      {events === null ? null : events.length === 0 ? (
        <p className="field-hint">No events yet.</p>
      ) : (
        <ol className="history-list" aria-label="Recent events" data-testid="item-events">
          {events.map((e) => (
            <li key={e.seq} className="history-row">
              <span className="history-what">
                {EVENT_LABEL[e.kind]}
                {e.detail.field ? ` ${fieldLabel(e.detail.field, e.detail.note)}` : ''}
                {e.source === 'cli' ? <span className="badge badge-muted">CLI</span> : null}
              </span>
              <time className="history-when" dateTime={new Date(e.at).toISOString()} title={formatDateTime(e.at)}>
                {formatRelative(e.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {previous.length > 0 ? (
        <>
          <h4 className="subsection-title">Previous {item.type === 'api_key' ? 'secrets' : 'passwords'}</h4>
          <ul className="history-list" aria-label="Previous values">
            {previous.map((p) => (
              <PreviousValue key={p.index} itemId={item.id} entry={p} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
