// Opening an item's URL in the user's browser. Only http(s) URLs stored on the item are
// allowed: a `file:`, `javascript:` or custom-scheme URL handed to the OS could run code.
import { KeystashError } from '../../core/errors';
import type { Vault } from '../../core/vault';

export interface UrlOpener {
  open(url: string): Promise<void>;
}

/** The URL as the OS should receive it, or an `invalid-input` error. */
export function safeExternalUrl(raw: string): string {
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
  return url.href;
}

export async function openItemUrl(vault: Vault, opener: UrlOpener, id: string, index: number): Promise<void> {
  const item = vault.items.listedItem(id);
  const raw = item.urls[index];
  if (raw === undefined) throw new KeystashError('not-found', `“${item.title}” has no URL #${index}.`);
  await opener.open(safeExternalUrl(raw));
}
