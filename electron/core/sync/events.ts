// Usage events travel with the batches, so every device's activity page shows every machine.
// A batch carries the events its device recorded since its previous batch, each under that
// device's own event number; the receiver appends them to its own tamper-evident log (so they
// are sealed and chained like local events) with the writing device's name in the details,
// and remembers, per device, the newest event number it took in: an event is taken in once,
// whatever is re-read or replayed. Two kinds of local event stay home: events that came from
// another device (they already reached everyone through their own device) and the `edit` /
// `import` events that record applying another device's changes (the change itself is the
// other device's event).
import { z } from 'zod';
import { EVENT_KINDS, EVENT_SOURCES, type EventDetail, type EventKind, type EventSource, type VaultEvent } from '../../../shared/domain';
import { KeystashError } from '../errors';
import type { EventLog } from '../history/event-log';
import type { Db } from '../vault/db';
import type { SyncState } from './ledger';

/** Events per batch: a device back from a long offline stretch sends its history in several batches. */
export const BATCH_EVENTS = 5000;

export const wireEventSchema = z
  .object({
    seq: z.number().int().min(1),
    at: z.number().int(),
    kind: z.enum(EVENT_KINDS),
    source: z.enum(EVENT_SOURCES),
    itemId: z.string().min(1).max(100).nullable(),
    detail: z.object({
      field: z.string().max(200).optional(),
      title: z.string().max(10_000).optional(),
      note: z.string().max(10_000).optional(),
      count: z.number().int().optional(),
    }),
  })
  .strict();

/** One usage event as a batch carries it; `seq` is its number in its own device's log. */
export interface WireEvent {
  seq: number;
  at: number;
  kind: EventKind;
  source: EventSource;
  itemId: string | null;
  detail: Pick<EventDetail, 'field' | 'title' | 'note' | 'count'>;
}

/** The note on the events that record applying another device's batch. */
export function syncedNote(deviceName: string): string {
  return `synced from “${deviceName}”`;
}

function staysHome(detail: EventDetail): boolean {
  return detail.device !== undefined || (detail.note?.startsWith('synced from “') ?? false);
}

function toWire(e: VaultEvent, seq: number): WireEvent {
  const { field, title, note, count } = e.detail;
  return {
    seq,
    at: e.at,
    kind: e.kind,
    source: e.source,
    itemId: e.itemId,
    detail: { ...(field !== undefined ? { field } : {}), ...(title !== undefined ? { title } : {}), ...(note !== undefined ? { note } : {}), ...(count !== undefined ? { count } : {}) },
  };
}

/** An event row decoded, or null when its details fail their check (unlock reports those; they are not spread). */
function decodedOrNull(log: EventLog, row: Parameters<EventLog['decode']>[0]): VaultEvent | null {
  try {
    return log.decode(row);
  } catch (err) {
    if (err instanceof KeystashError && err.code === 'integrity') return null;
    throw err;
  }
}

/**
 * Every synced event this device holds, by the device it happened on (this one included):
 * what a snapshot carries. Events pruned by retention are not there any more, nor sent.
 */
export function knownEvents(db: Db, log: EventLog, state: SyncState): Record<string, WireEvent[]> {
  const out: Record<string, WireEvent[]> = {};
  const add = (device: string, e: WireEvent): void => {
    (out[device] ??= []).push(e);
  };
  const rows = db.prepare('SELECT seq, at, kind, source, item_id, detail FROM events WHERE seq > ? ORDER BY seq').iterate(state.eventsFrom ?? 0) as IterableIterator<Parameters<EventLog['decode']>[0]>;
  for (const row of rows) {
    const e = decodedOrNull(log, row);
    if (!e) continue;
    if (e.detail.origin) add(e.detail.origin.device, toWire(e, e.detail.origin.seq));
    else if (!staysHome(e.detail) && e.seq <= (state.eventsSent ?? 0)) add(state.deviceId, toWire(e, e.seq));
  }
  return out;
}

/** The newest local event now: events up to it are not sent (they were recorded before sync started). */
export function newestEventSeq(db: Db): number {
  return (db.prepare('SELECT MAX(seq) FROM events').pluck().get() as number | null) ?? 0;
}

/**
 * This device's own events after `state.eventsSent`, up to BATCH_EVENTS of them, and how far
 * that looked. An event whose details fail their check is not spread (unlock reports it).
 */
export function ownEvents(db: Db, log: EventLog, state: SyncState): { events: WireEvent[]; lookedTo: number } {
  const from = state.eventsSent ?? newestEventSeq(db);
  const rows = db.prepare('SELECT seq, at, kind, source, item_id, detail FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(from, BATCH_EVENTS) as Parameters<EventLog['decode']>[0][];
  const events: WireEvent[] = [];
  for (const row of rows) {
    const e = decodedOrNull(log, row);
    if (!e || staysHome(e.detail)) continue;
    events.push(toWire(e, e.seq));
  }
  return { events, lookedTo: rows.at(-1)?.seq ?? from };
}

/**
 * Appends another device's events that this device has not taken in yet (by that device's
 * event numbers), in their order, with `name` as the device they happened on. Runs in the
 * caller's transaction; returns how many were new.
 */
export function takeEvents(log: EventLog, state: SyncState, device: string, name: string, events: readonly WireEvent[]): number {
  const seen = state.eventsSeen?.[device] ?? 0;
  const fresh = events.filter((e) => e.seq > seen).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return 0;
  log.appendMany(fresh.map((e) => ({ kind: e.kind, source: e.source, itemId: e.itemId, at: e.at, detail: { ...e.detail, device: name, origin: { device, seq: e.seq } } })));
  state.eventsSeen = { ...state.eventsSeen, [device]: fresh.at(-1)?.seq ?? seen };
  return fresh.length;
}
