// Proton Pass's export (a zip holding `Proton Pass/data.json`, or that JSON alone): vaults →
// items. Logins bring their email or username (the other kept as a field when both exist),
// password, URLs, TOTP URI, notes, extra fields (hidden → concealed; a TOTP extra field too),
// pinned → favourite, and creation and modification times; trashed items (state 2) go to the
// trash; the vault's name is the folder. Notes become notes; aliases, cards and identities
// become notes with their details as fields. Passkeys are not imported. A PGP-encrypted
// export must be exported again without encryption.
import { z } from 'zod';
import type { CustomField } from '../../../../shared/domain';
import { KeystashError } from '../../errors';
import { cleanTotp } from '../import/fields';
import { buildItem } from '../import/record';
import type { ImportedItem } from '../import/types';

const itemSchema = z.looseObject({
  state: z.number().nullish(),
  pinned: z.boolean().nullish(),
  createTime: z.number().nullish(),
  modifyTime: z.number().nullish(),
  aliasEmail: z.string().nullish(),
  data: z.looseObject({
    type: z.string(),
    metadata: z.looseObject({ name: z.string().nullish(), note: z.string().nullish() }),
    extraFields: z.array(z.looseObject({ fieldName: z.string().nullish(), type: z.string().nullish(), data: z.looseObject({ content: z.string().nullish() }).nullish() })).nullish(),
    content: z.record(z.string(), z.unknown()).nullish(),
  }),
});
const exportSchema = z.looseObject({
  encrypted: z.boolean().nullish(),
  vaults: z.record(z.string(), z.looseObject({ name: z.string().nullish(), items: z.array(z.unknown()) })),
});

export const PROTON_DATA = 'Proton Pass/data.json';

export function isProtonJson(json: unknown): boolean {
  return !!json && typeof json === 'object' && 'vaults' in json && typeof (json as { vaults: unknown }).vaults === 'object' && 'userId' in json;
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const CONCEALED = /number|cvv|pin|verification|password|ssn|passport|license|security/i;

function toItem(raw: unknown, folder: string): ImportedItem | { problem: string } {
  const r = itemSchema.safeParse(raw);
  if (!r.success) return { problem: 'The item is not in a shape Keystash knows.' };
  const it = r.data;
  const content = it.data.content ?? {};
  const type = it.data.type;
  const fields: CustomField[] = [];
  let totp = type === 'login' ? cleanTotp(textOf(content.totpUri)) : '';
  for (const f of it.data.extraFields ?? []) {
    const value = f.data?.content ?? '';
    if (f.type === 'totp' && totp === '' && value !== '') {
      totp = cleanTotp(value);
      continue;
    }
    if (value === '') continue;
    fields.push({ name: f.fieldName?.trim() || 'Field', value, concealed: f.type === 'hidden' || f.type === 'totp' });
  }
  let username = '';
  if (type === 'login') {
    const email = textOf(content.itemEmail);
    const user = textOf(content.itemUsername);
    username = user || email;
    if (user && email) fields.unshift({ name: 'Email', value: email, concealed: false });
  } else {
    // Aliases, cards, identities...: their details, one field each.
    if (type !== 'note') fields.unshift({ name: 'Proton Pass type', value: type, concealed: false });
    if (type === 'alias' && it.aliasEmail) fields.push({ name: 'Alias', value: it.aliasEmail, concealed: false });
    for (const [k, v] of Object.entries(content)) {
      const value = textOf(v);
      if (value !== '') fields.push({ name: k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()), value, concealed: CONCEALED.test(k) });
    }
  }
  const out = buildItem(
    {
      title: it.data.metadata.name ?? '',
      notes: it.data.metadata.note ?? '',
      username,
      password: type === 'login' ? textOf(content.password) : '',
      urls: type === 'login' && Array.isArray(content.urls) ? content.urls.map(textOf).filter((u) => u.trim() !== '') : [],
      totp,
      folder,
      favorite: it.pinned ?? false,
      fields,
      note: type !== 'login',
      ...(it.createTime ? { createdAt: it.createTime * 1000 } : {}),
      ...(it.modifyTime ? { updatedAt: it.modifyTime * 1000 } : {}),
    },
    0,
  );
  if (it.state === 2) out.deletedAt = (it.modifyTime ?? 0) * 1000 || Date.now();
  return out;
}

export function readProton(json: unknown): (ImportedItem | { problem: string })[] {
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) throw new KeystashError('invalid-input', 'This Proton Pass export is not in a shape Keystash knows.');
  if (parsed.data.encrypted) throw new KeystashError('invalid-input', 'This Proton Pass export is PGP-encrypted; export again from Proton Pass without encryption (a zip with data.json).');
  const out: (ImportedItem | { problem: string })[] = [];
  for (const vault of Object.values(parsed.data.vaults)) {
    const folder = (vault.name ?? '').trim();
    for (const raw of vault.items) out.push(toItem(raw, folder));
  }
  return out;
}
