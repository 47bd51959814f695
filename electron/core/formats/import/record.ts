// Builds the item an imported row becomes: picks login or note, derives a missing title,
// and moves login-only values into custom fields when the row is a note, so nothing is lost.
import type { CustomField, ItemInput, PasswordHistoryEntry } from '../../../../shared/domain';
import { deriveTitle, field } from './fields';
import type { ImportedItem } from './types';

export interface ItemParts {
  title?: string;
  username?: string;
  password?: string;
  urls?: string[];
  totp?: string;
  notes?: string;
  folder?: string;
  favorite?: boolean;
  tags?: string[];
  fields?: CustomField[];
  /** The source marked the row as a note (or another non-login type). */
  note?: boolean;
  createdAt?: number;
  updatedAt?: number;
  passwordHistory?: PasswordHistoryEntry[];
}

const TITLE_MAX = 500;

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, 80);
}

export function buildItem(p: ItemParts, line: number): ImportedItem {
  const username = p.username ?? '';
  const password = p.password ?? '';
  const urls = p.urls ?? [];
  const totp = p.totp ?? '';
  const notes = p.notes ?? '';
  const fields = [...(p.fields ?? [])];
  const hasLogin = username !== '' || password !== '' || urls.length > 0 || totp !== '';
  const isNote = p.note === true || !hasLogin;
  let title = (p.title ?? '').trim();
  if (title === '') title = deriveTitle(urls, username) || (isNote ? firstLine(notes) : '') || `Imported item (line ${line})`;
  if (title.length > TITLE_MAX) title = title.slice(0, TITLE_MAX);
  const common = {
    title,
    notes,
    folder: (p.folder ?? '').trim(),
    favorite: p.favorite ?? false,
    tags: [...new Set((p.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''))],
  };
  let input: ItemInput;
  if (isNote) {
    // A note has no login fields; whatever the row had there is kept as custom fields.
    const moved: CustomField[] = [];
    if (username !== '') moved.push(field('Username', username, false));
    if (password !== '') moved.push(field('Password', password, true));
    urls.forEach((u, i) => moved.push(field(urls.length > 1 ? `URL ${i + 1}` : 'URL', u, false)));
    if (totp !== '') moved.push(field('TOTP', totp, true));
    input = { type: 'note', ...common, fields: [...moved, ...fields] };
  } else {
    input = { type: 'login', ...common, username, password, urls, totp, fields };
  }
  const out: ImportedItem = { input };
  if (p.createdAt !== undefined) out.createdAt = p.createdAt;
  if (p.updatedAt !== undefined) out.updatedAt = p.updatedAt;
  if (p.passwordHistory) out.passwordHistory = p.passwordHistory;
  return out;
}
