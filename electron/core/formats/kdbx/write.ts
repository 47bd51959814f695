// Writes items to a KeePass database: KDBX 4.1 with Argon2id, readable by KeePassXC, KeePass
// and KeeWeb. Folders become nested groups, the trash becomes the recycle bin, concealed
// custom fields become protected ones, further URLs become KeePassXC's KP2A_URL attributes,
// the one-time-password URI goes in KeePassXC's `otp` attribute, files become attachments, and
// the password history becomes the entry's history (one earlier state per earlier password).
// What KDBX has no place for travels in the "Keystash" attribute (extras.ts).
import { DEFAULT_KDF, type KdfParams } from '../../../../shared/domain';
import type { ItemRecord } from '../../items/model';
import { credentialsFor, kdbxweb } from './engine';
import { EXTRAS_FIELD, type KeystashExtras } from './extras';

export interface KdbxFile {
  name: string;
  content: Uint8Array;
}

/** One item with the content of its files (those not in the item's trash). */
export interface KdbxExportRecord extends ItemRecord {
  files: KdbxFile[];
}

export interface KdbxWriteOptions {
  password: string;
  keyFile?: Uint8Array;
  kdf?: KdfParams;
  /** The database's name, shown by KeePassXC. */
  name?: string;
}

const RESERVED = new Set(['Title', 'UserName', 'Password', 'URL', 'Notes', 'otp', EXTRAS_FIELD, 'TOTP Seed', 'TOTP Settings']);
const isReserved = (name: string): boolean => RESERVED.has(name) || /^KP2A_URL(_\d+)?$/.test(name);

/** A custom field's attribute name: unique in the entry and clear of the names KDBX gives a meaning. */
function attributeName(name: string, taken: Set<string>): string {
  let candidate = isReserved(name) ? `${name} (field)` : name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

const protect = (v: string): kdbxweb.ProtectedValue => kdbxweb.ProtectedValue.fromString(v);

function setKdf(db: kdbxweb.Kdbx, kdf: KdfParams): void {
  db.setVersion(4);
  // KDBX 4.1 (KeePass 2.48+, KeePassXC 2.7+): it keeps a recycled entry's previous group.
  db.header.versionMinor = 1;
  db.setKdf(kdbxweb.Consts.KdfId.Argon2id);
  const p = db.header.kdfParameters;
  if (!p) throw new Error('kdbxweb made no KDF parameters for KDBX 4');
  const { ValueType } = kdbxweb.VarDictionary;
  p.set('M', ValueType.UInt64, kdbxweb.Int64.from(kdf.memoryMiB * 1024 * 1024));
  p.set('I', ValueType.UInt64, kdbxweb.Int64.from(kdf.iterations));
  p.set('P', ValueType.UInt32, kdf.parallelism);
}

/** The fields of one state of the entry: everything but the history and the files. */
function fill(entry: kdbxweb.KdbxEntry, r: ItemRecord, password: string): void {
  const { item } = r;
  entry.fields.clear();
  entry.fields.set('Title', item.title);
  entry.fields.set('UserName', item.username);
  entry.fields.set('Password', protect(password));
  const [first = '', ...more] = item.urls;
  entry.fields.set('URL', first);
  more.forEach((u, i) => entry.fields.set(i === 0 ? 'KP2A_URL' : `KP2A_URL_${i}`, u));
  entry.fields.set('Notes', item.notes);
  if (item.totp !== '') entry.fields.set('otp', protect(item.totp));
  const extras: KeystashExtras = { type: item.type };
  if (item.favorite) extras.favorite = true;
  if (item.type === 'api_key') Object.assign(extras, { service: item.service, keyId: item.keyId, environment: item.environment, rotationDays: item.rotationDays });
  const taken = new Set([...entry.fields.keys(), EXTRAS_FIELD]);
  const emptyConcealed: string[] = [];
  for (const f of item.fields) {
    const name = attributeName(f.name, taken);
    entry.fields.set(name, f.concealed ? protect(f.value) : f.value);
    if (f.concealed && f.value === '') emptyConcealed.push(name);
  }
  if (emptyConcealed.length > 0) extras.emptyConcealed = emptyConcealed;
  entry.fields.set(EXTRAS_FIELD, JSON.stringify(extras));
  entry.tags = [...item.tags];
}

export async function writeKdbx(records: KdbxExportRecord[], opts: KdbxWriteOptions): Promise<Uint8Array> {
  const db = kdbxweb.Kdbx.create(credentialsFor(opts.password, opts.keyFile), opts.name ?? 'Keystash');
  setKdf(db, opts.kdf ?? DEFAULT_KDF);
  const root = db.getDefaultGroup();
  const groups = new Map<string, kdbxweb.KdbxGroup>([['', root]]);
  const groupFor = (folder: string): kdbxweb.KdbxGroup => {
    const known = groups.get(folder);
    if (known) return known;
    const cut = folder.lastIndexOf('/');
    const parent = groupFor(cut === -1 ? '' : folder.slice(0, cut));
    const g = db.createGroup(parent, folder.slice(cut + 1));
    groups.set(folder, g);
    return g;
  };
  let bin: kdbxweb.KdbxGroup | undefined;
  for (const r of records) {
    const { item } = r;
    if (item.deletedAt !== null && !bin) {
      db.createRecycleBin();
      bin = db.getGroup(db.meta.recycleBinUuid ?? '');
    }
    const entry = db.createEntry(item.deletedAt !== null && bin ? bin : groupFor(item.folder));
    const current = item.type === 'api_key' ? item.secret : item.password;
    // Earlier states, oldest first; each dated from when its password was set.
    const earlier = [...r.passwordHistory].reverse();
    earlier.forEach((h, i) => {
      fill(entry, r, h.value);
      entry.times.lastModTime = new Date(i === 0 ? item.createdAt : (earlier[i - 1]?.changedAt ?? item.createdAt));
      entry.pushHistory();
    });
    fill(entry, r, current);
    entry.times.creationTime = new Date(item.createdAt);
    entry.times.lastModTime = new Date(item.updatedAt);
    if (item.deletedAt !== null) {
      entry.times.locationChanged = new Date(item.deletedAt);
      // KDBX 4.1 remembers where a recycled entry came from; an import puts it back in that folder.
      if (item.folder !== '') entry.previousParentGroup = groupFor(item.folder).uuid;
    }
    if (item.expiresAt) {
      entry.times.expires = true;
      entry.times.expiryTime = new Date(`${item.expiresAt}T00:00:00Z`);
    }
    for (const f of r.files) entry.binaries.set(f.name, await db.createBinary(f.content.slice().buffer as ArrayBuffer));
  }
  return new Uint8Array(await db.save());
}
