// The editor's working copy of an item, and its translation to what main accepts. Validation
// runs the very zod schema main uses, so the inline messages match the server's rules.
import { withScheme } from '../../../../shared/web-address';
import { itemInputSchema, type ItemInput, type ItemPatch, type ItemSummary, type ItemType } from '../../../../shared/domain';

/** A secret as the editor knows it: `original` is null while its stored value was never revealed. */
export interface SecretDraft {
  value: string;
  original: string | null;
}

export interface FieldDraft {
  name: string;
  /** null: a concealed value that was never revealed, kept as it is. */
  value: string | null;
  concealed: boolean;
  /** Its position in the stored item, to fetch an unrevealed value by; absent for new fields. */
  storedIndex?: number;
}

export interface Draft {
  type: ItemType;
  title: string;
  username: string;
  password: SecretDraft;
  totp: SecretDraft;
  urls: string[];
  notes: string;
  tags: string;
  folder: string;
  favorite: boolean;
  fields: FieldDraft[];
  service: string;
  keyId: string;
  secret: SecretDraft;
  environment: string;
  expiresAt: string;
  rotationDays: string;
}

const newSecret = (): SecretDraft => ({ value: '', original: '' });
const storedSecret = (has: boolean): SecretDraft => (has ? { value: '', original: null } : newSecret());

export function emptyDraft(type: ItemType): Draft {
  return {
    type, title: '', username: '', password: newSecret(), totp: newSecret(), urls: [''], notes: '', tags: '', folder: '', favorite: false,
    fields: [], service: '', keyId: '', secret: newSecret(), environment: '', expiresAt: '', rotationDays: '',
  };
}

export function draftFromSummary(s: ItemSummary): Draft {
  return {
    type: s.type, title: s.title, username: s.username, password: storedSecret(s.hasPassword), totp: storedSecret(s.hasTotp),
    urls: s.urls.length ? [...s.urls] : [''], notes: s.notes, tags: s.tags.join(', '), folder: s.folder, favorite: s.favorite,
    fields: s.fields.map((f, storedIndex) => ({ name: f.name, value: f.value, concealed: f.concealed, storedIndex })), service: s.service, keyId: s.keyId,
    secret: storedSecret(s.hasSecret), environment: s.environment, expiresAt: s.expiresAt ?? '', rotationDays: s.rotationDays === null ? '' : String(s.rotationDays),
  };
}

/** Whether the user changed this secret (an unrevealed one is "unchanged" while left empty). */
const secretChanged = (s: SecretDraft): boolean => (s.original === null ? s.value !== '' : s.value !== s.original);

const splitTags = (t: string): string[] => [...new Set(t.split(',').map((x) => x.trim()).filter(Boolean))];

/** The full input for this draft; unrevealed secrets and custom values count as empty. */
export function draftToInput(d: Draft): ItemInput {
  const base = {
    type: d.type, title: d.title, notes: d.notes, tags: splitTags(d.tags), folder: d.folder.trim(), favorite: d.favorite,
    fields: d.fields.map((f) => ({ name: f.name, value: f.value ?? '', concealed: f.concealed })),
  };
  // "github.com" is saved as "https://github.com", so the address opens and shows its scheme.
  const urls = d.urls.map(withScheme).filter(Boolean);
  if (d.type === 'login') return { ...base, username: d.username, password: d.password.value, totp: d.totp.value, urls };
  if (d.type === 'api_key') {
    const days = d.rotationDays.trim();
    return {
      ...base, urls, service: d.service, keyId: d.keyId, secret: d.secret.value, environment: d.environment,
      expiresAt: d.expiresAt.trim() || null, rotationDays: days === '' ? null : Number(days),
    };
  }
  return base;
}

export type Errors = Record<string, string>;

/** Inline messages keyed by field path (`title`, `fields.2.name`), plus `form` for the rest. */
export function validate(d: Draft): Errors {
  const errors: Errors = {};
  const days = d.rotationDays.trim();
  if (d.type === 'api_key' && days !== '' && (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 3650)) {
    errors.rotationDays = 'Rotation is a whole number of days from 1 to 3650.';
  }
  const r = itemInputSchema.safeParse(draftToInput(d));
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = issue.path.length ? issue.path.join('.') : 'form';
      const top = String(issue.path[0] ?? 'form');
      const at = top === 'urls' ? 'urls' : top === 'tags' ? 'tags' : key;
      errors[at] ??= issue.message;
    }
  }
  return errors;
}

/**
 * The update for an existing item: every plain field of its type, and secrets or custom
 * fields only when they changed. Custom fields go as a whole list, so their unrevealed
 * concealed values are filled in by the caller first.
 */
export function draftToPatch(d: Draft, fieldsChanged: boolean): ItemPatch {
  const input = draftToInput(d) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === 'type' || k === 'password' || k === 'totp' || k === 'secret' || k === 'fields') continue;
    patch[k] = v;
  }
  if (d.type === 'login' && secretChanged(d.password)) patch.password = d.password.value;
  if (d.type === 'login' && secretChanged(d.totp)) patch.totp = d.totp.value;
  if (d.type === 'api_key' && secretChanged(d.secret)) patch.secret = d.secret.value;
  if (fieldsChanged) patch.fields = input.fields;
  return patch as ItemPatch;
}
