// vault:* — status, create, unlock, lock, master-password change and KDF settings.
import { z } from 'zod';
import { kdfParamsSchema, type KdfParams } from '../domain';
import type { UnlockReport } from '../unlock-report';
import type { VaultStatus } from '../vault-status';
import { channel, empty, password, type DomainChannels } from './kit';

export const vaultChannels = {
  'vault:status': channel(empty).returns<VaultStatus>(),
  'vault:create': channel(z.object({ password, kdf: kdfParamsSchema.optional() }).strict()).returns<UnlockReport>(),
  'vault:unlock': channel(z.object({ password }).strict()).returns<UnlockReport>(),
  'vault:lock': channel(empty).returns<null>(),
  'vault:change-password': channel(z.object({ current: password, next: password, kdf: kdfParamsSchema.optional() }).strict()).returns<null>(),
  'vault:kdf-params': channel(empty).returns<KdfParams>(),
  'vault:measure-kdf': channel(z.object({ kdf: kdfParamsSchema }).strict()).returns<{ ms: number }>(),
} satisfies DomainChannels<'vault'>;
