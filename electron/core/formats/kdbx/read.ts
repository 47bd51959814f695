// Reads a KeePass database (KDBX 3.1 or 4, as KeePass, KeePassXC and KeeWeb write them) into
// the items an import saves. Groups become folders (the root group's name is left out), the
// recycle bin becomes the trash, protected custom fields become concealed ones, KeePassXC's
// additional URLs (KP2A_URL…) join the URL list, TOTP comes from the `otp` attribute or the
// older "TOTP Seed"/"TOTP Settings" pair, attachments come along, and the entry's history
// becomes the password history (each earlier password, with the time it was replaced).
import type { CustomField, ItemInput, PasswordHistoryEntry } from '../../../../shared/domain';
import { PASSWORD_HISTORY_LIMIT } from '../../../../shared/domain';
import { KeystashError } from '../../errors';
import { buildItem } from '../import/record';
import type { ImportedAttachment, ImportedItem } from '../import/types';
import { credentialsFor, kdbxweb } from './engine';
import { EXTRAS_FIELD, readExtras } from './extras';

type Entry = kdbxweb.KdbxEntry;
type Group = kdbxweb.KdbxGroup;

const STANDARD = new Set(['Title', 'UserName', 'Password', 'URL', 'Notes']);
const ADDITIONAL_URL = /^KP2A_URL(_\d+)?$/;
const OLD_TOTP_SEED = 'TOTP Seed';
const OLD_TOTP_SETTINGS = 'TOTP Settings';

export interface KdbxContents {
  /** The database's name (meta), for the preview. */
  name: string;
  /** `4.0`, `4.1`, `3.1`... */
  version: string;
  items: ImportedItem[];
}

function text(v: kdbxweb.KdbxEntryField | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : v.getText();
}

function isProtected(v: kdbxweb.KdbxEntryField | undefined): boolean {
  return v instanceof kdbxweb.ProtectedValue;
}

function ms(d: Date | undefined): number | undefined {
  const t = d?.getTime();
  return t !== undefined && Number.isFinite(t) ? t : undefined;
}

/** The older KeeOtp / KeePassXC form: a base32 seed and "period;digits" (or "period;S" for Steam). */
function oldTotp(seed: string, settings: string, label: string): string {
  const clean = seed.replace(/\s/g, '');
  if (clean === '') return '';
  const [period = '30', digits = '6'] = settings.split(';');
  // Steam's 5-character codes have no standard URI; the raw seed is kept (then as a concealed field).
  if (!/^\d+$/.test(digits)) return clean;
  return `otpauth://totp/${encodeURIComponent(label || 'KeePass')}?secret=${encodeURIComponent(clean)}&period=${period}&digits=${digits}`;
}

function binaryBytes(b: kdbxweb.KdbxBinary | kdbxweb.KdbxBinaryWithHash): Uint8Array {
  const value = 'hash' in b && 'value' in b ? b.value : b;
  if (value instanceof kdbxweb.ProtectedValue) return value.getBinary();
  return new Uint8Array(value as ArrayBuffer);
}

function attachmentsOf(entry: Entry): ImportedAttachment[] {
  return [...entry.binaries].map(([name, b]) => ({ name, content: binaryBytes(b) }));
}

/** Each earlier secret in the entry's history, newest first, with the time it was replaced. */
function historyOf(entry: Entry, field: 'password' | 'secret'): PasswordHistoryEntry[] {
  const states = [...entry.history, entry];
  const out: PasswordHistoryEntry[] = [];
  for (let i = 0; i < states.length - 1; i++) {
    const was = text(states[i]?.fields.get('Password'));
    const next = states[i + 1];
    if (was !== '' && was !== text(next?.fields.get('Password'))) out.push({ field, value: was, changedAt: ms(next?.times.lastModTime) ?? 0 });
  }
  return out.reverse().slice(0, PASSWORD_HISTORY_LIMIT);
}

function entryToItem(entry: Entry, folder: string, deletedAt: number | null, line: number): ImportedItem {
  const f = (name: string): string => text(entry.fields.get(name));
  const extras = readExtras(entry.fields.get(EXTRAS_FIELD) === undefined ? undefined : f(EXTRAS_FIELD));
  const urls = [f('URL'), ...[...entry.fields.keys()].filter((k) => ADDITIONAL_URL.test(k)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map(f)]
    .map((u) => u.trim())
    .filter((u) => u !== '');
  const otp = f('otp');
  const totp = otp !== '' ? otp : oldTotp(f(OLD_TOTP_SEED), f(OLD_TOTP_SETTINGS), f('Title'));
  const consumed = (k: string): boolean =>
    STANDARD.has(k) || ADDITIONAL_URL.test(k) || k === 'otp' || k === EXTRAS_FIELD || (otp === '' && (k === OLD_TOTP_SEED || k === OLD_TOTP_SETTINGS));
  const fields: CustomField[] = [...entry.fields]
    .filter(([k]) => !consumed(k))
    .map(([k, v]) => ({ name: k.trim() || 'Field', value: text(v), concealed: isProtected(v) || (extras?.emptyConcealed?.includes(k) ?? false) }));
  const expiry = entry.times.expires && entry.times.expiryTime ? entry.times.expiryTime.toISOString().slice(0, 10) : null;
  const createdAt = ms(entry.times.creationTime);
  const updatedAt = ms(entry.times.lastModTime);
  let out: ImportedItem;
  if (extras?.type === 'login' || extras?.type === 'note') {
    // Written by Keystash: the type is known, so an empty login stays a login.
    const common = { title: f('Title').trim() || `Imported item (entry ${line})`, notes: f('Notes'), tags: entry.tags, folder, favorite: extras.favorite ?? false };
    if (expiry) fields.push({ name: 'Expires', value: expiry, concealed: false });
    const input: ItemInput =
      extras.type === 'login'
        ? { type: 'login', ...common, username: f('UserName'), password: f('Password'), urls, totp, fields }
        : { type: 'note', ...common, fields };
    out = { input, passwordHistory: extras.type === 'login' ? historyOf(entry, 'password') : [] };
  } else if (extras?.type === 'api_key') {
    const input: ItemInput = {
      type: 'api_key',
      title: f('Title').trim() || `Imported key (entry ${line})`,
      secret: f('Password'),
      urls,
      notes: f('Notes'),
      tags: entry.tags,
      folder,
      favorite: extras.favorite ?? false,
      fields: f('UserName') !== '' ? [{ name: 'Username', value: f('UserName'), concealed: false }, ...fields] : fields,
      service: extras.service ?? '',
      keyId: extras.keyId ?? '',
      environment: extras.environment ?? '',
      expiresAt: expiry,
      rotationDays: extras.rotationDays ?? null,
    };
    out = { input, passwordHistory: historyOf(entry, 'secret') };
    if (totp !== '') input.fields = [...(input.fields ?? []), { name: 'TOTP', value: totp, concealed: true }];
  } else {
    // KDBX logins have an expiry date too; Keystash gives only API keys one, so a login keeps it as a field.
    if (expiry) fields.push({ name: 'Expires', value: expiry, concealed: false });
    out = buildItem(
      {
        title: f('Title'),
        username: f('UserName'),
        password: f('Password'),
        urls,
        totp,
        notes: f('Notes'),
        folder,
        tags: entry.tags,
        fields,
        passwordHistory: historyOf(entry, 'password'),
      },
      line,
    );
  }
  if (createdAt !== undefined) out.createdAt = createdAt;
  if (updatedAt !== undefined) out.updatedAt = updatedAt;
  out.deletedAt = deletedAt;
  const files = attachmentsOf(entry);
  if (files.length > 0) out.attachments = files;
  return out;
}

function errorFor(err: unknown): KeystashError {
  if (err instanceof KeystashError) return err;
  const code = err instanceof kdbxweb.KdbxError ? err.code : '';
  if (code === kdbxweb.Consts.ErrorCodes.InvalidKey) return new KeystashError('wrong-password', 'Wrong password or key file for this KeePass database.');
  if (code === kdbxweb.Consts.ErrorCodes.InvalidVersion) return new KeystashError('invalid-input', 'This KeePass database has a version Keystash cannot read (KDBX 3.1 and 4 are supported).');
  if (code === kdbxweb.Consts.ErrorCodes.Unsupported) return new KeystashError('invalid-input', `This KeePass database uses something Keystash cannot read (${(err as Error).message}).`);
  return new KeystashError('invalid-input', 'The KeePass database is damaged or is not a KDBX file.');
}

/** Opens the database and lists its entries as items; nothing is written anywhere. */
export async function readKdbx(bytes: Uint8Array, password: string, keyFile?: Uint8Array): Promise<KdbxContents> {
  let db: kdbxweb.Kdbx;
  try {
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    db = await kdbxweb.Kdbx.load(data, credentialsFor(password, keyFile));
  } catch (err) {
    throw errorFor(err);
  }
  const bin = db.meta.recycleBinEnabled !== false ? db.meta.recycleBinUuid?.id : undefined;
  const items: ImportedItem[] = [];
  // Each group's folder path, so an entry in the recycle bin can go back to the folder it was
  // deleted from (KDBX 4.1's PreviousParentGroup).
  const folders = new Map<string, string>();
  const mapFolders = (group: Group, path: string[]): void => {
    if (bin !== undefined && group.uuid.id === bin) return;
    folders.set(group.uuid.id, path.join('/'));
    for (const sub of group.groups) mapFolders(sub, [...path, (sub.name ?? '').replace(/\//g, '∕').trim() || 'Group']);
  };
  for (const root of db.groups) mapFolders(root, []);
  const walk = (group: Group, trashedAt: number | null): void => {
    const inBin = trashedAt !== null || (bin !== undefined && group.uuid.id === bin);
    const at = trashedAt ?? (inBin ? (ms(group.times.locationChanged) ?? Date.now()) : null);
    for (const entry of group.entries) {
      // An entry in the recycle bin goes to the trash, dated by when it was moved there.
      const deletedAt = inBin ? (ms(entry.times.locationChanged) ?? at ?? Date.now()) : null;
      const folder = inBin ? (folders.get(entry.previousParentGroup?.id ?? '') ?? '') : (folders.get(group.uuid.id) ?? '');
      items.push(entryToItem(entry, folder, deletedAt, items.length + 1));
    }
    for (const sub of group.groups) walk(sub, inBin ? at : null);
  };
  // The root group's name ("Root", "Passwords", the database's name) is not a folder.
  for (const root of db.groups) walk(root, null);
  const major = db.versionMajor;
  return { name: db.meta.name ?? '', version: `${major}.${db.versionMinor}`, items };
}
