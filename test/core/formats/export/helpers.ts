// Compares vault contents across an export and an import: everything but the ids.
import type { Item, PasswordHistoryEntry } from '../../../../shared/domain';
import type { Vault } from '../../../../electron/core/vault';

export interface Comparable {
  item: Omit<Item, 'id'>;
  passwordHistory: PasswordHistoryEntry[];
}

export function snapshot(vault: Vault, includeTrash = false): Comparable[] {
  const ids = [...vault.items.list({}), ...(includeTrash ? vault.items.list({ trash: true }) : [])].map((s) => s.id);
  return ids
    .map((id) => {
      const { item, passwordHistory } = vault.items.record(id);
      const { id: _id, ...rest } = item;
      return { item: rest, passwordHistory };
    })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
