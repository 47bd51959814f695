// health:* — the vault health report, how far a running check is, and the API keys due for
// rotation or expiring.
import type { DueKey, HealthProgress, HealthReply } from '../health';
import { channel, empty, type DomainChannels } from './kit';

export const healthChannels = {
  'health:report': channel(empty).returns<HealthReply>(),
  'health:progress': channel(empty).returns<HealthProgress | null>(),
  'health:due-keys': channel(empty).returns<DueKey[]>(),
} satisfies DomainChannels<'health'>;
