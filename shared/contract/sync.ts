// sync:* — set up sync through a folder or WebDAV, run it, its status and devices, revoking a
// device, settling an item's conflict, and joining a target as a new machine's vault. Setting up,
// joining and revoking carry the master password.
import { z } from 'zod';
import { CONFLICT_CHOICES, type ItemConflict, type JoinProgress, type JoinResult, type SyncReport, type SyncView } from '../sync';
import { byId, channel, empty, id, password, type DomainChannels } from './kit';

const deviceName = z.string().trim().min(1, 'Give this device a name').max(100);
const webdav = z
  .object({
    url: z.string().trim().url('Enter the WebDAV folder’s address (https://…)').max(2000),
    user: z.string().max(500),
    password: z.string().max(1024),
  })
  .strict();
const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), path: z.string().trim().min(1, 'Choose a folder').max(4096) }).strict(),
  webdav.extend({ kind: z.literal('webdav') }).strict(),
]);

export const syncChannels = {
  'sync:status': channel(empty).returns<SyncView>(),
  'sync:setup': channel(z.object({ target, deviceName, password }).strict()).returns<SyncReport>(),
  /** First run on a new machine: create this vault from a target another device syncs to, unlocked. */
  'sync:join': channel(z.object({ target, deviceName, password }).strict()).returns<JoinResult>(),
  'sync:join-progress': channel(empty).returns<JoinProgress | null>(),
  /** The OS folder dialog for a folder target; null when cancelled. */
  'sync:choose-folder': channel(empty).returns<{ path: string } | null>(),
  'sync:test-webdav': channel(webdav).returns<null>(),
  'sync:run': channel(empty).returns<SyncReport>(),
  'sync:rename': channel(z.object({ deviceName }).strict()).returns<null>(),
  'sync:revoke': channel(z.object({ device: id, password }).strict()).returns<null>(),
  'sync:conflicts': channel(empty).returns<ItemConflict[]>(),
  /** One item's conflict, for its own page (null when it has none). */
  'sync:conflict': channel(byId).returns<ItemConflict | null>(),
  'sync:resolve': channel(byId.extend({ choice: z.enum(CONFLICT_CHOICES) }).strict()).returns<null>(),
} satisfies DomainChannels<'sync'>;
