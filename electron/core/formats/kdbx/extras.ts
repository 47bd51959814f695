// What KDBX has no place for but Keystash items need to come back whole: the item type, the
// favourite flag and an API key's service, key id, environment and rotation interval travel
// in one custom field named "Keystash" holding JSON. KeePassXC shows it as an ordinary
// attribute; an import that finds it restores the item exactly, and one without it (a
// database made by KeePass or KeePassXC) reads every entry as a login or a note.
import { z } from 'zod';
import { ITEM_TYPES } from '../../../../shared/domain';

export const EXTRAS_FIELD = 'Keystash';

const extrasSchema = z
  .object({
    type: z.enum(ITEM_TYPES),
    favorite: z.boolean().optional(),
    service: z.string().optional(),
    keyId: z.string().optional(),
    environment: z.string().optional(),
    rotationDays: z.number().int().nullable().optional(),
    /** Concealed custom fields that are empty: KDBX keeps no protection flag on an empty value. */
    emptyConcealed: z.array(z.string()).optional(),
  })
  .strict();
export type KeystashExtras = z.infer<typeof extrasSchema>;

/** The extras of an entry, or null when the field is missing or is not ours. */
export function readExtras(value: string | undefined): KeystashExtras | null {
  if (value === undefined) return null;
  try {
    const r = extrasSchema.safeParse(JSON.parse(value));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
