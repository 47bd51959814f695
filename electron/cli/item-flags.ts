// The item options `add` and `edit` share, and their translation into an item input or
// patch. The core validates the result (type rules, lengths, dates); this only maps names.
// Secrets (password, API secret, TOTP seed) are never arguments: they come from stdin or a
// prompt, since an argument shows in `ps` and lands in shell history.
import type { CustomField, ItemType } from '../../shared/domain';
import { quote } from '../../shared/input-text';
import { KeystashError } from '../core/errors';
import { type Args, type OptionsSpec, usageError } from './command';
import type { Input } from './input';

export const ITEM_OPTIONS: OptionsSpec = {
  title: { type: 'string', value: 'T', help: 'Title' },
  username: { type: 'string', value: 'U', help: 'Username (logins)' },
  url: { type: 'string', multiple: true, value: 'URL', help: 'Web address; repeat for several (logins, API keys)' },
  notes: { type: 'string', value: 'N', help: 'Notes' },
  tag: { type: 'string', multiple: true, value: 'T', help: 'Tag; repeat for several' },
  folder: { type: 'string', value: 'F', help: 'Folder' },
  favorite: { type: 'boolean', help: 'Mark as a favourite' },
  'totp-stdin': { type: 'boolean', help: 'Read the one-time-password otpauth:// URI or base32 secret from stdin (logins)' },
  totp: { type: 'string', hidden: true, help: 'Refused: the seed would show in ps and shell history' },
  service: { type: 'string', value: 'S', help: 'Service the key is for (API keys)' },
  'key-id': { type: 'string', value: 'K', help: 'Key id or client id (API keys)' },
  environment: { type: 'string', value: 'E', help: 'Environment, e.g. production (API keys)' },
  expires: { type: 'string', value: 'YYYY-MM-DD', help: 'Expiry date (API keys)' },
  'secret-stdin': { type: 'boolean', help: 'Read the password (login) or secret (API key) from stdin' },
  field: { type: 'string', multiple: true, value: 'NAME=VALUE', help: 'A custom text field; repeat for several (edit: sets or adds it)' },
  'concealed-field': { type: 'string', multiple: true, value: 'NAME', help: 'A concealed custom field, its value read from stdin (after --secret-stdin / --totp-stdin)' },
  'rotate-days': { type: 'string', value: 'N', help: 'Rotation interval in days (API keys; edit: 0 removes it)' },
  json: { type: 'boolean', help: 'Print {"id", "item"} as JSON (secret values are null)' },
};

export const EDIT_ONLY_OPTIONS: OptionsSpec = {
  'no-favorite': { type: 'boolean', help: 'Remove the favourite mark' },
  'no-urls': { type: 'boolean', help: 'Remove every URL' },
  'no-tags': { type: 'boolean', help: 'Remove every tag' },
  'no-totp': { type: 'boolean', help: 'Remove the one-time-password secret' },
  'add-tag': { type: 'string', multiple: true, value: 'T', help: 'Add a tag, keeping the others' },
  'remove-tag': { type: 'string', multiple: true, value: 'T', help: 'Remove one tag' },
  'remove-field': { type: 'string', multiple: true, value: 'NAME', help: 'Remove a custom field' },
};

/** `--field NAME=VALUE` pairs, in order. */
export function textFields(args: Args): { name: string; value: string }[] {
  return args.strings('field').map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw usageError(`--field takes NAME=VALUE, not ${quote(spec)}.`);
    return { name: spec.slice(0, eq).trim(), value: spec.slice(eq + 1) };
  });
}

/** Reads one stdin line (or hidden prompt) per --concealed-field, in the order given. */
export async function concealedFields(args: Args, input: Input): Promise<{ name: string; value: string }[]> {
  const out: { name: string; value: string }[] = [];
  for (const name of args.strings('concealed-field')) {
    if (name.trim() === '') throw usageError('--concealed-field takes the field name; its value comes from stdin.');
    out.push({ name: name.trim(), value: await input.secret(`Value of ${name.trim()}`, '--concealed-field') });
  }
  return out;
}

/**
 * The custom fields after setting `set` (by name, case-insensitive: replaces the value and
 * concealment of an existing field, else appends) and removing `remove`.
 */
export function mergeFields(current: readonly CustomField[], set: readonly CustomField[], remove: readonly string[] = []): CustomField[] {
  const key = (n: string): string => n.trim().toLowerCase();
  const missing = remove.filter((r) => !current.some((f) => key(f.name) === key(r)));
  if (missing.length > 0) throw new KeystashError('not-found', `No custom field named ${quote(missing[0] ?? '')}.`);
  const out = current.filter((f) => !remove.some((r) => key(r) === key(f.name))).map((f) => ({ ...f }));
  for (const f of set) {
    const at = out.findIndex((o) => key(o.name) === key(f.name));
    if (at === -1) out.push({ ...f });
    else out[at] = { ...f, name: out[at]?.name ?? f.name };
  }
  return out;
}

/** Accepts an otpauth:// URI as is, or a base32 secret with spaces and dashes removed. */
export function totpValue(raw: string): string {
  const t = raw.trim();
  if (t === '') return '';
  if (/^otpauth:\/\//i.test(t)) {
    let secret: string | null = null;
    try {
      secret = new URL(t).searchParams.get('secret');
    } catch {
      secret = null;
    }
    if (!secret) throw usageError('--totp-stdin: the otpauth:// URI has no secret parameter.');
    return t;
  }
  const b32 = t.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z2-7]+=*$/.test(b32)) throw usageError('--totp-stdin takes an otpauth:// URI or a base32 secret (letters A-Z and digits 2-7).');
  return b32;
}

/** The item fields named on the command line; absent options are absent keys. */
export function itemFields(args: Args): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  const str = (opt: string, key: string): void => {
    const v = args.string(opt);
    if (v !== undefined) f[key] = v;
  };
  str('title', 'title');
  str('username', 'username');
  str('notes', 'notes');
  str('folder', 'folder');
  str('service', 'service');
  str('key-id', 'keyId');
  str('environment', 'environment');
  if (args.has('url')) f.urls = args.strings('url');
  if (args.has('tag')) f.tags = args.strings('tag');
  if (args.flag('favorite') && args.flag('no-favorite')) throw usageError('--favorite and --no-favorite contradict each other.');
  if (args.flag('favorite')) f.favorite = true;
  if (args.flag('no-favorite')) f.favorite = false;
  if (args.has('totp')) throw usageError(TOTP_ARGUMENT_REFUSED);
  const rotate = args.int('rotate-days', { min: 0, max: 3_650 });
  if (rotate !== undefined) f.rotationDays = rotate === 0 ? null : rotate;
  const expires = args.string('expires');
  if (expires !== undefined) f.expiresAt = expires.trim() === '' ? null : expires.trim();
  return f;
}

/** The seed for --totp-stdin: read after any --secret-stdin value, then checked like a pasted one. */
export async function readTotp(input: Input): Promise<string> {
  const value = totpValue(await input.secret('One-time-password secret', '--totp-stdin'));
  if (value === '') throw usageError('The one-time-password secret given with --totp-stdin is empty; nothing was changed.');
  return value;
}

export const TOTP_ARGUMENT_REFUSED =
  '--totp no longer takes the seed as an argument: it would show in `ps` and your shell history. ' +
  'Pass it on stdin with --totp-stdin (asked without echo on a terminal); `edit --no-totp` removes it.';

/** Which field --secret-stdin fills for this type, and how to ask for it. */
export function secretTarget(type: ItemType): { field: 'password' | 'secret'; label: string } {
  if (type === 'login') return { field: 'password', label: 'Password' };
  if (type === 'api_key') return { field: 'secret', label: 'Secret' };
  throw usageError('Notes have no password or secret; --secret-stdin works for logins and API keys.');
}
