// How a secret reference is written: `keystash://ITEM/FIELD` (the CLI's read, inject and run,
// and env profiles). Writing one is shared so the app's profile editor and the CLI agree; reading
// and resolving them stays in the core (electron/core/api-keys/references.ts).

export const SCHEME = 'keystash://';

export interface Reference {
  item: string;
  field: string;
}

/** Encodes what the syntax needs escaped: `%` and `/` (and `}` so it is safe inside a template). */
export function percentEncode(s: string): string {
  return s.replace(/%/g, '%25').replace(/\//g, '%2F').replace(/\}/g, '%7D');
}

/** The reference text; FIELD is after the last `/`, so only the field escapes its slashes. */
export function formatReference(ref: Reference): string {
  return `${SCHEME}${ref.item.replace(/%(?=[0-9A-Fa-f]{2})/g, '%25').replace(/\}/g, '%7D')}/${percentEncode(ref.field)}`;
}
