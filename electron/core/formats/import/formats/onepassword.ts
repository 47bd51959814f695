// 1Password 8 CSV export: Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes.
// Tags are comma-separated; archived items keep that fact as the tag "archived".
import { cleanTotp, parseBool, splitList, splitUrls } from '../fields';
import { buildItem } from '../record';
import type { FormatSpec } from '../types';
import { hasAll } from './shared';

export const onePassword: FormatSpec = {
  id: '1password',
  label: '1Password',
  required: ['title', 'url', 'username', 'password', 'favorite', 'archived'],
  detect: (h) => hasAll(h, onePassword.required),
  map: (row) => {
    const tags = splitList(row.take('Tags'), /,/);
    if (parseBool(row.take('Archived'))) tags.push('archived');
    return buildItem(
      {
        title: row.take('Title'),
        urls: splitUrls(row.take('Url', 'URL')),
        username: row.take('Username'),
        password: row.take('Password'),
        totp: cleanTotp(row.take('OTPAuth')),
        favorite: parseBool(row.take('Favorite')),
        tags,
        notes: row.take('Notes'),
        fields: row.extras(),
      },
      row.line,
    );
  },
};
