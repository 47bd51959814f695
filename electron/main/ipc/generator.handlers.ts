// generator:* — passwords, passphrases and PINs made in main; the window sees the newest
// value and a history without values, and copies an older one by its index.
import type { Services } from '../services';
import { handlers } from './handler';

export function generatorHandlers(s: Services) {
  return handlers<'generator'>({
    'generator:generate': (r) => s.generator.generate(r.options),
    'generator:history': () => s.generator.history(),
    'generator:copy': (r) => s.generator.copy(r.index),
    'generator:clear-history': () => {
      s.generator.clear();
      return null;
    },
  });
}
