// Usage history: every unlock, lock, copy, reveal and change is an event. The kind, source,
// item id and time are plain (they order and filter); the details are encrypted and bound to
// the event's sequence number. Each event also carries an HMAC over its content and the
// previous event's MAC, and an authenticated head record names the newest event, so
// deleting, editing or reordering events, or cutting off the newest ones, is detectable.
import { EVENT_KINDS, EVENT_SOURCES, type EventDetail, type EventKind, type EventSource, type VaultEvent } from '../../../shared/domain';
import { ChainRecords, type ChainPoint } from './chain-records';
import { verifyChain } from './chain-verify';
import { whereClause, type EventFilter } from './event-filter';
import { eventMac, GENESIS_MAC } from './event-mac';
import { Rollups } from './rollups';
import type Database from 'better-sqlite3';
import type { Db } from '../vault/db';
import type { SessionKeys } from '../vault/session-keys';

export { eventMac } from './event-mac';

interface EventRow {
  seq: number;
  at: number;
  kind: string;
  source: string;
  item_id: string | null;
  detail: Buffer;
  mac: Buffer;
}

export interface EventQuery extends EventFilter {
  limit?: number;
}

export interface AppendEvent {
  kind: EventKind;
  source: EventSource;
  itemId?: string | null;
  detail?: EventDetail;
  at?: number;
}

export class EventLog {
  readonly records: ChainRecords;
  readonly rollups: Rollups;
  private readonly lastRow: Database.Statement<[], ChainPoint>;
  private readonly insert: Database.Statement<[EventRow]>;

  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
    private readonly now: () => number,
  ) {
    this.records = new ChainRecords(db, keys);
    this.rollups = new Rollups(db);
    this.lastRow = db.prepare('SELECT seq, mac FROM events ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare('INSERT INTO events (seq, at, kind, source, item_id, detail, mac) VALUES (@seq, @at, @kind, @source, @item_id, @detail, @mac)');
  }

  /**
   * Where the next event links on. The authenticated head wins over the table, so events
   * appended after a truncated tail still leave the gap visible. Without a valid head (never
   * written, or damaged) the newest row, then the pruning anchor, then genesis is used; the
   * unlock check has already reported the problem by then.
   */
  private tip(): ChainPoint & { nextSeq: number; alarm: boolean } {
    const last = this.lastRow.get();
    const head = this.records.read('history-head');
    if (head.state === 'ok') return { ...head.point, nextSeq: Math.max(head.point.seq, last?.seq ?? 0) + 1, alarm: head.alarm };
    if (last) return { ...last, nextSeq: last.seq + 1, alarm: false };
    const anchor = this.records.read('history-anchor');
    if (anchor.state === 'ok') return { ...anchor.point, nextSeq: anchor.point.seq + 1, alarm: false };
    return { seq: 0, mac: GENESIS_MAC, nextSeq: 1, alarm: false };
  }

  /** The head as stored (alarm bit included), for the alarm and this machine's witness. */
  head(): ReturnType<ChainRecords['read']> {
    return this.records.read('history-head');
  }

  /** Appends one event. Runs inside the caller's transaction when there is one. */
  append(e: AppendEvent): number {
    const seqs = this.appendMany([e]);
    return seqs[0] ?? 0;
  }

  /** Appends events in order in one transaction, moving the head once. */
  appendMany(events: readonly AppendEvent[]): number[] {
    const write = this.db.transaction(() => {
      const tip = this.tip();
      let prev: Buffer = tip.mac;
      let seq = tip.nextSeq;
      const seqs: number[] = [];
      const rows: { at: number; kind: string; item_id: string | null }[] = [];
      for (const e of events) {
        const row = {
          seq,
          at: e.at ?? this.now(),
          kind: e.kind,
          source: e.source,
          item_id: e.itemId ?? null,
          detail: this.keys.seal('event', seq, e.detail ?? {}),
        };
        prev = eventMac(this.keys.eventMacKey, prev, row);
        this.insert.run({ ...row, mac: prev });
        rows.push(row);
        seqs.push(seq);
        seq++;
      }
      // An unacknowledged alarm rides along with every new head until the user clears it.
      if (seqs.length > 0) this.records.write('history-head', { seq: seq - 1, mac: prev }, tip.alarm);
      this.rollups.apply(rows, 1);
      return seqs;
    });
    return this.db.inTransaction ? write() : write.immediate();
  }

  query(q: EventQuery = {}): VaultEvent[] {
    const w = whereClause(q);
    const sql = `SELECT seq, at, kind, source, item_id, detail FROM events ${w.sql}
      ORDER BY ${q.itemId !== undefined ? 'at DESC, seq DESC' : 'seq DESC'} LIMIT @limit`;
    const rows = this.db.prepare(sql).all({ ...w.params, limit: q.limit ?? 1000 }) as EventRow[];
    return rows.map((r) => this.decode(r));
  }

  /** How many events match; plain columns only, nothing is decrypted. */
  count(f: EventFilter = {}): number {
    const w = whereClause(f);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM events ${w.sql}`).get(w.params) as { n: number }).n;
  }

  decode(r: Omit<EventRow, 'mac'>): VaultEvent {
    const detail = this.keys.open<EventDetail>('event', r.seq, r.detail, `Usage event #${r.seq}`);
    return this.shape(r, detail);
  }

  /** Like decode, but a damaged event keeps its plain columns and says so instead of failing a whole page. */
  decodeLenient(r: Omit<EventRow, 'mac'>): VaultEvent {
    const detail = this.keys.tryOpen<EventDetail>('event', r.seq, r.detail) ?? { note: 'The details of this event failed their integrity check.' };
    return this.shape(r, detail);
  }

  private shape(r: Omit<EventRow, 'mac' | 'detail'>, detail: EventDetail): VaultEvent {
    const kind = (EVENT_KINDS as readonly string[]).includes(r.kind) ? (r.kind as EventKind) : 'cli-use';
    const source = (EVENT_SOURCES as readonly string[]).includes(r.source) ? (r.source as EventSource) : 'app';
    return { seq: r.seq, at: r.at, kind, source, itemId: r.item_id, detail };
  }

  /**
   * Walks the whole MAC chain. Returns the sequence number of the first event that is
   * edited, missing, out of place or cut off, or null when the history is intact.
   */
  firstBrokenLink(): number | null {
    const report = verifyChain(this.db, this.keys.eventMacKey, this.records, { mode: 'full', now: this.now });
    return report.problems[0]?.seq ?? null;
  }
}
