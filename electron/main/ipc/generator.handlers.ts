// generator:* — passwords, passphrases and PINs made in main; the window sees the newest
// value, and a history (of results copied or used) without values. A copy or reveal from the
// history hands out a value that may now be a saved password, so it waits for the secret rate
// limit like any other copy.
import type { Services } from '../services';
import { handlers } from './handler';

export function generatorHandlers(s: Services) {
  return handlers<'generator'>({
    'generator:generate': (r) => s.generator.generate(r.options),
    'generator:copy-offered': (r) => s.generator.copyOffered(r.token),
    'generator:use-offered': (r) => {
      s.generator.useOffered(r.token);
      return null;
    },
    'generator:reveal': async (r) => {
      s.vault.unlocked();
      await s.secretRate.admit();
      return { value: s.generator.reveal(r.index) };
    },
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
