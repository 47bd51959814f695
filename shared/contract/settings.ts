// settings:* — app preferences, readable while locked (the unlock screen needs the theme).
// A change that weakens protection (a longer auto-lock or clipboard clear) carries the master
// password; main refuses it without one.
import { settingsSchema, type Settings } from '../settings';
import { channel, empty, password, type DomainChannels } from './kit';

export const settingsChannels = {
  'settings:get': channel(empty).returns<Settings>(),
  'settings:set': channel(settingsSchema.partial().extend({ password: password.optional() }).strict()).returns<Settings>(),
} satisfies DomainChannels<'settings'>;
