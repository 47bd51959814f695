// profile:* — env profiles edited in the app; the core (api-keys/profiles.ts) checks every
// name and reference, and keeps them in one encrypted meta record.
import type { EnvProfile } from '../../../shared/env-profiles';
import type { Services } from '../services';
import { handlers } from './handler';

function toProfile(name: string, vars: Record<string, string>): EnvProfile {
  return {
    name,
    vars: Object.keys(vars)
      .sort()
      .map((v) => ({ name: v, reference: vars[v] ?? '' })),
  };
}

export function profileHandlers(s: Services) {
  return handlers<'profile'>({
    'profile:list': () => Object.entries(s.vault.unlocked().profiles.list()).map(([name, vars]) => toProfile(name, vars)),
    'profile:set': (r) => toProfile(r.name, s.vault.unlocked().profiles.set(r.name, r.vars)),
    'profile:remove': (r) => {
      s.vault.unlocked().profiles.remove(r.name, r.vars ?? []);
      return null;
    },
  });
}
