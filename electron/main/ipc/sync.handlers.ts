// sync:* — set up, join, run, status, rename, revoke, and settling conflicts (services/sync.service.ts).
import type { Services } from '../services';
import { handlers } from './handler';

export function syncHandlers(s: Services) {
  return handlers<'sync'>({
    'sync:status': () => s.sync.view(),
    'sync:setup': (r) => s.sync.setup(r.target, r.deviceName, r.password),
    'sync:join': async (r) => {
      const result = await s.sync.join(r.target, r.deviceName, r.password);
      // As after an unlock: the rest of the history is checked in the background.
      s.historyCheck.start();
      return result;
    },
    'sync:join-progress': () => s.sync.joinProgress(),
    'sync:choose-folder': async () => {
      const path = await s.sync.chooseFolder();
      return path === null ? null : { path };
    },
    'sync:test-webdav': (r) => s.sync.testWebdav(r.url, r.user, r.password),
    'sync:run': () => s.sync.run(),
    'sync:rename': (r) => s.sync.rename(r.deviceName),
    'sync:revoke': (r) => s.sync.revoke(r.device, r.password),
    'sync:conflicts': () => s.sync.conflicts(),
    'sync:conflict': (r) => s.sync.conflict(r.id),
    'sync:resolve': (r) => s.sync.resolve(r.id, r.choice),
  });
}
