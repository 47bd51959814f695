// Reads the ITEM[.field] and VAR=ITEM[.field] arguments of `keystash env` and `keystash run`
// and fetches each secret through vault.items.useField, so every use lands in usage history.
import { revealableFieldSchema, type EventSource, type RevealableField } from '../../../shared/domain';
import { quote } from '../../../shared/input-text';
import { KeystashError } from '../errors';
import type { Items } from '../items/items';
import { checkEnvName, defaultEnvName, defaultField } from './env-format';
import { keySetOf } from './key-sets';

export interface ItemRef {
  id: string;
  /** The field named after a dot, or null for the item's main secret. */
  field: RevealableField | null;
}

/**
 * Resolves `ITEM` or `ITEM.field`. The whole text is tried as an item first, so a title with
 * dots (api.example.com) still works; only when it matches nothing is a trailing `.field` split off.
 */
export function resolveRef(ref: string, resolve: (ref: string) => string): ItemRef {
  try {
    return { id: resolve(ref), field: null };
  } catch (err) {
    const dot = ref.lastIndexOf('.');
    if (!(err instanceof KeystashError) || err.code !== 'not-found' || dot <= 0) throw err;
    const field = revealableFieldSchema.safeParse(ref.slice(dot + 1));
    if (!field.success) throw err;
    return { id: resolve(ref.slice(0, dot)), field: field.data };
  }
}

export interface EnvBinding {
  name: string;
  id: string;
  field: RevealableField;
}

/** Splits `VAR=ITEM[.field]`; an omitted name (`=ITEM` or just `ITEM`) gets the default. */
export function bindingFor(items: Items, spec: string, resolve: (ref: string) => string, name?: string): EnvBinding {
  const eq = spec.indexOf('=');
  const explicit = eq === -1 ? undefined : spec.slice(0, eq);
  const ref = eq === -1 ? spec : spec.slice(eq + 1);
  if (ref === '') throw new KeystashError('invalid-input', `${quote(spec)} names no item: write VAR=ITEM or VAR=ITEM.field.`);
  const { id, field } = resolveRef(ref, resolve);
  const item = items.withSecrets(id);
  const chosen = name ?? (explicit || defaultEnvName(item));
  return { name: checkEnvName(chosen), id, field: field ?? defaultField(item) };
}

/**
 * Like bindingFor, but a bare ITEM (no VAR=, no .field, no --name) that is a recognised key set
 * (an AWS pair, a Twilio account...) binds every variable of the set.
 */
export function bindingsFor(items: Items, spec: string, resolve: (ref: string) => string, name?: string): EnvBinding[] {
  if (name === undefined && !spec.includes('=')) {
    const { id, field } = resolveRef(spec, resolve);
    const set = field === null ? keySetOf(items.withSecrets(id)) : null;
    if (set) return set.vars(items.withSecrets(id)).map((v) => ({ name: v.name, id, field: v.field }));
  }
  return [bindingFor(items, spec, resolve, name)];
}

/** Fetches each bound secret, recording one `cli-use` event per binding (as `source`, else the vault's own). */
export function fetchSecrets(items: Items, bindings: EnvBinding[], note: string, source?: EventSource): Record<string, string> {
  const names = new Set<string>();
  for (const b of bindings) {
    if (names.has(b.name)) throw new KeystashError('invalid-input', `${b.name} is set twice; give each secret its own name.`);
    names.add(b.name);
  }
  const out: Record<string, string> = {};
  for (const b of bindings) out[b.name] = items.useField(b.id, b.field, 'cli-use', note, source);
  return out;
}
