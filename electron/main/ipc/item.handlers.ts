// item:* — list rows, summaries, edits, and the only two ways a secret leaves main:
// reveal (value returned, logged) and copy (value goes to the clipboard, logged). One-time
// codes and env lines are derived from secrets in the copy service, never here. Each reveal
// and copy waits for the secret rate limit first (services/secret-rate-limit.ts).
import type { Services } from '../services';
import { openItemUrl } from '../services/url-opener';
import { handlers } from './handler';

export function itemHandlers(s: Services) {
  const v = () => s.vault.unlocked();
  /** Runs `get` once the rate limit admits one more secret leaving main. */
  const secret = async <T>(get: () => T | Promise<T>): Promise<T> => {
    v(); // a locked vault answers `locked` at once, without spending the burst
    await s.secretRate.admit();
    return get();
  };
  return handlers<'item'>({
    'item:list': (q) => s.vault.listRows(q),
    'item:counts': () => v().items.counts(),
    'item:get': (r) => v().items.summary(r.id),
    'item:create': (r) => v().items.create(r.item),
    'item:update': (r) => v().items.update(r.id, r.patch),
    'item:trash': (r) => v().items.trash(r.id),
    'item:restore': (r) => v().items.restore(r.id),
    'item:purge': (r) => {
      v().items.purge(r.id);
      return null;
    },
    'item:bulk': (r) => v().items.bulk(r.ids, r.action),
    'item:reveal': (r) => secret(() => ({ value: v().items.useField(r.id, r.field, 'reveal') })),
    'item:copy-field': (r) => secret(() => s.copy.field(r.id, r.field)),
    'item:password-history': (r) => v().items.passwordHistory(r.id),
    'item:reveal-history': (r) => secret(() => ({ value: v().items.revealPasswordHistory(r.id, r.index) })),
    'item:open-url': async (r) => {
      await openItemUrl(v(), s.urls, s.confirm, r.id, r.index);
      return null;
    },
    'item:copy-url': (r) => s.copy.url(r.id, r.index),
    'item:totp': (r) => secret(() => s.copy.showTotp(r.id)),
    'item:copy-totp': (r) => secret(() => s.copy.totp(r.id)),
    'item:copy-env': (r) => secret(() => s.copy.env(r.id, r.format)),
  });
}
