// vault.profiles: named sets of `VAR=keystash://ITEM/FIELD`, like envchain's namespaces, so
// `keystash run --profile NAME -- cmd` gets a project's whole environment. Kept as one
// encrypted meta record (`env-profiles`, through the meta store, so an altered or replayed copy
// is an integrity error), since the references name items and fields.
import { quote } from '../../../shared/input-text';
import { KeystashError } from '../errors';
import type { Db } from '../vault/db';
import type { Gate } from '../vault/gate';
import { metaStore } from '../vault/meta-records';
import type { SessionKeys } from '../vault/session-keys';
import { checkEnvName } from './env-format';
import { parseReference } from './references';

export const PROFILES_RECORD = 'env-profiles';
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MAX_PROFILES = 500;
export const MAX_VARS = 500;

/** Profile name → variable → reference. */
export type ProfileMap = Record<string, Record<string, string>>;

export function checkProfileName(name: string): string {
  if (!NAME.test(name)) throw new KeystashError('invalid-input', `${quote(name)} is not a profile name: use up to 64 letters, digits, ., _ and -, starting with a letter or digit.`);
  return name;
}

export class Profiles {
  constructor(
    private readonly db: Db,
    private readonly gate: Gate<{ readonly keys: SessionKeys }>,
  ) {}

  private readAll(keys: SessionKeys): ProfileMap {
    return metaStore(this.db, keys).read<ProfileMap>(PROFILES_RECORD, 'The env profiles record') ?? {};
  }

  /** Every profile, names sorted. */
  list(): ProfileMap {
    const all = this.readAll(this.gate.read().keys);
    return Object.fromEntries(Object.keys(all).sort().map((n) => [n, all[n] ?? {}]));
  }

  get(name: string): Record<string, string> {
    const p = this.readAll(this.gate.read().keys)[name];
    if (!p) throw new KeystashError('not-found', `No profile named ${quote(name)}.`);
    return p;
  }

  /** Sets (adds or replaces) variables of a profile, creating it; every value must be a reference. */
  set(name: string, vars: Record<string, string>): Record<string, string> {
    checkProfileName(name);
    for (const [k, v] of Object.entries(vars)) {
      checkEnvName(k);
      parseReference(v);
    }
    const { keys } = this.gate.write();
    const all = this.readAll(keys);
    const merged = { ...all[name], ...vars };
    if (Object.keys(merged).length > MAX_VARS) throw new KeystashError('invalid-input', `A profile holds at most ${MAX_VARS} variables.`);
    if (!all[name] && Object.keys(all).length >= MAX_PROFILES) throw new KeystashError('invalid-input', `The vault holds at most ${MAX_PROFILES} profiles.`);
    all[name] = merged;
    metaStore(this.db, keys).write(PROFILES_RECORD, all);
    return merged;
  }

  /** Removes the given variables, or the whole profile when none are given. */
  remove(name: string, vars: string[] = []): void {
    const { keys } = this.gate.write();
    const all = this.readAll(keys);
    const p = all[name];
    if (!p) throw new KeystashError('not-found', `No profile named ${quote(name)}.`);
    if (vars.length === 0) delete all[name];
    else {
      const missing = vars.filter((v) => !(v in p));
      if (missing.length > 0) throw new KeystashError('not-found', `Profile ${quote(name)} has no variable ${quote(missing[0] ?? '')}.`);
      for (const v of vars) delete p[v];
    }
    metaStore(this.db, keys).write(PROFILES_RECORD, all);
  }
}
