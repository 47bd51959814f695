// One change for many selected items: what each bulk action does to one item, and which
// items it leaves alone (already in the trash, already tagged, ...). The writes themselves,
// one transaction for the whole selection, are ItemWrites.changeMany and purgeMany.
import type { BulkAction, BulkResult } from '../../../shared/bulk';
import type { Item } from '../../../shared/domain';
import type { ItemWrites } from './item-writes';

/** The item after `action`, or null when the action does not apply to it. */
function changed(action: BulkAction, item: Item, now: number): Item | null {
  const inTrash = item.deletedAt !== null;
  switch (action.kind) {
    case 'trash':
      return inTrash ? null : { ...item, deletedAt: now };
    case 'restore':
      return inTrash ? { ...item, deletedAt: null } : null;
    case 'favorite':
      return inTrash || item.favorite === action.value ? null : { ...item, favorite: action.value };
    case 'move':
      return inTrash || item.folder === action.folder ? null : { ...item, folder: action.folder };
    case 'add-tag':
      return inTrash || item.tags.includes(action.tag) ? null : { ...item, tags: [...item.tags, action.tag] };
    case 'remove-tag':
      return inTrash || !item.tags.includes(action.tag) ? null : { ...item, tags: item.tags.filter((t) => t !== action.tag) };
    case 'purge':
      return null;
  }
}

/**
 * Applies `action` to the items `ids` in one transaction. Purge removes only items already in
 * the trash; `isTrashed` says which those are.
 */
export function applyBulk(writes: ItemWrites, ids: readonly string[], action: BulkAction, now: number, isTrashed: (id: string) => boolean): BulkResult {
  if (action.kind === 'purge') return { changed: writes.purgeMany(ids.filter(isTrashed)) };
  const kind = action.kind === 'trash' ? 'delete' : action.kind === 'restore' ? 'restore' : 'edit';
  return { changed: writes.changeMany(ids, kind, (item) => changed(action, item, now)).map((s) => s.id) };
}
