// Bitwarden's individual-vault CSV export:
// folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
// (organization exports have `collections` instead of `folder`). Several URIs share one cell,
// separated by commas (or newlines); custom fields are "name: value" lines.
import type { CustomField } from '../../../../../shared/domain';
import { cleanTotp, field, parseBool, splitUrls } from '../fields';
import { buildItem } from '../record';
import type { FormatSpec } from '../types';
import { hasAll } from './shared';

export function parseBitwardenFields(cell: string): CustomField[] {
  const out: CustomField[] = [];
  for (const line of cell.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    const at = line.indexOf(': ');
    // ": value": a field Bitwarden exported without a name keeps its value under a neutral name.
    if (at === 0) out.push(field('Field', line.slice(2)));
    else if (at < 0) out.push(field(line.replace(/:$/, ''), ''));
    else out.push(field(line.slice(0, at), line.slice(at + 2)));
  }
  return out;
}

export const bitwarden: FormatSpec = {
  id: 'bitwarden',
  label: 'Bitwarden',
  required: ['type', 'name', 'login_uri', 'login_username', 'login_password'],
  ignored: ['reprompt'],
  detect: (h) => hasAll(h, bitwarden.required),
  map: (row) => {
    row.ignore('reprompt');
    const type = row.take('type').trim().toLowerCase();
    const fields = parseBitwardenFields(row.take('fields'));
    // Card, identity and SSH-key rows become notes; their extra columns land in fields.
    if (type !== '' && type !== 'login' && type !== 'note') fields.unshift(field('Bitwarden type', type, false));
    return buildItem(
      {
        folder: row.take('folder', 'collections'),
        favorite: parseBool(row.take('favorite')),
        note: type !== '' && type !== 'login',
        title: row.take('name'),
        notes: row.take('notes'),
        urls: splitUrls(row.take('login_uri'), /[\r\n,]+/),
        username: row.take('login_username'),
        password: row.take('login_password'),
        totp: cleanTotp(row.take('login_totp')),
        fields: [...fields, ...row.extras()],
      },
      row.line,
    );
  },
};
