// A change of preferences from the window. Settings that weaken protection (a longer
// auto-lock, a longer wait before the clipboard is cleared) need the master password, checked
// through the vault like an unlock (a wrong guess counts toward the unlock delay), so a
// compromised window cannot quietly keep the vault open or a copied secret on the clipboard.
// Making either shorter, and the theme, need nothing: they cannot help an attacker.
import type { Settings } from '../../../shared/settings';
import { KeystashError } from '../../core/errors';
import type { SettingsStore } from './settings.store';
import type { VaultService } from './vault.service';

export type SettingsChange = Partial<Settings> & { password?: string | undefined };

/** The settings in `patch` that would leave the vault less protected than `current`. */
export function weakenedBy(current: Settings, patch: Partial<Settings>): ('autoLockMinutes' | 'clipboardClearSeconds')[] {
  const out: ('autoLockMinutes' | 'clipboardClearSeconds')[] = [];
  if (patch.autoLockMinutes !== undefined && patch.autoLockMinutes > current.autoLockMinutes) out.push('autoLockMinutes');
  if (patch.clipboardClearSeconds !== undefined && patch.clipboardClearSeconds > current.clipboardClearSeconds) out.push('clipboardClearSeconds');
  return out;
}

const WHAT: Record<'autoLockMinutes' | 'clipboardClearSeconds', string> = {
  autoLockMinutes: 'lock later',
  clipboardClearSeconds: 'keep copies on the clipboard longer',
};

export async function changeSettings(store: SettingsStore, vault: VaultService, change: SettingsChange): Promise<Settings> {
  const { password, ...patch } = change;
  const weakened = weakenedBy(store.get(), patch);
  if (weakened.length > 0) {
    const what = weakened.map((k) => WHAT[k]).join(' and ');
    if (!password) throw new KeystashError('invalid-input', `Enter the master password to ${what}; nothing was changed.`);
    // `locked` while locked: the password can only be checked against an unlocked session.
    await vault.unlocked().masterPassword.verify(password);
  }
  return store.set(patch);
}
