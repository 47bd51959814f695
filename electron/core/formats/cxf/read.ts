// Reads CXF 1.0 (the JSON, or a zip with `index.json` and `documents/`) into the items an import
// saves. basic-auth → a login's username and password; totp → an otpauth:// URI; note → notes;
// custom-fields → custom fields (concealed-string concealed; other field types as text);
// api-key → an API key; file → an attachment, checked against its SHA-256 integrity hash;
// the scope's URLs, tags, favourite and times; collections → folders. Credential types
// Keystash has no place for (passkeys, cards, identity documents, Wi-Fi, SSH keys, ...) become
// custom fields where they have editable fields, or are named in a field, so nothing is
// silently dropped. Keystash's own "keystash" extension, when present, restores the item
// exactly (type, API-key fields, password history, trash, times).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HISTORY_FIELDS, ITEM_TYPES, type CustomField, type ItemInput } from '../../../../shared/domain';
import { KeystashError } from '../../errors';
import { buildItem } from '../import/record';
import type { ImportedAttachment, ImportedItem, MapOutcome } from '../import/types';
import { DOCUMENTS, editableField, headerSchema, itemSchema, KEYSTASH_EXTENSION, type CxfCollection, type CxfItem } from './shape';

const extensionSchema = z.looseObject({
  name: z.literal(KEYSTASH_EXTENSION),
  itemType: z.enum(ITEM_TYPES),
  createdAt: z.number(),
  updatedAt: z.number(),
  deletedAt: z.number().nullable(),
  totp: z.string().optional(),
  service: z.string().optional(),
  keyId: z.string().optional(),
  environment: z.string().optional(),
  rotationDays: z.number().int().nullable().optional(),
  passwordHistory: z.array(z.object({ field: z.enum(HISTORY_FIELDS), value: z.string(), changedAt: z.number() }).strict()).optional(),
});

const valueOf = (v: unknown): string => {
  const f = editableField.safeParse(v);
  return f.success ? f.data.value : '';
};

function otpauth(c: Record<string, unknown>, title: string): string {
  const secret = typeof c.secret === 'string' ? c.secret : '';
  if (secret === '') return '';
  const label = encodeURIComponent([c.issuer, c.username ?? title].filter((x) => typeof x === 'string' && x !== '').join(':') || 'Imported');
  const params = new URLSearchParams({ secret, period: String(c.period ?? 30), digits: String(c.digits ?? 6), algorithm: String(c.algorithm ?? 'sha1').toUpperCase() });
  if (typeof c.issuer === 'string' && c.issuer !== '') params.set('issuer', c.issuer);
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** Each editable field of a credential Keystash has no type for, as a custom field. */
function otherFields(c: Record<string, unknown>): CustomField[] {
  const out: CustomField[] = [{ name: 'CXF credential', value: c.type as string, concealed: false }];
  for (const [k, v] of Object.entries(c)) {
    const f = editableField.safeParse(v);
    if (f.success && f.data.value !== '') out.push({ name: f.data.label?.trim() || k, value: f.data.value, concealed: f.data.fieldType === 'concealed-string' });
  }
  return out;
}

function folderMap(collections: CxfCollection[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (cs: CxfCollection[], path: string[]): void => {
    for (const c of cs) {
      const p = [...path, c.title.replace(/\//g, '∕').trim() || 'Collection'];
      for (const linked of c.items) if (!out.has(linked.item)) out.set(linked.item, p.join('/'));
      walk(c.subCollections ?? [], p);
    }
  };
  walk(collections, []);
  return out;
}

function toItem(it: CxfItem, folder: string, documents: Record<string, Uint8Array>): MapOutcome {
  const ext = extensionSchema.safeParse((it.extensions ?? []).find((e) => e.name === KEYSTASH_EXTENSION)).data;
  let username = '';
  let password = '';
  let totp = '';
  let notes = '';
  let apiKey: Record<string, unknown> | null = null;
  const fields: CustomField[] = [];
  const files: ImportedAttachment[] = [];
  for (const c of it.credentials as Record<string, unknown>[]) {
    switch (c.type) {
      case 'basic-auth':
        username ||= valueOf(c.username);
        password ||= valueOf(c.password);
        break;
      case 'totp':
        totp ||= otpauth(c, it.title);
        break;
      case 'note':
        notes = notes ? `${notes}\n\n${valueOf(c.content)}` : valueOf(c.content);
        break;
      case 'custom-fields':
        for (const f of Array.isArray(c.fields) ? c.fields : []) {
          const p = editableField.safeParse(f);
          if (p.success) fields.push({ name: p.data.label?.trim() || (typeof c.label === 'string' && c.label.trim()) || 'Field', value: p.data.value, concealed: p.data.fieldType === 'concealed-string' });
        }
        break;
      case 'api-key':
        apiKey ??= c;
        break;
      case 'file': {
        const id = typeof c.id === 'string' ? c.id : '';
        const content = documents[`${DOCUMENTS}${id}`];
        if (!content) {
          fields.push({ name: 'File not in the export', value: String(c.name ?? id), concealed: false });
          break;
        }
        const hash = Buffer.from(createHash('sha256').update(content).digest()).toString('base64url');
        if (typeof c.integrityHash === 'string' && c.integrityHash.replace(/=+$/, '') !== hash) return { problem: `The file “${String(c.name)}” does not match its integrity hash.` };
        files.push({ name: String(c.name ?? id), content });
        break;
      }
      default:
        fields.push(...otherFields(c));
    }
  }
  const urls = (it.scope?.urls ?? []).map((u) => u.trim()).filter((u) => u !== '');
  const tags = it.tags ?? [];
  let out: ImportedItem;
  const type = ext?.itemType ?? (apiKey && !username && !password ? 'api_key' : undefined);
  if (type === 'api_key' && apiKey) {
    const input: ItemInput = {
      type: 'api_key',
      title: it.title.trim() || 'Imported key',
      secret: valueOf(apiKey.key),
      urls: urls.length > 0 ? urls : valueOf(apiKey.url) ? [valueOf(apiKey.url)] : [],
      notes,
      tags,
      folder,
      favorite: it.favorite ?? false,
      fields,
      service: ext?.service ?? valueOf(apiKey.keyType),
      keyId: ext?.keyId ?? valueOf(apiKey.username),
      environment: ext?.environment ?? '',
      expiresAt: /^\d{4}-\d{2}-\d{2}$/.test(valueOf(apiKey.expiryDate)) ? valueOf(apiKey.expiryDate) : null,
      rotationDays: ext?.rotationDays ?? null,
    };
    out = { input };
  } else if (type === 'login' || type === 'note') {
    const common = { title: it.title.trim() || 'Imported item', notes, tags, folder, favorite: it.favorite ?? false };
    out = { input: type === 'login' ? { type, ...common, username, password, urls, totp: ext?.totp ?? totp, fields } : { type, ...common, fields } };
  } else {
    if (apiKey) fields.unshift(...otherFields(apiKey));
    out = buildItem({ title: it.title, username, password, urls, totp, notes, tags, folder, favorite: it.favorite ?? false, fields }, 0);
  }
  if (ext) {
    Object.assign(out, { createdAt: ext.createdAt, updatedAt: ext.updatedAt, deletedAt: ext.deletedAt, passwordHistory: ext.passwordHistory ?? [] });
  } else {
    if (it.creationAt) out.createdAt = it.creationAt * 1000;
    if (it.modifiedAt) out.updatedAt = it.modifiedAt * 1000;
  }
  if (files.length > 0) out.attachments = files;
  return out;
}

/** Every item of every account in the header; `documents` holds a zip's `documents/<id>` files. */
export function readCxf(json: unknown, documents: Record<string, Uint8Array> = {}): MapOutcome[] {
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new KeystashError('invalid-input', 'This Credential Exchange Format file is not in a shape Keystash knows.');
  if (parsed.data.version.major !== 1) throw new KeystashError('invalid-input', `This is CXF version ${parsed.data.version.major}; Keystash reads version 1.`);
  const out: MapOutcome[] = [];
  for (const account of parsed.data.accounts) {
    const folders = folderMap(account.collections);
    for (const raw of account.items) {
      const it = itemSchema.safeParse(raw);
      out.push(it.success ? toItem(it.data, folders.get(it.data.id) ?? '', documents) : { problem: 'The item is not in a shape Keystash knows.' });
    }
  }
  return out;
}

