// A snapshot: one device's merged state as of its own batch `seq`, sealed like a batch
// (batch-file.ts, kind 'snapshot': its own magic and AAD, so a batch can never pass for a
// snapshot or the other way round). It says how far it covers every device's log, so a device
// that reads it continues each log after that point, and it carries every live item with its
// field stamps and password history, the purged ids, and the usage events that device knows,
// by the device they happened on. Parsed with zod like a batch body; one that does not parse
// is quarantined.
import { z } from 'zod';
import { HISTORY_FIELDS } from '../../../shared/domain';
import { isStamp } from './hlc';
import { wireEventSchema, type WireEvent } from './events';
import { SYNC_FIELDS, type FieldStamp, type SyncField } from './item-merge';
import type { PasswordHistoryEntry } from '../../../shared/domain';

const stamp = z.string().refine(isStamp, 'not a clock stamp');
const fieldStamp = z.tuple([stamp, z.union([z.literal(''), stamp])]);
const id = z.string().min(1).max(100);

const snapshotItem = z
  .object({
    id,
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    values: z.record(z.enum(SYNC_FIELDS), z.unknown()),
    stamps: z.record(z.enum(SYNC_FIELDS), fieldStamp),
    history: z.array(z.object({ field: z.enum(HISTORY_FIELDS), value: z.string(), changedAt: z.number().int() }).strict()).max(1000),
  })
  .strict();

const covered = z
  .object({
    seq: z.number().int().min(0),
    digest: z.string().max(100),
    name: z.string().max(200),
    lastSeenAt: z.number().int().nullable(),
    publicKey: z.base64().max(200).optional(),
  })
  .strict();

export const snapshotBodySchema = z
  .object({
    name: z.string().max(200),
    at: z.number().int(),
    covers: z.record(z.uuid(), covered),
    revoked: z.array(z.uuid()).max(1000),
    items: z.array(snapshotItem),
    purged: z.array(id),
    events: z.record(z.uuid(), z.array(wireEventSchema)),
  })
  .strict()
  .refine((b) => new Set(b.items.map((i) => i.id)).size === b.items.length, 'an item appears twice');

export interface SnapshotItem {
  id: string;
  createdAt: number;
  updatedAt: number;
  values: Record<SyncField, unknown>;
  stamps: Record<SyncField, FieldStamp>;
  history: PasswordHistoryEntry[];
}

export interface SnapshotBody {
  /** The writer's name and clock when it wrote the snapshot. */
  name: string;
  at: number;
  /** How far it covers each device's log (the writer's own included): the last batch, its digest, and what the writer knew of the device. */
  covers: Record<string, { seq: number; digest: string; name: string; lastSeenAt: number | null; publicKey?: string }>;
  revoked: string[];
  items: SnapshotItem[];
  purged: string[];
  /** Usage events by the device they happened on, under that device's event numbers. */
  events: Record<string, WireEvent[]>;
}

export function parseSnapshotBody(body: unknown): SnapshotBody | null {
  const r = snapshotBodySchema.safeParse(body);
  return r.success ? (r.data as SnapshotBody) : null;
}
