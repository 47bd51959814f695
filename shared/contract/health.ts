// health:* — the vault health report and the API keys due for rotation or expiring.
import type { DueKey, HealthReply } from '../health';
import { channel, empty, type DomainChannels } from './kit';

export const healthChannels = {
  'health:report': channel(empty).returns<HealthReply>(),
  'health:due-keys': channel(empty).returns<DueKey[]>(),
} satisfies DomainChannels<'health'>;
