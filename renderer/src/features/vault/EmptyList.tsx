// What the list pane says when it has no rows: no matches, an empty trash, nothing recent or
// stale, or an empty view with a way to fill it (add, or import from another manager).
import { ArrowDownUp, Inbox, SearchX, Trash2 } from 'lucide-react';
import type { ItemType } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import type { VaultFilter } from '../../state/routes';

interface Props {
  filter: VaultFilter;
  title: string;
  /** The search text, or '' when not searching. */
  search: string;
  onCreate: (type: ItemType) => void;
  onImport: () => void;
}

export function EmptyList({ filter, title, search, onCreate, onImport }: Props) {
  if (search)
    return (
      <EmptyState icon={SearchX} title={`No items match “${search}”`}>
        Try fewer words, or search all items.
      </EmptyState>
    );
  if (filter.kind === 'trash') return <EmptyState icon={Trash2} title="The trash is empty">Deleted items wait here until you restore them or delete them forever.</EmptyState>;
  if (filter.kind === 'recent') return <EmptyState icon={Inbox} title="Nothing used recently">Items you copied, revealed or used from the command line in the last 30 days show up here.</EmptyState>;
  if (filter.kind === 'stale') return <EmptyState icon={Inbox} title="Nothing unused for 180 days">Every item has been used in the last 180 days, or is newer than that.</EmptyState>;
  const type: ItemType = filter.kind === 'type' ? filter.type : 'login';
  return (
    <EmptyState icon={Inbox} title={filter.kind === 'all' ? 'Your vault is empty' : `Nothing in ${title} yet`}>
      <span className="empty-actions">
        <Button variant="primary" onClick={() => onCreate(type)}>
          Add {type === 'api_key' ? 'an API key' : type === 'note' ? 'a note' : 'a login'}
        </Button>
        {filter.kind === 'all' ? (
          <Button icon={ArrowDownUp} onClick={onImport}>
            Import from another manager
          </Button>
        ) : null}
      </span>
    </EmptyState>
  );
}
