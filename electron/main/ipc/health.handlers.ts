// health:* — the vault health report, a running check's progress, and the API keys due for
// rotation or expiring.
import type { Services } from '../services';
import { handlers } from './handler';

export function healthHandlers(s: Services) {
  return handlers<'health'>({
    'health:report': () => s.health.report(),
    'health:progress': () => s.health.progress(),
    'health:due-keys': () => s.health.dueKeys(),
  });
}
