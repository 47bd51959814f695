// settings:* — app preferences; readable while locked (the unlock screen needs the theme).
import type { Services } from '../services';
import { handler, type HandlerMap } from './handler';

export function settingsHandlers(s: Services): HandlerMap<'settings:get' | 'settings:set'> {
  return {
    'settings:get': handler('settings:get', () => s.settings.get()),
    'settings:set': handler('settings:set', (patch) => s.settings.set(patch)),
  };
}
