// Usage history: every unlock, lock, copy, reveal and change is an event. The kind, source,
// item id and time are plain (they order and filter); the details are encrypted and bound to
// the event's sequence number. Each event also carries an HMAC over its content and the
// previous event's MAC, so deleting, editing or reordering events is detectable.
import { createHmac } from 'node:crypto';
import { EVENT_KINDS, EVENT_SOURCES, type EventDetail, type EventKind, type EventSource, type VaultEvent } from '../../shared/domain';
import type { Db } from './vault-db';
import type { SessionKeys } from './session-keys';

interface EventRow {
  seq: number;
  at: number;
  kind: string;
  source: string;
  item_id: string | null;
  detail: Buffer;
  mac: Buffer;
}

export interface EventQuery {
  itemId?: string;
  kinds?: EventKind[];
  since?: number;
  until?: number;
  /** Only events older than this sequence number (for paging, newest first). */
  beforeSeq?: number;
  limit?: number;
}

export interface AppendEvent {
  kind: EventKind;
  source: EventSource;
  itemId?: string | null;
  detail?: EventDetail;
  at?: number;
}

const GENESIS_MAC = Buffer.alloc(32);

export function eventMac(macKey: Uint8Array, prevMac: Uint8Array, row: Omit<EventRow, 'mac'>): Buffer {
  const h = createHmac('sha256', macKey);
  h.update(prevMac);
  h.update(`|${row.seq}|${row.at}|${row.kind}|${row.source}|${row.item_id ?? ''}|`);
  h.update(row.detail);
  return h.digest();
}

export class EventLog {
  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
    private readonly now: () => number,
  ) {}

  /** Appends one event. Runs inside the caller's transaction when there is one. */
  append(e: AppendEvent): number {
    const write = this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, mac FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; mac: Buffer } | undefined;
      const seq = (last?.seq ?? 0) + 1;
      const row = {
        seq,
        at: e.at ?? this.now(),
        kind: e.kind,
        source: e.source,
        item_id: e.itemId ?? null,
        detail: this.keys.seal('event', seq, e.detail ?? {}),
      };
      const mac = eventMac(this.keys.eventMacKey, last?.mac ?? GENESIS_MAC, row);
      this.db
        .prepare('INSERT INTO events (seq, at, kind, source, item_id, detail, mac) VALUES (@seq, @at, @kind, @source, @item_id, @detail, @mac)')
        .run({ ...row, mac });
      return seq;
    });
    return this.db.inTransaction ? write() : write.immediate();
  }

  query(q: EventQuery = {}): VaultEvent[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.itemId !== undefined) {
      where.push('item_id = @itemId');
      params.itemId = q.itemId;
    }
    if (q.kinds && q.kinds.length > 0) {
      where.push(`kind IN (${q.kinds.map((_, i) => `@k${i}`).join(', ')})`);
      q.kinds.forEach((k, i) => (params[`k${i}`] = k));
    }
    if (q.since !== undefined) {
      where.push('at >= @since');
      params.since = q.since;
    }
    if (q.until !== undefined) {
      where.push('at <= @until');
      params.until = q.until;
    }
    if (q.beforeSeq !== undefined) {
      where.push('seq < @beforeSeq');
      params.beforeSeq = q.beforeSeq;
    }
    const sql = `SELECT seq, at, kind, source, item_id, detail FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${q.itemId !== undefined ? 'at DESC, seq DESC' : 'seq DESC'} LIMIT @limit`;
    params.limit = q.limit ?? 1000;
    const rows = this.db.prepare(sql).all(params) as EventRow[];
    return rows.map((r) => this.decode(r));
  }

  private decode(r: Omit<EventRow, 'mac'>): VaultEvent {
    const kind = (EVENT_KINDS as readonly string[]).includes(r.kind) ? (r.kind as EventKind) : 'cli-use';
    const source = (EVENT_SOURCES as readonly string[]).includes(r.source) ? (r.source as EventSource) : 'app';
    const detail = this.keys.open<EventDetail>('event', r.seq, r.detail, `Usage event #${r.seq}`);
    return { seq: r.seq, at: r.at, kind, source, itemId: r.item_id, detail };
  }

  /**
   * Walks the MAC chain from the first event. Returns the sequence number of the first event
   * whose MAC does not match (edited, deleted or reordered history), or null when intact.
   */
  firstBrokenLink(): number | null {
    let prev: Uint8Array = GENESIS_MAC;
    let expectedSeq = 1;
    for (const row of this.db.prepare('SELECT seq, at, kind, source, item_id, detail, mac FROM events ORDER BY seq').iterate() as IterableIterator<EventRow>) {
      if (row.seq !== expectedSeq) return expectedSeq;
      if (!eventMac(this.keys.eventMacKey, prev, row).equals(row.mac)) return row.seq;
      prev = row.mac;
      expectedSeq++;
    }
    return null;
  }
}
