// What the vault's detail pane shows: the editor (creating or editing), the bulk actions for
// several selected items, the selected item, or a hint to pick one.
import { memo, type ComponentType } from 'react';
import { MousePointerClick } from 'lucide-react';
import type { ItemSummary, ItemType } from '../../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { BulkPanel } from './BulkPanel';
import { DetailPane } from './detail/DetailPane';
import type { BulkActions } from './useBulkActions';

/** What the vault view tells the editor it shows in the detail pane. */
export interface EditorProps {
  type: ItemType;
  /** The item being edited; absent when creating. */
  item?: ItemSummary;
  onSaved: (item: ItemSummary) => void;
  onCancel: () => void;
}

export type Mode = { kind: 'view' } | { kind: 'edit'; item: ItemSummary } | { kind: 'create'; type: ItemType };

interface VaultDetailProps {
  mode: Mode;
  Editor: ComponentType<EditorProps>;
  /** The editor closed: saved (with the item) or cancelled (null). */
  onEditorDone: (saved: ItemSummary | null) => void;
  onEdit: (item: ItemSummary) => void;
  /** Set when several items are selected. */
  selectedIds: string[] | null;
  inTrash: boolean;
  bulk: BulkActions;
  onClearSelection: () => void;
  detailId: string | null;
}

/** Memoised: typing in the search box re-renders the vault view, not the item shown here. */
export const VaultDetail = memo(function VaultDetail({ mode, Editor, onEditorDone, onEdit, selectedIds, inTrash, bulk, onClearSelection, detailId }: VaultDetailProps) {
  const done = { onCancel: () => onEditorDone(null), onSaved: (s: ItemSummary) => onEditorDone(s) };
  if (mode.kind === 'create') return <Editor key={`new-${mode.type}`} type={mode.type} {...done} />;
  if (mode.kind === 'edit') return <Editor key={`edit-${mode.item.id}`} type={mode.item.type} item={mode.item} {...done} />;
  if (selectedIds) return <BulkPanel ids={selectedIds} inTrash={inTrash} actions={bulk} onClear={onClearSelection} />;
  if (detailId) return <DetailPane key={detailId} id={detailId} onEdit={onEdit} />;
  return (
    <EmptyState icon={MousePointerClick} title="No item selected">
      Pick an item from the list, or create a new one.
    </EmptyState>
  );
});
