// Small, pure helpers every import format shares: which field names hold secrets, URL
// splitting, titles for rows that have none, yes/no cells, timestamps and TOTP cleanup.
import type { CustomField } from '../../../../shared/domain';

// Matches names such as "Password", "API token", "Private key", "PIN", "CVV", "Security code",
// "cc_number" or "verificationNumber" once camelCase and separators are turned into spaces.
const CONCEALED =
  /pass|secret|token|key|\bpin\b|\bcvv\b|\bcvc\b|\bcsc\b|\botp\b|totp|seed|private|\bssn\b|social security|iban|security code|verification (number|code)|card number|cc number|account number|^number$|^code$/;

export function isConcealedName(name: string): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .toLowerCase()
    .trim();
  return CONCEALED.test(words);
}

export function field(name: string, value: string, concealed = isConcealedName(name)): CustomField {
  return { name: name.trim() || 'Field', value, concealed };
}

/** Splits a cell holding several URLs; empty parts are dropped. */
export function splitUrls(value: string, separator: RegExp = /[\r\n]+/): string[] {
  return value
    .split(separator)
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

export function hostOf(url: string): string {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  try {
    const host = new URL(candidate).hostname;
    return host.replace(/^www\./i, '');
  } catch {
    return '';
  }
}

/** A title for a row that has none: the first URL's host, else the username. */
export function deriveTitle(urls: readonly string[], username: string): string {
  for (const u of urls) {
    const h = hostOf(u);
    if (h) return h;
  }
  return username.trim();
}

export function parseBool(value: string): boolean {
  return /^(1|true|yes|y|x|on|\*|★)$/i.test(value.trim());
}

/** Milliseconds since the epoch from an ISO date, or from seconds/milliseconds since the epoch. */
export function parseTime(value: string, unit: 'ms' | 's' | 'iso'): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  let ms: number;
  if (unit === 'iso') ms = Date.parse(v);
  else if (/^\d+(\.\d+)?$/.test(v)) ms = Math.round(Number(v) * (unit === 's' ? 1000 : 1));
  else ms = Date.parse(v);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** Keeps otpauth:// URIs as they are; a bare base32 secret loses spaces people add for reading. */
export function cleanTotp(value: string): string {
  const v = value.trim();
  if (v === '' || /^otpauth:\/\//i.test(v)) return v;
  return /^[A-Za-z2-7=\s-]+$/.test(v) ? v.replace(/[\s-]/g, '').toUpperCase() : v;
}

/** "a, b,c" → ['a', 'b', 'c']. */
export function splitList(value: string, separator: RegExp = /[,;]/): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
