// The sentences an integrity problem is reported with: one place, so the app's unlock notice,
// the CLI's warning and the docs' security model use the same words for the same attack.
import type { IntegrityProblem, IntegrityReason } from '../../../shared/integrity';

/** `detail` completes the sentence after the record's name; `title` names an item by its title too. */
export function problem(reason: IntegrityReason, id: string, detail = '', title?: string): IntegrityProblem {
  const item = title ? `Item “${title}” (${id})` : `Item ${id}`;
  const message = {
    'missing-item': `${item} is missing: the vault lists it but its record was deleted from the file.`,
    'older-version': `${item} is an older version: ${detail}; an older copy of it was put back.`,
    'unknown-record': `${item} is an unknown record: it ${detail}; it is hidden.`,
    'stale-bucket': `Index ${id} ${detail}; its items were read from their own records.`,
    'altered-manifest': 'The vault’s integrity manifest is missing or was altered: nothing can be written until the vault is restored from a backup.',
  }[reason];
  return { reason, id, message };
}
