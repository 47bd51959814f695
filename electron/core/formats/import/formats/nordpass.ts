// NordPass CSV: name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,
// pin,expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,country,
// state,type,custom_fields. `additional_urls` and `custom_fields` hold JSON; `type` is
// password, note, credit_card, identity or folder. A folder row only declares a folder (its
// items name it themselves), so it is skipped; cards and identities become notes with their
// columns as fields (numbers, codes and PINs concealed).
import type { CustomField } from '../../../../../shared/domain';
import { field, splitUrls } from '../fields';
import { buildItem } from '../record';
import type { FormatSpec } from '../types';
import { hasAll } from './shared';

function jsonList(cell: string): unknown[] {
  if (cell.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(cell);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function customFields(cell: string): CustomField[] {
  return jsonList(cell).flatMap((f): CustomField[] => {
    if (!f || typeof f !== 'object') return [];
    const o = f as { label?: unknown; type?: unknown; value?: unknown };
    const value = typeof o.value === 'string' ? o.value : o.value === undefined || o.value === null ? '' : String(o.value);
    if (value === '') return [];
    return [field(typeof o.label === 'string' && o.label.trim() !== '' ? o.label : 'Field', value, o.type === 'hidden' ? true : undefined)];
  });
}

const DETAIL_COLUMNS = ['cardholdername', 'cardnumber', 'cvc', 'pin', 'expirydate', 'zipcode', 'full_name', 'phone_number', 'email', 'address1', 'address2', 'city', 'country', 'state'];

export const nordPass: FormatSpec = {
  id: 'nordpass',
  label: 'NordPass',
  required: ['name', 'url', 'additional_urls', 'username', 'password', 'note', 'folder', 'type', 'custom_fields'],
  detect: (h) => hasAll(h, nordPass.required),
  map: (row) => {
    const type = row.take('type').trim().toLowerCase();
    if (type === 'folder') return { skip: 'a folder row' };
    const isLogin = type === 'password' || type === '';
    const details: CustomField[] = [];
    for (const c of DETAIL_COLUMNS) {
      const v = row.take(c);
      if (v.trim() !== '') details.push(field(c.replace(/_/g, ' ').replace(/^./, (x) => x.toUpperCase()), v, /number|cvc|pin/.test(c) ? true : undefined));
    }
    const extraUrls = jsonList(row.take('additional_urls')).filter((u): u is string => typeof u === 'string');
    return buildItem(
      {
        title: row.take('name'),
        urls: [...new Set([...splitUrls(row.take('url')), ...extraUrls.map((u) => u.trim()).filter((u) => u !== '')])],
        username: row.take('username'),
        password: row.take('password'),
        notes: row.take('note'),
        folder: row.take('folder'),
        note: !isLogin,
        fields: [...(isLogin ? [] : [field('NordPass type', type, false)]), ...details, ...customFields(row.take('custom_fields')), ...row.extras()],
      },
      row.line,
    );
  },
};
