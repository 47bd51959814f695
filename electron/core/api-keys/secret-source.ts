// Where `read`, `inject`, `run` and `env` get secret values from: the unlocked vault of this
// process (or of the CLI's agent), or the desktop app when it answers for the vault
// (electron/main/services/cli-bridge.service.ts). Both run the same functions below on a
// Vault, so the app is not a second implementation; every value handed out is logged, as a
// use by the CLI (source `cli`) whichever process holds the vault.
import type { EventSource } from '../../../shared/domain';
import { KeystashError } from '../errors';
import type { Vault } from '../vault';
import { bindingsFor, fetchSecrets } from './bindings';
import { parseReference, resolveReference } from './references';

export interface SecretSource {
  /** The values the references name, in order; each logged as a use of its item and field. */
  resolve(refs: string[], note: string): Promise<string[]>;
  /** The variables `--env` specs bind (VAR=ITEM[.field], ITEM, key sets expanded); each logged. */
  envVars(specs: string[], name: string | undefined, note: string): Promise<Record<string, string>>;
  /** A profile's variables and the references they hold (no secret: nothing logged). */
  profile(name: string): Promise<Record<string, string>>;
}

/** The ITEM argument → an id: id, unique id prefix (4+ characters) or title. */
export function resolveItemRef(vault: Vault, ref: string, opts: { includeTrash?: boolean } = {}): string {
  // A damaged item is missing from the index; say so instead of "not found".
  const damaged = vault.items.damagedIds().find((id) => id === ref || (ref.length >= 4 && id.startsWith(ref)));
  if (damaged) {
    throw new KeystashError('integrity', `Item ${damaged} failed its integrity check: the stored data was altered or moved.`, { itemIds: [damaged] });
  }
  return vault.items.resolve(ref, opts);
}

/** `source`: who the use is logged for, when not the vault's own (the app answering the CLI logs `cli`). */
export function resolveRefs(vault: Vault, refs: string[], note: string, source?: EventSource): string[] {
  const resolve = (item: string): string => resolveItemRef(vault, item);
  return refs.map((r) => resolveReference(vault.items, parseReference(r), resolve, note, Date.now(), source));
}

export function envVarsFrom(vault: Vault, specs: string[], name: string | undefined, note: string, source?: EventSource): Record<string, string> {
  const resolve = (item: string): string => resolveItemRef(vault, item);
  return fetchSecrets(vault.items, specs.flatMap((spec) => bindingsFor(vault.items, spec, resolve, name)), note, source);
}

export function vaultSecrets(vault: Vault): SecretSource {
  return {
    resolve: (refs, note) => Promise.resolve(resolveRefs(vault, refs, note)),
    envVars: (specs, name, note) => Promise.resolve(envVarsFrom(vault, specs, name, note)),
    profile: (name) => Promise.resolve(vault.profiles.get(name)),
  };
}
