// Bitwarden's individual-vault CSV, as Bitwarden itself exports it, so the file imports into
// Bitwarden (and most other managers):
// folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
// API keys have no Bitwarden CSV type: they are written as notes with their service, key id,
// secret and environment as custom fields. Cells are formula-guarded.
import type { Item } from '../../../../shared/domain';
import { csvLine } from '../csv/write';

export const BITWARDEN_COLUMNS = ['folder', 'favorite', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp'] as const;

function fieldsCell(item: Item): string {
  const extra: [string, string][] = [];
  if (item.type === 'api_key') {
    for (const [name, value] of [
      ['Service', item.service],
      ['Key ID', item.keyId],
      ['Secret', item.secret],
      ['Environment', item.environment],
      ['Expires', item.expiresAt ?? ''],
      ['Rotation days', item.rotationDays === null ? '' : String(item.rotationDays)],
    ] as const) {
      if (value !== '') extra.push([name, value]);
    }
    item.urls.forEach((u, i) => extra.push([item.urls.length > 1 ? `URL ${i + 1}` : 'URL', u]));
  }
  for (const f of item.fields) extra.push([f.name, f.value]);
  return extra.map(([n, v]) => `${n}: ${v}`).join('\n');
}

export function bitwardenHeader(): string {
  return csvLine(BITWARDEN_COLUMNS, false);
}

export function bitwardenRow(item: Item): string {
  const login = item.type === 'login';
  return csvLine(
    [
      item.folder,
      item.favorite ? '1' : '',
      login ? 'login' : 'note',
      item.title,
      item.notes,
      fieldsCell(item),
      '0',
      login ? item.urls.join(',') : '',
      login ? item.username : '',
      login ? item.password : '',
      login ? item.totp : '',
    ],
    false,
  );
}
