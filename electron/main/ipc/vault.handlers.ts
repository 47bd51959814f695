// vault:* — create, unlock, lock, status and master-password/KDF management.
import { Vault } from '../../core/vault';
import type { Services } from '../services';
import { handler, type HandlerMap } from './handler';

type VaultChannel = 'vault:status' | 'vault:create' | 'vault:unlock' | 'vault:lock' | 'vault:change-password' | 'vault:kdf-params' | 'vault:measure-kdf';

export function vaultHandlers(s: Services): HandlerMap<VaultChannel> {
  return {
    'vault:status': handler('vault:status', () => s.vault.status()),
    'vault:create': handler('vault:create', (r) => s.vault.create(r.password, r.kdf)),
    'vault:unlock': handler('vault:unlock', (r) => s.vault.unlock(r.password)),
    'vault:lock': handler('vault:lock', async () => {
      await s.lock('manual');
      return null;
    }),
    'vault:change-password': handler('vault:change-password', async (r) => {
      await s.vault.unlocked().changePassword(r.current, r.next, r.kdf);
      return null;
    }),
    'vault:kdf-params': handler('vault:kdf-params', () => s.vault.opened().kdfParams()),
    'vault:measure-kdf': handler('vault:measure-kdf', async (r) => ({ ms: Math.round(await Vault.measureKdf(r.kdf)) })),
  };
}
