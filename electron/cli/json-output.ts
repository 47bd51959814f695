// The CLI's --json item output: the shared shape from core, plus the logged reveal of secrets.
import type { Vault } from '../core/vault';
import type { Revealed } from '../core/formats/json-item';

export { jsonItem, type JsonField, type JsonItem, type Revealed } from '../core/formats/json-item';

/**
 * Reveals every secret of one item through vault.items.useField, so each value that leaves the
 * vault is written to usage history as a `reveal` by the CLI. Empty secrets are skipped.
 */
export function revealAll(vault: Vault, id: string): Revealed {
  const item = vault.items.withSecrets(id);
  const out: Revealed = { fields: new Map() };
  for (const field of ['password', 'secret', 'totp'] as const) {
    if (item[field] !== '') out[field] = vault.items.useField(id, field, 'reveal');
  }
  item.fields.forEach((f, i) => {
    if (!f.concealed) return;
    out.fields.set(i, f.value === '' ? '' : vault.items.useField(id, `field:${i}`, 'reveal'));
  });
  return out;
}
