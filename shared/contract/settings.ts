// settings:* — app preferences, readable while locked (the unlock screen needs the theme).
import { settingsSchema, type Settings } from '../settings';
import { channel, empty, type DomainChannels } from './kit';

export const settingsChannels = {
  'settings:get': channel(empty).returns<Settings>(),
  'settings:set': channel(settingsSchema.partial().strict()).returns<Settings>(),
} satisfies DomainChannels<'settings'>;
