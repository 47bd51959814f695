// Dashlane's CSV export is a zip of several files; each can be imported on its own.
// credentials.csv: username,username2,username3,title,password,note,url,category,otpSecret (or otpUrl)
// securenotes.csv: title,note[,category]
// payments.csv, ids.csv, personalInfo.csv: not logins; each row becomes a note whose columns
// are custom fields (numbers, codes and PINs concealed).
import { cleanTotp, field, splitUrls } from '../fields';
import { buildItem } from '../record';
import type { FormatSpec } from '../types';
import { hasAll } from './shared';

const CREDENTIALS = ['username', 'username2', 'username3', 'title', 'password', 'note', 'url'];
const OTHER_FILES = [
  ['type', 'account_name'],
  ['type', 'number', 'name'],
  ['type', 'title', 'first_name'],
];

export const dashlane: FormatSpec = {
  id: 'dashlane',
  label: 'Dashlane',
  required: ['title'],
  detect: (h) =>
    hasAll(h, CREDENTIALS) ||
    (h.has('title') && h.has('note') && h.size <= 3 && [...h].every((x) => ['title', 'note', 'category'].includes(x))) ||
    OTHER_FILES.some((cols) => hasAll(h, cols)),
  map: (row) => {
    if (row.has('username2') || row.has('password')) {
      return buildItem(
        {
          username: row.take('username'),
          title: row.take('title'),
          password: row.take('password'),
          notes: row.take('note'),
          urls: splitUrls(row.take('url')),
          folder: row.take('category'),
          totp: cleanTotp(row.take('otpUrl', 'otpSecret')),
          fields: row.extras(),
        },
        row.line,
      );
    }
    if (!row.has('type')) {
      return buildItem({ title: row.take('title'), notes: row.take('note'), folder: row.take('category'), note: true, fields: row.extras() }, row.line);
    }
    // Payments, IDs and personal information: the nearest Keystash type is a note.
    const type = row.take('type');
    const title = row.take('account_name', 'item_name', 'name') || [type, row.take('title')].filter(Boolean).join(' ');
    return buildItem({ title, note: true, fields: [field('Dashlane type', type, false), ...row.extras()] }, row.line);
  },
};
