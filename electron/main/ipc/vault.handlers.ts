// vault:* — create, unlock, lock, status and master-password/KDF management.
import { earlierFindings } from '../../../shared/history';
import { Vault } from '../../core/vault';
import type { Services } from '../services';
import { handlers } from './handler';

export function vaultHandlers(s: Services) {
  return handlers<'vault'>({
    'vault:status': () => s.vault.status(),
    'vault:create': (r) => s.vault.create(r.password, r.kdf),
    'vault:unlock': async (r) => {
      const report = await s.vault.unlock(r.password);
      // The unlock checked what was added since the last check; the rest is walked in the background.
      s.historyCheck.start();
      // A vault that syncs pulls what the other devices wrote meanwhile, then keeps syncing.
      s.sync.start();
      // What the unlock's history check found (and any alarm still standing) goes to the unlock notice.
      const check = s.vault.unlocked().activity.lastCheck;
      const historyProblems = check && !check.ok ? [...check.problems, ...earlierFindings(check)].map((p) => p.message) : [];
      return historyProblems.length > 0 ? { ...report, historyProblems } : report;
    },
    'vault:lock': async () => {
      await s.lock('manual');
      return null;
    },
    'vault:change-password': async (r) => {
      await s.vault.unlocked().masterPassword.change(r.current, r.next, r.kdf);
      // A synced vault queued the change for its other devices: send it soon.
      s.sync.nudge();
      return null;
    },
    'vault:kdf-params': () => s.vault.opened().kdfParams(),
    'vault:measure-kdf': async (r) => ({ ms: Math.round(await Vault.measureKdf(r.kdf)) }),
  });
}
