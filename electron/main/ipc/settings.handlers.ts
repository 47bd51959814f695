// settings:* — app preferences; readable while locked (the unlock screen needs the theme).
// Weakening changes need the master password (services/settings-change.ts).
import type { Services } from '../services';
import { changeSettings } from '../services/settings-change';
import { handlers } from './handler';

export function settingsHandlers(s: Services) {
  return handlers<'settings'>({
    'settings:get': () => s.settings.get(),
    'settings:set': (change) => changeSettings(s.settings, s.vault, change),
  });
}
