// Proton Pass CSV export: type,name,url,email,username,password,note,totp,createTime,modifyTime,vault.
// URLs are joined with ", "; times are Unix seconds; the vault becomes the folder. Credit
// cards and identities carry their details as JSON in `note`, which become custom fields.
import type { CustomField } from '../../../../../shared/domain';
import { cleanTotp, field, parseTime, splitUrls } from '../fields';
import { buildItem } from '../record';
import type { FormatSpec } from '../types';
import { hasAll } from './shared';

/** Flattens a card or identity's JSON into fields; returns its free-text note separately. */
export function flattenJson(json: string): { fields: CustomField[]; notes: string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const fields: CustomField[] = [];
  let notes = '';
  const walk = (value: unknown, name: string): void => {
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      value.forEach((v) => walk(v, name));
    } else if (typeof value === 'object') {
      const o = value as Record<string, unknown>;
      // Proton's custom fields: { fieldName, type: 'text' | 'hidden', data: { content } }.
      if (typeof o.fieldName === 'string' && o.data && typeof o.data === 'object') {
        const content = (o.data as Record<string, unknown>).content;
        if (typeof content === 'string' && content !== '') fields.push(field(o.fieldName, content, o.type === 'hidden' ? true : undefined));
        return;
      }
      for (const [k, v] of Object.entries(o)) walk(v, k === 'sectionFields' ? name : k);
    } else if (name === 'note') {
      notes = String(value);
    } else {
      fields.push(field(name, String(value)));
    }
  };
  walk(parsed, '');
  return { fields, notes };
}

/** The newest Proton CSV's `autofillUrls` column: a JSON array of URLs (or of { url } objects). */
function autofillUrls(cell: string): string[] {
  if (cell.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(cell);
    if (!Array.isArray(parsed)) return splitUrls(cell, /,\s*|[\r\n]+/);
    return parsed.map((u) => (typeof u === 'string' ? u : u && typeof u === 'object' && typeof (u as { url?: unknown }).url === 'string' ? (u as { url: string }).url : '')).map((u) => u.trim()).filter((u) => u !== '');
  } catch {
    return splitUrls(cell, /,\s*|[\r\n]+/);
  }
}

export const protonPass: FormatSpec = {
  id: 'protonpass',
  label: 'Proton Pass',
  required: ['type', 'name', 'url', 'username', 'password', 'note', 'totp'],
  detect: (h) => hasAll(h, protonPass.required) && (h.has('createtime') || h.has('vault') || h.has('email')),
  map: (row) => {
    const type = row.take('type').trim();
    const email = row.take('email');
    let username = row.take('username');
    const fields: CustomField[] = [];
    if (username === '') username = email;
    else if (email !== '') fields.push(field('Email', email, false));
    let notes = row.take('note');
    const isCard = type === 'creditCard' || type === 'identity';
    if (isCard) {
      const flat = flattenJson(notes);
      if (flat) {
        fields.push(...flat.fields);
        notes = flat.notes;
      }
    }
    if (type !== '' && type !== 'login' && type !== 'note' && type !== 'alias') fields.unshift(field('Proton Pass type', type, false));
    const created = parseTime(row.take('createTime'), 's');
    const modified = parseTime(row.take('modifyTime'), 's');
    return buildItem(
      {
        title: row.take('name'),
        urls: [...new Set([...splitUrls(row.take('url'), /,\s*|[\r\n]+/), ...autofillUrls(row.take('autofillUrls'))])],
        username,
        password: row.take('password'),
        totp: cleanTotp(row.take('totp')),
        notes,
        folder: row.take('vault'),
        note: type === 'note' || isCard || (type !== '' && type !== 'login' && type !== 'alias'),
        fields: [...fields, ...row.extras()],
        ...(created !== undefined ? { createdAt: created } : {}),
        ...(modified !== undefined ? { updatedAt: modified } : {}),
      },
      row.line,
    );
  },
};
