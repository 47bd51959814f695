// settings:* — app preferences; readable while locked (the unlock screen needs the theme).
import type { Services } from '../services';
import { handlers } from './handler';

export function settingsHandlers(s: Services) {
  return handlers<'settings'>({
    'settings:get': () => s.settings.get(),
    'settings:set': (patch) => s.settings.set(patch),
  });
}
