// item:* — list rows, summaries, edits, and the only two ways a secret leaves main:
// reveal (value returned, logged) and copy (value goes to the clipboard, logged).
import type { Services } from '../services';
import { openItemUrl } from '../services/url-opener';
import { handler, type HandlerMap } from './handler';

type ItemChannel =
  | 'item:list'
  | 'item:counts'
  | 'item:get'
  | 'item:create'
  | 'item:update'
  | 'item:trash'
  | 'item:restore'
  | 'item:purge'
  | 'item:reveal'
  | 'item:copy-field'
  | 'item:password-history'
  | 'item:reveal-history'
  | 'item:open-url';

export function itemHandlers(s: Services): HandlerMap<ItemChannel> {
  const v = () => s.vault.unlocked();
  return {
    'item:list': handler('item:list', (q) => ({ rows: s.vault.listRows(q) })),
    'item:counts': handler('item:counts', () => v().counts()),
    'item:get': handler('item:get', (r) => v().summary(r.id)),
    'item:create': handler('item:create', (r) => v().create(r.item)),
    'item:update': handler('item:update', (r) => v().update(r.id, r.patch)),
    'item:trash': handler('item:trash', (r) => v().trash(r.id)),
    'item:restore': handler('item:restore', (r) => v().restore(r.id)),
    'item:purge': handler('item:purge', (r) => {
      v().purge(r.id);
      return null;
    }),
    'item:reveal': handler('item:reveal', (r) => ({ value: v().useField(r.id, r.field, 'reveal') })),
    'item:copy-field': handler('item:copy-field', (r) => s.clipboard.copy(v(), r.id, r.field)),
    'item:password-history': handler('item:password-history', (r) => v().passwordHistory(r.id)),
    'item:reveal-history': handler('item:reveal-history', (r) => ({ value: v().revealPasswordHistory(r.id, r.index) })),
    'item:open-url': handler('item:open-url', async (r) => {
      await openItemUrl(v(), s.urls, r.id, r.index);
      return null;
    }),
  };
}
