// The human table for `list` and `search`.
import type { ListedItem } from '../../shared/domain';
import type { Column } from './output';
import { localTime } from './format';

/** Ids are shown by their first 8 characters; any unique prefix of 4+ resolves. */
export const SHORT_ID = 8;

const TYPE_NAMES = { login: 'login', api_key: 'api_key', note: 'note' } as const;

function detail(s: ListedItem): string {
  if (s.type === 'login') return s.username || s.urls[0] || '';
  if (s.type === 'api_key') return [s.service, s.environment].filter(Boolean).join(' / ');
  return s.folder;
}

export const ITEM_COLUMNS: Column<ListedItem>[] = [
  { header: 'ID', value: (s) => s.id.slice(0, SHORT_ID) },
  { header: 'TYPE', value: (s) => TYPE_NAMES[s.type] },
  { header: 'TITLE', value: (s) => `${s.favorite ? '★ ' : ''}${s.title}`, max: 40 },
  { header: 'USER / SERVICE', value: detail, max: 32 },
  { header: 'TAGS', value: (s) => s.tags.join(', '), max: 30 },
  { header: 'UPDATED', value: (s) => localTime(s.updatedAt) },
];
