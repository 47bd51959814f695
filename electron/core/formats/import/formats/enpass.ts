// Enpass CSV (File › Export › CSV, Enpass 5 and 6): no header of column names. Each row is one
// item, `"Title","Label","Value","Label","Value",…,"Note"`: the title, then label/value pairs
// in the item's field order, then the note as the one unpaired cell at the end (Enpass 6 may
// leave it out, so a row of odd length has no note). Enpass 5 wrote a first line
// `"Title","Field","Value","Field","Value",.........,"Note"` describing that layout; it holds
// no item. A label starting with `*` marks a field Enpass treats as sensitive (`*Password`).
// Labels are the item's own (their case varies), so they are matched loosely: the first
// username (else e-mail) → username, the first password → password, every website → URLs,
// the first one-time code → TOTP; every other pair → a custom field, concealed when marked
// sensitive or named like a secret. A credit card (cardholder, number, CVC, expiry) → a note.
import type { CustomField } from '../../../../../shared/domain';
import { cleanTotp, field, isConcealedName } from '../fields';
import { buildItem } from '../record';
import type { MapOutcome } from '../types';

export const ENPASS_LABEL = 'Enpass (CSV)';

const USERNAME = new Set(['username', 'user name', 'login', 'login name', 'login id', 'user id', 'userid']);
const EMAIL = new Set(['email', 'e-mail', 'email address', 'e-mail address']);
const PASSWORD = new Set(['password']);
const WEBSITE = new Set(['website', 'web site', 'url', 'web address', 'login url', 'site']);
const TOTP = new Set(['totp', 'one-time code', 'one time code', 'one-time password', 'one time password', 'otp', 'totp secret', '2fa']);
/** Labels of Enpass's other templates (cards, bank accounts, identities, Wi-Fi, servers): they only help recognise a file. */
const OTHER_TEMPLATE_LABELS = new Set([
  'phone',
  'phone number',
  'security question',
  'security answer',
  'cardholder',
  'type',
  'number',
  'cvc',
  'cvv',
  'pin',
  'expiry date',
  'valid from',
  'issuing bank',
  'bank name',
  'account holder',
  'account number',
  'account type',
  'iban',
  'swift',
  'full name',
  'first name',
  'last name',
  'date of birth',
  'nationality',
  'ssid',
  'server',
  'port',
  'license key',
]);
/** Words a header of column names would hold in its value cells; Enpass data rarely does. */
const COLUMN_NAMES = new Set(['title', 'name', 'notes', 'note', 'folder', 'group', 'tags', 'favorite', 'type', ...USERNAME, ...EMAIL, ...PASSWORD, ...WEBSITE, ...TOTP]);
/** Custom-field names Enpass uses for secrets that the shared rule does not catch. */
const SECRET_LABEL = /\banswers?\b|\bpuk\b|\bpassphrase\b/i;

interface Pair {
  label: string;
  key: string;
  value: string;
  sensitive: boolean;
}

/** `*Password` → { label: 'Password', sensitive: true }. */
function readLabel(raw: string): { label: string; key: string; sensitive: boolean } {
  const sensitive = /^\s*\*/.test(raw);
  const label = raw.replace(/^\s*\*/, '').trim();
  return { label, key: label.toLowerCase().replace(/\s+/g, ' '), sensitive };
}

/** The label/value pairs and the note of a row (title excluded). */
export function splitRow(cells: readonly string[]): { pairs: Pair[]; notes: string } {
  const hasNote = cells.length >= 2 && cells.length % 2 === 0;
  const end = hasNote ? cells.length - 1 : cells.length;
  const pairs: Pair[] = [];
  for (let i = 1; i + 1 < end; i += 2) {
    pairs.push({ ...readLabel(cells[i] ?? ''), value: cells[i + 1] ?? '' });
  }
  return { pairs, notes: hasNote ? (cells[cells.length - 1] ?? '') : '' };
}

/** Enpass 5's descriptive first line, `"Title","Field","Value",…,"Note"`. */
export function isEnpassLayoutLine(cells: readonly string[]): boolean {
  return cells[0]?.trim() === 'Title' && cells[1]?.trim() === 'Field' && cells[2]?.trim() === 'Value';
}

function isKnownLabel(key: string): boolean {
  return USERNAME.has(key) || EMAIL.has(key) || PASSWORD.has(key) || WEBSITE.has(key) || TOTP.has(key) || OTHER_TEMPLATE_LABELS.has(key);
}

/**
 * How a row of a headerless CSV reads as Enpass: 'pairs' when its label cells hold labels
 * Enpass writes (and it is not a header of column names), 'short' for a title-only or
 * note-only row (two cells at most, which says nothing either way), 'other' otherwise.
 */
export function enpassRowShape(cells: readonly string[]): 'pairs' | 'short' | 'other' {
  if (cells.length <= 2) return 'short';
  const { pairs } = splitRow(cells);
  if (!pairs.some((p) => isKnownLabel(p.key))) return 'other';
  // Labels are short names; a cell holding an address, an e-mail or several lines is a value.
  if (pairs.some((p) => p.label.length > 60 || /:\/\/|@|[\r\n]/.test(p.label))) return 'other';
  // A header such as `Title,Username,Password,URL,Notes` has column names where Enpass has values.
  const values = [cells[0] ?? '', ...pairs.map((p) => p.value)].filter((v) => v.trim() !== '');
  const named = values.filter((v) => COLUMN_NAMES.has(v.trim().toLowerCase())).length;
  return named >= 2 && named * 2 > values.length ? 'other' : 'pairs';
}

const MAX_URLS = 50;

export function mapEnpassRow(cells: readonly string[], line: number): MapOutcome {
  const { pairs, notes } = splitRow(cells);
  let username: Pair | undefined;
  let email: Pair | undefined;
  let password: Pair | undefined;
  let totp: Pair | undefined;
  const urls: string[] = [];
  const used = new Set<Pair>();
  for (const p of pairs) {
    if (p.value === '') continue;
    if (USERNAME.has(p.key)) username ??= p;
    else if (EMAIL.has(p.key)) email ??= p;
    else if (PASSWORD.has(p.key)) password ??= p;
    // A one-time code of only spaces is no secret; it stays a field like any other value.
    else if (TOTP.has(p.key) && cleanTotp(p.value) !== '') totp ??= p;
    else if (WEBSITE.has(p.key) && urls.length < MAX_URLS && p.value.trim() !== '') {
      // Every website is a URL of the item (the model holds several); one listed twice is kept once.
      const url = p.value.trim();
      if (!urls.includes(url)) urls.push(url);
      used.add(p);
    }
  }
  // The e-mail is the username only when the item has none; otherwise it stays a field.
  const login = username ?? email;
  for (const p of [login, password, totp]) if (p) used.add(p);
  const fields: CustomField[] = pairs
    .filter((p) => p.value !== '' && !used.has(p))
    .map((p) => field(p.label, p.value, p.sensitive || PASSWORD.has(p.key) || TOTP.has(p.key) || SECRET_LABEL.test(p.label) || isConcealedName(p.label)));
  const keys = new Set(pairs.map((p) => p.key));
  const card = keys.has('cardholder') || (keys.has('number') && (keys.has('cvc') || keys.has('cvv') || keys.has('expiry date')));
  return buildItem(
    {
      title: cells[0] ?? '',
      username: login?.value ?? '',
      password: password?.value ?? '',
      urls,
      totp: cleanTotp(totp?.value ?? ''),
      notes,
      note: card,
      fields,
    },
    line,
  );
}
