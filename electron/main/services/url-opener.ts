// Opening an item's URL in the user's browser: the one path from the app to the OS shell,
// and so a way out of the window that CSP cannot close (a URL can carry secrets to whoever
// runs the site). Only http(s) URLs of at most 2,048 characters, read from the item's
// authenticated record (never the list index alone), are opened; a `file:`, `javascript:` or
// custom-scheme URL handed to the OS could run code. The first link to an origin is shown to
// the person in a native dialog, and the answer is remembered per origin in the vault.
import { withScheme } from '../../../shared/web-address';
import { KeystashError } from '../../core/errors';
import type { Vault } from '../../core/vault';
import type { Confirmations } from './confirmations';

export interface UrlOpener {
  open(url: string): Promise<void>;
}

/** Longer URLs are refused: no site a person logs into needs more, and exfiltration does. */
export const MAX_OPEN_URL_LENGTH = 2_048;

/** The URL as the OS should receive it, or an `invalid-input` error. No scheme means https. */
export function safeExternalUrl(typed: string): string {
  const raw = withScheme(typed);
  if (raw.length > MAX_OPEN_URL_LENGTH) {
    throw new KeystashError('invalid-input', `This address is ${raw.length} characters long; Keystash opens addresses of at most ${MAX_OPEN_URL_LENGTH}.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new KeystashError('invalid-input', `“${raw}” is not a web address Keystash can open.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KeystashError('invalid-input', `Only http and https addresses are opened; “${url.protocol}” links are refused.`);
  }
  if (url.username || url.password) {
    throw new KeystashError('invalid-input', 'Addresses with a user name or password in them are not opened.');
  }
  // Parsing can lengthen a URL (percent-encoding); the OS gets the parsed form, so check it too.
  if (url.href.length > MAX_OPEN_URL_LENGTH) {
    throw new KeystashError('invalid-input', `This address is longer than ${MAX_OPEN_URL_LENGTH} characters once encoded; it is not opened.`);
  }
  return url.href;
}

export async function openItemUrl(vault: Vault, opener: UrlOpener, confirm: Confirmations, id: string, index: number): Promise<void> {
  // The record, decrypted and checked, not the index: an older index bucket put back in the
  // file must not choose where the browser goes.
  const item = vault.items.withSecrets(id);
  const raw = 'urls' in item ? item.urls[index] : undefined;
  if (raw === undefined) throw new KeystashError('not-found', `“${item.title}” has no URL #${index}.`);
  const href = safeExternalUrl(raw);
  const origin = new URL(href).origin;
  let allowed = vault.urlOrigins.decision(origin);
  if (allowed === null) {
    allowed = await confirm.openOrigin(origin).catch(() => false);
    // Both answers are kept: a "no" stops the window from asking about this site again.
    vault.urlOrigins.remember(origin, allowed);
  }
  if (!allowed) throw new KeystashError('invalid-input', `Links to ${origin} are not opened: you chose not to open this site from Keystash.`);
  await opener.open(href);
}
