// LastPass CSV export: url,username,password,totp,extra,name,grouping,fav. Secure notes have
// the url "http://sn"; typed ones (cards, bank accounts, Wi-Fi...) start their `extra` with
// "NoteType:" followed by "Key:Value" lines, which become custom fields.
import type { CustomField } from '../../../../../shared/domain';
import { cleanTotp, field, parseBool, splitUrls } from '../fields';
import { buildItem } from '../record';
import type { FormatSpec } from '../types';
import { hasAll } from './shared';

/** Splits a typed secure note into fields; everything after "Notes:" is the free text. */
export function parseNoteType(extra: string): { fields: CustomField[]; notes: string } {
  const lines = extra.split(/\r?\n/);
  const fields: CustomField[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const at = line.indexOf(':');
    const key = at > 0 ? line.slice(0, at) : line;
    const value = at > 0 ? line.slice(at + 1) : '';
    if (key === 'Notes') return { fields, notes: [value, ...lines.slice(i + 1)].join('\n') };
    if (key === 'Language' || value === '') continue;
    fields.push(field(key === 'NoteType' ? 'LastPass type' : key, value, key === 'NoteType' ? false : undefined));
  }
  return { fields, notes: '' };
}

export const lastpass: FormatSpec = {
  id: 'lastpass',
  label: 'LastPass',
  required: ['url', 'username', 'password', 'extra', 'name', 'grouping'],
  detect: (h) => hasAll(h, lastpass.required),
  map: (row) => {
    const url = row.take('url').trim();
    const extra = row.take('extra');
    const secureNote = url === 'http://sn';
    const typed = secureNote && extra.startsWith('NoteType:') ? parseNoteType(extra) : null;
    return buildItem(
      {
        title: row.take('name'),
        urls: secureNote ? [] : splitUrls(url),
        username: row.take('username'),
        password: row.take('password'),
        totp: cleanTotp(row.take('totp')),
        notes: typed ? typed.notes : extra,
        // LastPass nests folders with backslashes.
        folder: row.take('grouping').replace(/\\/g, '/'),
        favorite: parseBool(row.take('fav')),
        note: secureNote,
        fields: [...(typed?.fields ?? []), ...row.extras()],
      },
      row.line,
    );
  },
};
