// 1Password's .1pux export: a zip holding `export.data` (JSON: accounts → vaults → items) and
// the items' files under `files/`. Logins bring their username and password (login fields),
// every URL, tags, favourite, notes and the password history; section fields become custom
// fields (concealed ones concealed; a one-time-password field becomes the item's TOTP); files
// and Document items come along as attachments; archived items get the tag `archived`, and
// items in 1Password's trash go to Keystash's trash. Each vault's name is the folder. Other
// categories (cards, identities, ...) become notes with their fields.
import { z } from 'zod';
import type { CustomField, PasswordHistoryEntry } from '../../../../shared/domain';
import { PASSWORD_HISTORY_LIMIT } from '../../../../shared/domain';
import { KeystashError } from '../../errors';
import { cleanTotp } from '../import/fields';
import { buildItem } from '../import/record';
import type { ImportedAttachment, ImportedItem } from '../import/types';

const LOGIN = '001';
const PASSWORD = '005';

const fileRef = z.looseObject({ fileName: z.string(), documentId: z.string() });
const fieldSchema = z.looseObject({
  title: z.string().nullish(),
  value: z.record(z.string(), z.unknown()).nullish(),
});
const itemSchema = z.looseObject({
  uuid: z.string().nullish(),
  favIndex: z.number().nullish(),
  createdAt: z.number().nullish(),
  updatedAt: z.number().nullish(),
  state: z.string().nullish(),
  categoryUuid: z.string().nullish(),
  details: z
    .looseObject({
      loginFields: z.array(z.looseObject({ value: z.string().nullish(), designation: z.string().nullish(), name: z.string().nullish(), fieldType: z.string().nullish() })).nullish(),
      notesPlain: z.string().nullish(),
      password: z.string().nullish(),
      sections: z.array(z.looseObject({ title: z.string().nullish(), fields: z.array(fieldSchema).nullish() })).nullish(),
      passwordHistory: z.array(z.looseObject({ value: z.string(), time: z.number() })).nullish(),
      documentAttributes: fileRef.nullish(),
    })
    .nullish(),
  overview: z
    .looseObject({
      title: z.string().nullish(),
      url: z.string().nullish(),
      urls: z.array(z.looseObject({ url: z.string().nullish() })).nullish(),
      tags: z.array(z.string()).nullish(),
    })
    .nullish(),
});
const dataSchema = z.looseObject({
  accounts: z.array(
    z.looseObject({
      vaults: z.array(z.looseObject({ attrs: z.looseObject({ name: z.string().nullish() }).nullish(), items: z.array(z.unknown()) })),
    }),
  ),
});

/** Whether the zip's entries are a .1pux export. */
export function isOnePux(entries: Record<string, Uint8Array>): boolean {
  return 'export.data' in entries;
}

/** A section field's value as text, whether it is concealed, and whether it is the item's TOTP. */
function fieldValue(value: Record<string, unknown>): { text: string; concealed: boolean; totp: boolean; file: z.infer<typeof fileRef> | null } | null {
  const [kind, v] = Object.entries(value)[0] ?? [];
  if (kind === undefined) return null;
  if (kind === 'file') {
    const f = fileRef.safeParse(v);
    return f.success ? { text: '', concealed: false, totp: false, file: f.data } : null;
  }
  if (kind === 'totp') return { text: typeof v === 'string' ? v : '', concealed: true, totp: true, file: null };
  if (kind === 'email' && v && typeof v === 'object') return { text: String((v as { email_address?: unknown }).email_address ?? ''), concealed: false, totp: false, file: null };
  if (kind === 'date' && typeof v === 'number') return { text: new Date(v * 1000).toISOString().slice(0, 10), concealed: false, totp: false, file: null };
  if (kind === 'monthYear' && typeof v === 'number') return { text: `${String(v).slice(0, 4)}-${String(v).slice(4)}`, concealed: false, totp: false, file: null };
  if (kind === 'address' && v && typeof v === 'object') return { text: Object.values(v).filter((x) => typeof x === 'string' && x !== '').join(', '), concealed: false, totp: false, file: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { text: String(v), concealed: kind === 'concealed' || kind === 'creditCardNumber', totp: false, file: null };
  return null;
}

function fileFrom(entries: Record<string, Uint8Array>, f: z.infer<typeof fileRef>): ImportedAttachment | null {
  const content = entries[`files/${f.documentId}__${f.fileName}`] ?? entries[`files/${f.documentId}`];
  return content ? { name: f.fileName, content } : null;
}

function toItem(entries: Record<string, Uint8Array>, raw: unknown, folder: string): ImportedItem | { problem: string } {
  const r = itemSchema.safeParse(raw);
  if (!r.success) return { problem: 'The item is not in a shape Keystash knows.' };
  const it = r.data;
  const d = it.details ?? {};
  const login = d.loginFields ?? [];
  const pick = (designation: string): string => login.find((f) => f.designation === designation)?.value ?? '';
  let totp = '';
  const fields: CustomField[] = [];
  const files: ImportedAttachment[] = [];
  for (const section of d.sections ?? []) {
    for (const f of section.fields ?? []) {
      const v = f.value ? fieldValue(f.value) : null;
      if (!v) continue;
      if (v.file) {
        const file = fileFrom(entries, v.file);
        if (file) files.push(file);
        continue;
      }
      if (v.totp && totp === '') {
        totp = cleanTotp(v.text);
        continue;
      }
      if (v.text === '') continue;
      const name = [section.title, f.title].filter((x) => x && x.trim() !== '').join(' – ') || 'Field';
      fields.push({ name, value: v.text, concealed: v.concealed });
    }
  }
  // Login fields other than the username and password (a PIN, a second email...) are kept too.
  for (const f of login) {
    if (f.designation === 'username' || f.designation === 'password' || !f.value) continue;
    fields.push({ name: f.name?.trim() || 'Field', value: f.value, concealed: f.fieldType === 'P' });
  }
  if (d.documentAttributes) {
    const file = fileFrom(entries, d.documentAttributes);
    if (file) files.push(file);
  }
  const history: PasswordHistoryEntry[] = (d.passwordHistory ?? [])
    .map((h) => ({ field: 'password' as const, value: h.value, changedAt: h.time * 1000 }))
    .sort((a, b) => b.changedAt - a.changedAt)
    .slice(0, PASSWORD_HISTORY_LIMIT);
  const category = it.categoryUuid ?? '';
  const urls = [...(it.overview?.urls ?? []).map((u) => u.url ?? ''), it.overview?.url ?? ''].map((u) => u.trim()).filter((u, i, all) => u !== '' && all.indexOf(u) === i);
  const out = buildItem(
    {
      title: it.overview?.title ?? '',
      username: pick('username'),
      password: pick('password') || (category === PASSWORD ? (d.password ?? '') : ''),
      urls,
      totp,
      notes: d.notesPlain ?? '',
      folder,
      favorite: (it.favIndex ?? 0) > 0,
      tags: [...(it.overview?.tags ?? []), ...(it.state === 'archived' ? ['archived'] : [])],
      fields,
      note: category !== LOGIN && category !== PASSWORD,
      passwordHistory: history,
      ...(it.createdAt ? { createdAt: it.createdAt * 1000 } : {}),
      ...(it.updatedAt ? { updatedAt: it.updatedAt * 1000 } : {}),
    },
    0,
  );
  if (it.state === 'deleted') out.deletedAt = (it.updatedAt ?? 0) * 1000 || Date.now();
  if (files.length > 0) out.attachments = files;
  return out;
}

export function readOnePux(entries: Record<string, Uint8Array>): (ImportedItem | { problem: string })[] {
  let data: z.infer<typeof dataSchema>;
  try {
    data = dataSchema.parse(JSON.parse(new TextDecoder().decode(entries['export.data'])));
  } catch {
    throw new KeystashError('invalid-input', 'The 1Password export (.1pux) has no export.data Keystash can read.');
  }
  const out: (ImportedItem | { problem: string })[] = [];
  for (const account of data.accounts) {
    for (const vault of account.vaults) {
      const folder = (vault.attrs?.name ?? '').trim();
      for (const raw of vault.items) out.push(toItem(entries, raw, folder));
    }
  }
  return out;
}
