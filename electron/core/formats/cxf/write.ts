// Writes items as CXF 1.0: one account, each item with its credentials — basic-auth (username
// and password), totp (secret, period, digits, algorithm, issuer), note, custom-fields
// (concealed-string or string), api-key (key, url, expiry date) and file (name, size, SHA-256
// integrity hash) — its URLs in the scope, its tags and favourite, and each folder as a
// collection (nested folders as sub-collections). The "keystash" item extension carries what
// CXF has no member for (item type, API-key fields, password history, the trash, exact times,
// the one-time-password value as typed). With files, the result is a zip: `index.json` and
// `documents/<file id>`; without, the JSON alone.
import { createHash, randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Item, PasswordHistoryEntry } from '../../../../shared/domain';
import { parseTotp } from '../../items/totp';
import { b64url, DOCUMENTS, INDEX_NAME, KEYSTASH_EXTENSION, type CxfCollection, type EditableField } from './shape';

export interface CxfExportRecord {
  item: Item;
  passwordHistory: PasswordHistoryEntry[];
  files: { name: string; content: Uint8Array }[];
}

const newId = (): string => b64url(randomBytes(16));
const seconds = (ms: number): number => Math.floor(ms / 1000);
const field = (fieldType: string, value: string, label?: string): EditableField => ({ fieldType, value, ...(label !== undefined ? { label } : {}) });

function totpCredential(value: string, username: string): Record<string, unknown> | null {
  try {
    const t = parseTotp(value);
    return { type: 'totp', secret: t.secret, period: t.period, digits: t.digits, algorithm: t.algorithm.toLowerCase(), ...(t.issuer ? { issuer: t.issuer } : {}), ...(username ? { username } : {}) };
  } catch {
    return null;
  }
}

function credentials(r: CxfExportRecord, documents: Record<string, Uint8Array>): Record<string, unknown>[] {
  const { item } = r;
  const out: Record<string, unknown>[] = [];
  if (item.type === 'login') {
    out.push({ type: 'basic-auth', username: field('string', item.username), password: field('concealed-string', item.password) });
    const totp = item.totp ? totpCredential(item.totp, item.username) : null;
    if (totp) out.push(totp);
  }
  if (item.type === 'api_key') {
    out.push({
      type: 'api-key',
      key: field('concealed-string', item.secret),
      ...(item.keyId ? { username: field('string', item.keyId) } : {}),
      ...(item.service ? { keyType: field('string', item.service) } : {}),
      ...(item.urls[0] ? { url: field('string', item.urls[0]) } : {}),
      ...(item.expiresAt ? { expiryDate: field('date', item.expiresAt) } : {}),
    });
  }
  if (item.notes !== '') out.push({ type: 'note', content: field('string', item.notes) });
  if (item.fields.length > 0) {
    out.push({ type: 'custom-fields', fields: item.fields.map((f) => ({ id: newId(), ...field(f.concealed ? 'concealed-string' : 'string', f.value, f.name) })) });
  }
  for (const f of r.files) {
    const id = newId();
    documents[`${DOCUMENTS}${id}`] = f.content;
    out.push({ type: 'file', id, name: f.name, decryptedSize: f.content.length, integrityHash: b64url(createHash('sha256').update(f.content).digest()) });
  }
  return out;
}

function extension(r: CxfExportRecord): Record<string, unknown> {
  const { item } = r;
  return {
    name: KEYSTASH_EXTENSION,
    itemType: item.type,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    deletedAt: item.deletedAt,
    totp: item.totp,
    ...(item.type === 'api_key' ? { service: item.service, keyId: item.keyId, environment: item.environment, rotationDays: item.rotationDays } : {}),
    passwordHistory: r.passwordHistory,
  };
}

/** The CXF header for the records, and the documents a zip needs (empty when no item has files). */
export function buildCxf(records: CxfExportRecord[], now = Date.now()): { header: Record<string, unknown>; documents: Record<string, Uint8Array> } {
  const documents: Record<string, Uint8Array> = {};
  const root: CxfCollection[] = [];
  const byPath = new Map<string, CxfCollection>();
  const collectionFor = (folder: string): CxfCollection => {
    const known = byPath.get(folder);
    if (known) return known;
    const cut = folder.lastIndexOf('/');
    const c: CxfCollection = { id: newId(), title: folder.slice(cut + 1), items: [] };
    if (cut === -1) root.push(c);
    else {
      const parent = collectionFor(folder.slice(0, cut));
      (parent.subCollections ??= []).push(c);
    }
    byPath.set(folder, c);
    return c;
  };
  const items = records.map((r) => {
    const { item } = r;
    const id = newId();
    if (item.folder !== '') collectionFor(item.folder).items.push({ item: id });
    return {
      id,
      creationAt: seconds(item.createdAt),
      modifiedAt: seconds(item.updatedAt),
      title: item.title,
      ...(item.favorite ? { favorite: true } : {}),
      ...(item.urls.length > 0 ? { scope: { urls: item.urls, androidApps: [] } } : {}),
      credentials: credentials(r, documents),
      ...(item.tags.length > 0 ? { tags: item.tags } : {}),
      extensions: [extension(r)],
    };
  });
  const header = {
    version: { major: 1, minor: 0 },
    exporterRpId: 'keystash.app',
    exporterDisplayName: 'Keystash',
    timestamp: seconds(now),
    accounts: [{ id: newId(), username: '', email: '', collections: root, items }],
  };
  return { header, documents };
}

/** The export file's bytes: the JSON, or a zip with `index.json` and the documents. */
export function writeCxf(records: CxfExportRecord[], now = Date.now()): { content: Uint8Array; zipped: boolean } {
  const { header, documents } = buildCxf(records, now);
  const json = new TextEncoder().encode(`${JSON.stringify(header, null, 2)}\n`);
  if (Object.keys(documents).length === 0) return { content: json, zipped: false };
  return { content: zipSync({ [INDEX_NAME]: json, ...documents }), zipped: true };
}
