// generator:* — passwords, passphrases and PINs made in main; the window sees the newest
// value and a history without values, and copies an older one by its index. A copy from the
// history hands out a value that may now be a saved password, so it waits for the secret rate
// limit like any other copy.
import type { Services } from '../services';
import { handlers } from './handler';

export function generatorHandlers(s: Services) {
  return handlers<'generator'>({
    'generator:generate': (r) => s.generator.generate(r.options),
    'generator:history': () => s.generator.history(),
    'generator:copy': async (r) => {
      s.vault.unlocked(); // `locked` at once, without spending the burst
      await s.secretRate.admit();
      return s.generator.copy(r.index);
    },
    'generator:clear-history': () => {
      s.generator.clear();
      return null;
    },
  });
}
