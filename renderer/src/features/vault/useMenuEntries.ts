// The context menu's entries for the current selection: for one item its copies and links
// as well, for several only what applies to all; in the trash, restore and delete forever.
import { Copy, ExternalLink, FolderInput, Link, Pencil, RotateCcw, Star, StarOff, Tag, Tags, Timer, Trash2, UserRound } from 'lucide-react';
import type { RevealableField } from '../../../../shared/domain';
import type { ItemListRow } from '../../../../shared/item-views';
import type { MenuEntry } from './ItemContextMenu';
import type { BulkActions } from './useBulkActions';
import { useItemLinks } from './useItemLinks';

interface Options {
  ids: readonly string[];
  /** The one selected row, when exactly one is selected. */
  row: ItemListRow | null;
  inTrash: boolean;
  bulk: BulkActions;
  copy: (id: string, field: RevealableField) => Promise<void>;
  onEdit: (id: string) => void;
}

export function useMenuEntries({ ids, row, inTrash, bulk, copy, onEdit }: Options): MenuEntry[] {
  const links = useItemLinks();
  if (inTrash) {
    return [
      { label: 'Restore', icon: RotateCcw, run: () => void bulk.restore(ids) },
      { label: 'Delete forever', icon: Trash2, danger: true, keys: 'Del', run: () => void bulk.purge(ids, row?.title) },
    ];
  }
  const one: MenuEntry[] = row
    ? [
        { label: 'Edit', icon: Pencil, keys: 'Enter', run: () => onEdit(row.id) },
        ...(row.type === 'login' ? [{ label: 'Copy username', icon: UserRound, keys: 'Ctrl+B', run: () => void copy(row.id, 'username') }] : []),
        ...(row.type !== 'note' ? [{ label: row.type === 'login' ? 'Copy password' : 'Copy secret', icon: Copy, keys: 'Ctrl+C', run: () => void copy(row.id, row.type === 'login' ? 'password' : 'secret') }] : []),
        ...(row.hasTotp ? [{ label: 'Copy one-time code', icon: Timer, keys: 'Ctrl+T', run: () => void links.copyCode(row.id) }] : []),
        ...(row.hasUrl
          ? [
              { label: 'Copy web address', icon: Link, keys: 'Ctrl+U', run: () => void links.copyUrl(row.id) },
              { label: 'Open web address', icon: ExternalLink, keys: 'Ctrl+Shift+U', run: () => void links.openUrl(row.id) },
            ]
          : []),
      ]
    : [];
  return [
    ...one,
    { label: 'Add to favorites', icon: Star, run: () => void bulk.favorite(ids, true) },
    { label: 'Remove from favorites', icon: StarOff, run: () => void bulk.favorite(ids, false) },
    { label: 'Move to folder…', icon: FolderInput, run: () => void bulk.move(ids) },
    { label: 'Add tag…', icon: Tag, run: () => void bulk.addTag(ids) },
    { label: 'Remove tag…', icon: Tags, run: () => void bulk.removeTag(ids) },
    { label: 'Move to trash', icon: Trash2, danger: true, keys: 'Del', run: () => void bulk.trash(ids) },
  ];
}
