// Turns the ITEM argument into an id: id, unique id prefix (4+ characters) or exact title.
import { KeystashError } from '../core/errors';
import type { Vault } from '../core/vault';

export function resolveItem(vault: Vault, ref: string, opts: { includeTrash?: boolean } = {}): string {
  // A damaged item is missing from the index; say so instead of "not found".
  const damaged = vault.items.damagedIds().find((id) => id === ref || (ref.length >= 4 && id.startsWith(ref)));
  if (damaged) {
    throw new KeystashError('integrity', `Item ${damaged} failed its integrity check: the stored data was altered or moved.`, { itemIds: [damaged] });
  }
  return vault.items.resolve(ref, opts);
}
