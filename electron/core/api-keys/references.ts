// Secret references: `keystash://ITEM/FIELD` names one value in the vault, so a template or a
// .env file can hold the reference instead of the secret (like 1Password's op:// references).
//
//  - FIELD is everything after the LAST `/`; ITEM is everything before it, an item's title
//    (exact, else case-insensitive), its id, or a unique id prefix. A title may contain `/`.
//  - FIELD is password, secret, username, keyId (or key-id), notes, totp (the current
//    one-time code), or a custom field's name (case-insensitive).
//  - Percent-escapes (%XX, hex) are decoded in both parts: write %2F for a `/` inside a field
//    name, %25 for a `%` followed by two hex digits, %7D%7D for `}}` inside a template.
// Resolving a reference logs a `cli-use` of that item and field, like every value the CLI hands out.
import type { EventSource, Item, RevealableField } from '../../../shared/domain';
import { quote } from '../../../shared/input-text';
import { SCHEME, type Reference } from '../../../shared/references';
import { KeystashError } from '../errors';
import type { Items } from '../items/items';
import { totpCode } from '../items/totp';


/** A run of %XX escapes; an escape that is not part of valid UTF-8 is left as written. */
function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run.length === 3 ? run : decodeRun(run.slice(0, -3)) + decodeRun(run.slice(-3));
  }
}

/** Decodes %XX escapes and leaves any other `%` as it is (a title may say "50% off"). */
export function percentDecode(s: string): string {
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeRun);
}

export function isReference(text: string): boolean {
  return text.trim().startsWith(SCHEME);
}

export function parseReference(text: string): Reference {
  const t = text.trim();
  if (!t.startsWith(SCHEME)) throw new KeystashError('invalid-input', `${quote(text)} is not a reference: it must start with ${SCHEME}.`);
  const body = t.slice(SCHEME.length);
  const slash = body.lastIndexOf('/');
  if (slash <= 0 || slash === body.length - 1) {
    throw new KeystashError('invalid-input', `${quote(text)} must name an item and a field: ${SCHEME}ITEM/FIELD (e.g. ${SCHEME}Stripe live/secret).`);
  }
  return { item: percentDecode(body.slice(0, slash)), field: percentDecode(body.slice(slash + 1)) };
}

const BUILT_IN: Record<string, RevealableField> = {
  password: 'password',
  secret: 'secret',
  username: 'username',
  keyid: 'keyId',
  'key-id': 'keyId',
  key_id: 'keyId',
  notes: 'notes',
  totp: 'totp',
};

/** The stored field a reference's FIELD names in this item. */
export function fieldOf(item: Item, name: string): RevealableField {
  const builtIn = BUILT_IN[name.toLowerCase()];
  if (builtIn) return builtIn;
  const i = item.fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  if (i === -1) {
    const names = ['password', 'secret', 'username', 'keyId', 'notes', 'totp', ...item.fields.map((f) => f.name)];
    throw new KeystashError('not-found', `“${item.title}” has no field ${quote(name)} (fields: ${names.join(', ')}).`);
  }
  return `field:${i}`;
}

/**
 * The value a reference names, logged as a `cli-use` of its item and field. `resolve` turns
 * the ITEM part into an id (the CLI's title / id / prefix rules); `totp` gives the current code.
 */
export function resolveReference(items: Items, ref: Reference, resolve: (item: string) => string, note: string, now: number = Date.now(), source?: EventSource): string {
  const id = resolve(ref.item);
  const field = fieldOf(items.withSecrets(id), ref.field);
  const value = items.useField(id, field, 'cli-use', note, source);
  return field === 'totp' ? totpCode(value, now).code : value;
}

/** `{{ keystash://… }}` in a template; spaces inside the braces are allowed. */
const PLACEHOLDER = /\{\{\s*(keystash:\/\/[^}]*?)\s*\}\}/g;

/** Every reference in a template, in order (repeats included). */
export function templateReferences(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Replaces each placeholder by `value(reference text)`; each distinct reference is resolved once. */
export function fillTemplate(template: string, value: (ref: string) => string): string {
  const cache = new Map<string, string>();
  return template.replace(PLACEHOLDER, (_m, ref: string) => {
    let v = cache.get(ref);
    if (v === undefined) {
      v = value(ref);
      cache.set(ref, v);
    }
    return v;
  });
}
