// Bitwarden's JSON export (individual vault or organisation): logins with every URI, custom
// fields by type (hidden → concealed, boolean, linked), password history with its dates,
// favourites, folders (or the first collection), TOTP, and creation, revision and deletion
// dates (an item with a deletion date goes to the trash). Secure notes become notes; cards,
// identities and SSH keys become notes with their details as custom fields (numbers, codes
// and private keys concealed). Passkeys (fido2Credentials) cannot be used outside Bitwarden
// and are not imported. The password-protected form is opened by ./decrypt.ts first.
import { z } from 'zod';
import type { CustomField, PasswordHistoryEntry } from '../../../../shared/domain';
import { PASSWORD_HISTORY_LIMIT } from '../../../../shared/domain';
import { KeystashError } from '../../errors';
import { cleanTotp, field } from '../import/fields';
import { buildItem } from '../import/record';
import type { ImportedItem } from '../import/types';

const str = z.string().nullish().transform((v) => v ?? '');

const itemSchema = z.looseObject({
  type: z.number().int(),
  name: str,
  notes: str,
  favorite: z.boolean().nullish(),
  folderId: z.string().nullish(),
  collectionIds: z.array(z.string()).nullish(),
  fields: z.array(z.looseObject({ name: str, value: str, type: z.number().int().nullish() })).nullish(),
  login: z
    .looseObject({
      uris: z.array(z.looseObject({ uri: str })).nullish(),
      username: str,
      password: str,
      totp: str,
    })
    .nullish(),
  card: z.record(z.string(), z.unknown()).nullish(),
  identity: z.record(z.string(), z.unknown()).nullish(),
  sshKey: z.record(z.string(), z.unknown()).nullish(),
  passwordHistory: z.array(z.looseObject({ password: str, lastUsedDate: str })).nullish(),
  creationDate: str,
  revisionDate: str,
  deletedDate: str,
});

const exportSchema = z.looseObject({
  encrypted: z.literal(false).optional(),
  folders: z.array(z.looseObject({ id: z.string(), name: str })).nullish(),
  collections: z.array(z.looseObject({ id: z.string(), name: str })).nullish(),
  items: z.array(z.unknown()),
});

/** Whether text is a Bitwarden JSON export (plain or password-protected), from its shape. */
export function isBitwardenJson(json: unknown): boolean {
  if (!json || typeof json !== 'object') return false;
  const o = json as Record<string, unknown>;
  if (o.encrypted === true && o.passwordProtected === true && typeof o.data === 'string') return true;
  return Array.isArray(o.items) && ('folders' in o || 'collections' in o) && (o.encrypted === false || o.encrypted === undefined);
}

const time = (iso: string): number | undefined => {
  const t = Date.parse(iso);
  return Number.isFinite(t) && t > 0 ? t : undefined;
};

const CONCEALED_DETAILS = /number|code|ssn|passport|license|privateKey/i;

/** A card's, identity's or SSH key's details as fields: `cardholderName` → "Cardholder name". */
function detailFields(kind: string, details: Record<string, unknown> | null | undefined): CustomField[] {
  if (!details) return [];
  return Object.entries(details)
    .filter(([, v]) => typeof v === 'string' && v !== '')
    .map(([k, v]) => {
      const label = k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
      return { name: `${kind} ${label.toLowerCase()}`.replace(/^./, (c) => c.toUpperCase()), value: String(v), concealed: CONCEALED_DETAILS.test(k) };
    });
}

function customFields(fields: z.infer<typeof itemSchema>['fields']): CustomField[] {
  return (fields ?? []).map((f) => {
    // 1 hidden, 2 boolean ("true"/"false"), 3 linked (names a login field; no value of its own).
    if (f.type === 3) return field(f.name || 'Linked field', `(linked to ${f.value || 'a login field'})`, false);
    return { name: f.name.trim() || 'Field', value: f.value, concealed: f.type === 1 };
  });
}

function history(entries: z.infer<typeof itemSchema>['passwordHistory']): PasswordHistoryEntry[] {
  return (entries ?? [])
    .filter((h) => h.password !== '')
    .map((h) => ({ field: 'password' as const, value: h.password, changedAt: time(h.lastUsedDate) ?? 0 }))
    .sort((a, b) => b.changedAt - a.changedAt)
    .slice(0, PASSWORD_HISTORY_LIMIT);
}

const KIND: Record<number, string> = { 3: 'Card', 4: 'Identity', 5: 'SSH key' };

/** The items of a plain Bitwarden JSON export; a malformed item is a problem row, not a failure. */
export function readBitwardenJson(json: unknown): (ImportedItem | { problem: string })[] {
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) throw new KeystashError('invalid-input', 'This Bitwarden export is not in a shape Keystash knows.');
  const folders = new Map((parsed.data.folders ?? []).map((f) => [f.id, f.name]));
  const collections = new Map((parsed.data.collections ?? []).map((c) => [c.id, c.name]));
  return parsed.data.items.map((raw) => {
    const r = itemSchema.safeParse(raw);
    if (!r.success) return { problem: 'The item is not in a shape Keystash knows.' };
    const it = r.data;
    const kind = KIND[it.type];
    const details = it.type === 3 ? it.card : it.type === 4 ? it.identity : it.type === 5 ? it.sshKey : null;
    const fields = [...(kind ? [field('Bitwarden type', kind, false), ...detailFields(kind, details)] : []), ...customFields(it.fields)];
    const folder = (it.folderId ? folders.get(it.folderId) : undefined) ?? (it.collectionIds?.[0] ? collections.get(it.collectionIds[0]) : undefined) ?? '';
    const out = buildItem(
      {
        title: it.name,
        notes: it.notes,
        folder,
        favorite: it.favorite ?? false,
        note: it.type !== 1,
        urls: (it.login?.uris ?? []).map((u) => u.uri.trim()).filter((u) => u !== ''),
        username: it.login?.username ?? '',
        password: it.login?.password ?? '',
        totp: cleanTotp(it.login?.totp ?? ''),
        fields,
        passwordHistory: history(it.passwordHistory),
        ...(time(it.creationDate) !== undefined ? { createdAt: time(it.creationDate) } : {}),
        ...(time(it.revisionDate) !== undefined ? { updatedAt: time(it.revisionDate) } : {}),
      },
      0,
    );
    const deleted = time(it.deletedDate);
    if (deleted !== undefined) out.deletedAt = deleted;
    return out;
  });
}
