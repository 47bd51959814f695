// The selected item, without its secrets: fields with copy and reveal, its tags and folder,
// the actions that fit where it is (vault or trash), and its history.
import { useEffect, useState } from 'react';
import { Copy, ExternalLink, Pencil, RotateCcw, Star, Trash2, Folder, Tag } from 'lucide-react';
import type { ItemSummary, RevealableField } from '../../../../../shared/domain';
import { call } from '../../../lib/ipc';
import { formatDateTime, TYPE_LABEL } from '../../../lib/format';
import { Button, IconButton } from '../../../components/Button';
import { Spinner } from '../../../components/EmptyState';
import { useToast } from '../../../components/Toast';
import { ItemHistory } from './ItemHistory';
import { FieldRow } from './FieldRow';
import { useVaultData } from '../../../state/vault-data';
import { ItemAttachments } from '../../../components/attachments/ItemAttachments';
import { useCopy } from '../useCopy';
import { useBulkActions } from '../useBulkActions';
import { TotpCode } from './TotpCode';
import { EnvCopyButtons } from './EnvCopyButtons';
import { ConflictBanner } from './ConflictBanner';
import './detail.css';

interface DetailPaneProps {
  id: string;
  onEdit: (item: ItemSummary) => void;
}

function useSummary(id: string, revision: number): { item: ItemSummary | null; error: string } {
  const [state, setState] = useState<{ item: ItemSummary | null; error: string }>({ item: null, error: '' });
  useEffect(() => {
    let live = true;
    void call('item:get', { id }).then((r) => {
      if (live) setState(r.ok ? { item: r.value, error: '' } : { item: null, error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [id, revision]);
  return state;
}

export function DetailPane({ id, onEdit }: DetailPaneProps) {
  const { revision, changed } = useVaultData();
  const { item, error } = useSummary(id, revision);
  const copy = useCopy();
  const toast = useToast();
  const bulk = useBulkActions();

  if (error) return <div className="detail-pad field-error" role="alert">{error}</div>;
  if (!item) return <Spinner label="Loading item…" />;

  const act = async (label: string, run: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await run();
    if (r.ok) {
      toast.info(label);
      changed();
    } else toast.error(r.error?.message ?? 'That did not work.');
  };
  const inTrash = item.deletedAt !== null;

  const field = (label: string, f: RevealableField, value: string, mono = false) =>
    value ? <FieldRow itemId={id} label={label} value={value} field={f} copy={copy} mono={mono} /> : null;
  const secret = (label: string, f: RevealableField, has: boolean) => (has ? <FieldRow itemId={id} label={label} field={f} secret copy={copy} /> : null);

  return (
    <article className="detail" aria-labelledby="detail-title">
      <header className="detail-header">
        <div className="detail-heading">
          <span className={`badge type-${item.type}`}>{TYPE_LABEL[item.type]}</span>
          <h2 id="detail-title" className="detail-title">
            {item.title}
          </h2>
        </div>
        <div className="detail-actions">
          {inTrash ? (
            <>
              <Button icon={RotateCcw} onClick={() => void bulk.restore([id])}>
                Restore
              </Button>
              <Button icon={Trash2} variant="danger" onClick={() => void bulk.purge([id], item.title)}>
                Delete forever
              </Button>
            </>
          ) : (
            <>
              <IconButton
                icon={Star}
                className={item.favorite ? 'fav on' : 'fav'}
                label={item.favorite ? 'Remove from favorites' : 'Add to favorites'}
                pressed={item.favorite}
                onClick={() => void act(item.favorite ? 'Removed from favorites' : 'Added to favorites', () => call('item:update', { id, patch: { favorite: !item.favorite } }))}
              />
              <Button icon={Pencil} onClick={() => onEdit(item)} title="Edit (Enter)">
                Edit
              </Button>
              <Button icon={Trash2} onClick={() => void bulk.trash([id])} title="Move to trash (Del)">
                Delete
              </Button>
            </>
          )}
        </div>
      </header>
      {inTrash ? <p className="notice notice-info">In the trash since {formatDateTime(item.deletedAt ?? 0)}.</p> : null}
      <ConflictBanner id={id} />
      <dl className="field-list">
        {item.type === 'login' ? (
          <>
            {field('Username', 'username', item.username)}
            {secret('Password', 'password', item.hasPassword)}
            {item.hasTotp && !inTrash ? <TotpCode itemId={id} /> : null}
          </>
        ) : null}
        {item.type === 'api_key' ? (
          <>
            {item.service ? <FieldRow itemId={id} label="Service" value={item.service} /> : null}
            {field('Key ID', 'keyId', item.keyId, true)}
            {secret('Secret', 'secret', item.hasSecret)}
            {item.hasSecret && !inTrash ? <EnvCopyButtons itemId={id} /> : null}
            {item.environment ? <FieldRow itemId={id} label="Environment" value={item.environment} /> : null}
            {item.expiresAt ? <FieldRow itemId={id} label="Expires" value={item.expiresAt} /> : null}
            {item.rotationDays ? <FieldRow itemId={id} label="Rotate every" value={`${item.rotationDays} days`} /> : null}
          </>
        ) : null}
        {item.urls.map((url, index) => (
          <FieldRow
            key={`${index}-${url}`}
            itemId={id}
            label={item.urls.length > 1 ? `Website ${index + 1}` : 'Website'}
            value={url}
            extra={
              <>
                <IconButton icon={Copy} label={`Copy ${url}`} title={index === 0 ? 'Copy web address (Ctrl+U)' : `Copy ${url}`} onClick={() => void call('item:copy-url', { id, index }).then((r) => (r.ok ? toast.copied('Web address', r.value.clearsInMs) : toast.error(r.error.message)))} />
                <IconButton icon={ExternalLink} label={`Open ${url}`} title={index === 0 ? 'Open web address (Ctrl+Shift+U)' : `Open ${url}`} onClick={() => void call('item:open-url', { id, index }).then((r) => !r.ok && toast.error(r.error.message))} />
              </>
            }
          />
        ))}
        {item.fields.map((f, index) =>
          f.concealed ? (
            <FieldRow key={index} itemId={id} label={f.name} field={`field:${index}`} secret copy={copy} />
          ) : (
            <FieldRow key={index} itemId={id} label={f.name} value={f.value ?? ''} field={`field:${index}`} copy={copy} />
          ),
        )}
        {item.notes ? <FieldRow itemId={id} label="Notes" value={item.notes} multiline /> : null}
      </dl>
      {item.tags.length > 0 || item.folder ? (
        <div className="chips" aria-label="Tags and folder">
          {item.folder ? (
            <span className="chip">
              <Folder size={12} aria-hidden="true" /> {item.folder}
            </span>
          ) : null}
          {item.tags.map((t) => (
            <span key={t} className="chip">
              <Tag size={12} aria-hidden="true" /> {t}
            </span>
          ))}
        </div>
      ) : null}
      <p className="detail-dates">
        Created {formatDateTime(item.createdAt)} · Updated {formatDateTime(item.updatedAt)}
      </p>
      <ItemAttachments itemId={id} inTrash={inTrash} onChanged={changed} />
      <ItemHistory item={item} />
    </article>
  );
}
