// vault:* — create, unlock, lock, status and master-password/KDF management.
import { Vault } from '../../core/vault';
import type { Services } from '../services';
import { handlers } from './handler';

export function vaultHandlers(s: Services) {
  return handlers<'vault'>({
    'vault:status': () => s.vault.status(),
    'vault:create': (r) => s.vault.create(r.password, r.kdf),
    'vault:unlock': (r) => s.vault.unlock(r.password),
    'vault:lock': async () => {
      await s.lock('manual');
      return null;
    },
    'vault:change-password': async (r) => {
      await s.vault.unlocked().masterPassword.change(r.current, r.next, r.kdf);
      return null;
    },
    'vault:kdf-params': () => s.vault.opened().kdfParams(),
    'vault:measure-kdf': async (r) => ({ ms: Math.round(await Vault.measureKdf(r.kdf)) }),
  });
}
