// The content of a change batch once it has opened: who wrote it, when, and the item changes.
// Parsed with zod although it authenticated: a device with the key could still run a buggy or
// newer Keystash, and a batch that does not parse is quarantined, never half-applied.
import { z } from 'zod';
import { HISTORY_FIELDS } from '../../../shared/domain';
import { EPOCH } from './batch-file';
import type { KeyWrap } from './device-keys';
import { isStamp } from './hlc';
import { BATCH_EVENTS, wireEventSchema, type WireEvent } from './events';
import { SYNC_FIELDS, type WireChange } from './item-merge';

const stamp = z.string().refine(isStamp, 'not a clock stamp');
const fieldStamp = z.tuple([stamp, z.union([z.literal(''), stamp])]);
const id = z.string().min(1).max(100);

const wireItem = z
  .object({
    kind: z.literal('item'),
    id,
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    values: z.record(z.enum(SYNC_FIELDS), z.unknown()),
    stamps: z.record(z.enum(SYNC_FIELDS), fieldStamp),
    changed: z.array(z.enum(SYNC_FIELDS)).min(1),
    history: z.array(z.object({ field: z.enum(HISTORY_FIELDS), value: z.string(), changedAt: z.number().int() }).strict()).max(1000),
  })
  .strict();

const wirePurge = z.object({ kind: z.literal('purge'), id, stamp }).strict();

const keyWrap = z.object({ ephemeral: z.base64().max(200), sealed: z.base64().max(200) }).strict();
const passwordChange = z.object({ stamp, envelope: z.base64().max(100_000) }).strict();
const rotation = z
  .object({ epoch: z.string().regex(EPOCH), revoked: z.array(z.uuid()).max(1000), wraps: z.record(z.uuid(), keyWrap), passwordChange: passwordChange.optional() })
  .strict();

export const batchBodySchema = z
  .object({
    name: z.string().max(200),
    at: z.number().int(),
    publicKey: z.base64().max(200).optional(),
    rotation: rotation.optional(),
    changes: z.array(z.discriminatedUnion('kind', [wireItem, wirePurge])),
    /** The writer's usage events since its previous batch (absent in batches of earlier versions). */
    events: z.array(wireEventSchema).max(BATCH_EVENTS).optional(),
  })
  .strict()
  .refine((b) => new Set(b.changes.map((c) => c.id)).size === b.changes.length, 'an item appears twice');

export interface BatchBody {
  /** The writing device's name when it wrote the batch. */
  name: string;
  /** Its clock when it wrote the batch (ms). */
  at: number;
  /** The writer's X25519 public key (device-keys.ts). */
  publicKey?: string;
  /**
   * A new sync key (a revocation, or a master-password change): the new epoch's key wrapped to
   * each device that stays. Sealed under the old key. A password change also carries its clock
   * stamp (the newest change wins on every device) and the new key's envelope under the new
   * password (base64), which the other devices hand their vault key over to.
   */
  rotation?: { epoch: string; revoked: string[]; wraps: Record<string, KeyWrap>; passwordChange?: { stamp: string; envelope: string } };
  changes: WireChange[];
  /** The writer's own usage events since its previous batch, by its own event numbers (events.ts). */
  events?: WireEvent[];
}

export function parseBatchBody(body: unknown): BatchBody | null {
  const r = batchBodySchema.safeParse(body);
  return r.success ? (r.data as BatchBody) : null;
}
