// vault.activity: the usage history as the activity page, the CLI and the benchmark see it:
// pages and counts over filters, lazy search over decrypted details, chart aggregates,
// unusual-activity flags, the tamper-evidence check, retention and export. What it decrypts
// (the search's details, the last check) belongs to the session and goes with it at lock;
// every call goes through the session gate, so after lock each one fails with `locked`.
import type { ItemType, ListedItem, VaultEvent } from '../../../shared/domain';
import type {
  ActivityCharts,
  ActivityFlag,
  ChainReport,
  ChartsQuery,
  HistoryExportFormat,
  HistoryFilter,
  HistoryPageQuery,
  HistorySearchQuery,
  HistorySearchResult,
  HistoryStatus,
  Retention,
} from '../../../shared/history';
import type { EventLog } from './event-log';
import type { Items } from '../items/items';
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { DEFAULT_BURST, flaggedWindows } from './alerts';
import { ChainCheck } from './chain-check';
import { FullCheckWalk } from './full-check';
import type { DetailIndex } from './detail-index';
import { whereClause, type EventFilter } from './event-filter';
import { exportHistory } from './history-export';
import { pruneBefore, readRetention, retentionCutoff, writeRetention } from './retention';
import { QUARTER_MS } from './rollups';
import { countFromRollups, dayWindow, mostUsed, perDay, sparkline } from './stats';

/** What the history needs to know about items, from the decrypted index. */
export interface ItemLookup {
  /** The item as the list holds it (from memory, no decryption), or null once purged. */
  listed(id: string): ListedItem | null;
  idsOfType(type: ItemType): string[];
}

/** What the activity view needs from the unlocked session (vault/session.ts). */
export interface ActivitySession {
  readonly keys: SessionKeys;
  readonly events: EventLog;
  /** The search's decrypted event details. */
  readonly details: DetailIndex;
  lastCheck: ChainReport | null;
}

const SEARCH_BUDGET_MS = 120;
const FETCH_CHUNK = 500;
const DAY_MS = 86_400_000;

export class Activity {
  private readonly chain: ChainCheck;

  constructor(
    private readonly db: Db,
    private readonly gate: Gate<ActivitySession>,
    private readonly now: () => number,
    private readonly items: ItemLookup,
    /** This machine's folder for the history witness (the user-data folder); none in bare core use. */
    stateDir?: string,
  ) {
    this.chain = new ChainCheck(db, now, stateDir);
  }

  /** The last check of the history chain: the one at unlock, or a later verify(). */
  get lastCheck(): ChainReport | null {
    return this.gate.read().lastCheck;
  }

  /** Turns the shared filter into SQL terms; an item type becomes the ids of that type. */
  private resolve(f: HistoryFilter): EventFilter {
    const { itemType, itemId, ...rest } = f;
    if (!itemType) return itemId !== undefined ? { ...rest, itemId } : rest;
    const ids = this.items.idsOfType(itemType);
    return { ...rest, itemIds: itemId !== undefined ? ids.filter((x) => x === itemId) : ids };
  }

  /** One page, newest first; a damaged event shows as such instead of failing the page. */
  page(q: HistoryPageQuery): VaultEvent[] {
    const s = this.gate.read();
    const { beforeSeq, limit, ...f } = q;
    return this.rows(s, this.resolve(f), beforeSeq, limit ?? 200);
  }

  private rows(s: ActivitySession, f: EventFilter, beforeSeq: number | undefined, limit: number, extraSeqs?: number[]): VaultEvent[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (extraSeqs) {
      where.push('seq IN (SELECT value FROM json_each(@seqs))');
      params.seqs = JSON.stringify(extraSeqs);
    }
    const w = whereClause({ ...f, ...(beforeSeq !== undefined ? { beforeSeq } : {}) }, where);
    // One item's events come straight off the (item_id, at) index in time order, which is
    // append order unless the clock went back; anything else pages by seq.
    const order = f.itemId !== undefined ? 'at DESC, seq DESC' : 'seq DESC';
    const rows = this.db
      .prepare(`SELECT seq, at, kind, source, item_id, detail FROM events ${w.sql} ORDER BY ${order} LIMIT @limit`)
      .all({ ...w.params, ...params, limit }) as Parameters<EventLog['decodeLenient']>[0][];
    return rows.map((r) => s.events.decodeLenient(r));
  }

  /**
   * How many events match. Without item or source filters the chart counts answer it (exact
   * when the date range starts and ends on quarter-hours, as the page's day ranges do), so the
   * virtual list learns its length without scanning a million rows.
   */
  count(f: HistoryFilter = {}): number {
    const s = this.gate.read();
    const rf = this.resolve(f);
    if (Object.keys(rf).length === 0) {
      // Sequence numbers are contiguous (the chain check reports any gap), so no scan is needed.
      // Two subqueries: SQLite answers a lone MIN or MAX from the rowid b-tree, but not both at once.
      const r = this.db.prepare('SELECT (SELECT MIN(seq) FROM events) AS lo, (SELECT MAX(seq) FROM events) AS hi').get() as { lo: number | null; hi: number | null };
      return r.lo === null || r.hi === null ? 0 : r.hi - r.lo + 1;
    }
    const aligned = (t: number | undefined, end: boolean): boolean => t === undefined || (t + (end ? 1 : 0)) % QUARTER_MS === 0;
    if (rf.itemId === undefined && rf.itemIds === undefined && rf.source === undefined && aligned(rf.since, false) && aligned(rf.until, true)) {
      return countFromRollups(this.db, rf);
    }
    return s.events.count(rf);
  }

  /**
   * Events whose title, field or note contain every word of `text`, newest first. Searches as
   * far back as the index reaches after a short indexing budget; call again while
   * `complete` is false to search further back.
   */
  search(q: HistorySearchQuery, budgetMs = SEARCH_BUDGET_MS): HistorySearchResult {
    const s = this.gate.read();
    const { text, beforeSeq, limit = 200, ...f } = q;
    const { low, complete } = s.details.extend(budgetMs);
    const seqs = s.details.matching(text, beforeSeq);
    const filter = this.resolve(f);
    const out: VaultEvent[] = [];
    for (let i = 0; i < seqs.length && out.length < limit; i += FETCH_CHUNK) {
      out.push(...this.rows(s, filter, undefined, limit - out.length, seqs.slice(i, i + FETCH_CHUNK)));
    }
    return { events: out, searchedDownTo: low, complete };
  }

  charts(q: ChartsQuery = {}): ActivityCharts {
    const s = this.gate.read();
    const now = this.now();
    const w = dayWindow(now, q.days ?? 90, q.tzOffsetMinutes ?? 0);
    const since = w.firstDay * DAY_MS - w.offsetMs;
    const topItems = mostUsed(this.db, since, q.top ?? 10).map(({ itemId, count }) => {
      const listed = this.items.listed(itemId);
      if (listed) return { itemId, count, title: listed.title, type: listed.type, exists: true };
      // Purged: its last event still carries the title it had.
      const last = this.rows(s, { itemIds: [itemId] }, undefined, 1)[0];
      return { itemId, count, title: last?.detail.title ?? itemId, type: null, exists: false };
    });
    return { perDay: perDay(this.db, w), topItems };
  }

  /** Exports and bursts of use over the last `days` days, newest first. */
  flags(days = 90): ActivityFlag[] {
    this.gate.read();
    return flaggedWindows(this.db, this.now() - days * DAY_MS, DEFAULT_BURST);
  }

  sparkline(itemId: string, days = 30, tzOffsetMinutes = 0): number[] {
    this.gate.read();
    return sparkline(this.db, itemId, dayWindow(this.now(), days, tzOffsetMinutes));
  }

  verify(mode: 'incremental' | 'full'): ChainReport {
    return this.chain.run(this.gate.read(), mode);
  }

  /** The user has read the standing findings: clears the alarm (history-alarm.ts). */
  acknowledge(): ChainReport {
    return this.chain.acknowledge(this.gate.write());
  }

  /** Starts the whole-chain check in slices; drive it with continueFullCheck(). */
  startFullCheck(): FullCheckWalk {
    const s = this.gate.read();
    return new FullCheckWalk(this.db, s.keys.eventMacKey, s.events.records);
  }

  /** Walks on for about `budgetMs`: null while there is more, else the report (also lastCheck). `locked` after lock. */
  continueFullCheck(walk: FullCheckWalk, budgetMs: number): ChainReport | null {
    return this.chain.continue(this.gate.read(), walk, budgetMs);
  }

  /** Remembers the current head as seen by this machine (at unlock, and at lock with the closing session). */
  rememberHead(s: ActivitySession = this.gate.read()): void {
    this.chain.rememberHead(s);
  }

  retention(): Retention {
    return readRetention(this.db, this.gate.read().keys);
  }

  /** Stores the setting and prunes right away; returns how many events were deleted. */
  setRetention(r: Retention): number {
    const s = this.gate.write();
    writeRetention(this.db, s.keys, r);
    return this.pruneIn(s);
  }

  /**
   * Applies the retention setting (unlock does, after its check). Not refused during an
   * import: an unlock may come before an import the lock abandoned has wound down.
   */
  prune(): number {
    return this.pruneIn(this.gate.read());
  }

  /**
   * Never prunes a history that failed its last check or has a standing alarm; the prune
   * itself verifies every event it would delete, and an event that fails there is reported by
   * a full check (so a backdated event is flagged, not pruned).
   */
  private pruneIn(s: ActivitySession): number {
    if (s.lastCheck && !s.lastCheck.ok) return 0;
    const cutoff = retentionCutoff(readRetention(this.db, s.keys), this.now());
    if (cutoff === null) return 0;
    const r = pruneBefore(this.db, s.keys.eventMacKey, s.events.records, s.events.rollups, cutoff);
    if (r.brokenAt !== null) this.chain.run(s, 'full');
    return r.pruned;
  }

  /** Writes the (filtered) log to a new 0600 file and records the export. */
  exportTo(file: string, format: HistoryExportFormat, f: HistoryFilter, source: VaultEvent['source']): number {
    const s = this.gate.write();
    const n = exportHistory(s.events, this.resolve(f), format, file);
    s.events.append({ kind: 'export', source, detail: { note: `activity log as ${format.toUpperCase()}`, count: n } });
    return n;
  }

  status(): HistoryStatus {
    const s = this.gate.read();
    const since = this.now() - 30 * DAY_MS;
    const failed = this.db
      .prepare("SELECT at FROM events WHERE kind = 'unlock-failed' AND at >= ? ORDER BY at DESC LIMIT 50")
      .all(since) as { at: number }[];
    return { total: s.events.count(), retention: readRetention(this.db, s.keys), lastCheck: s.lastCheck, recentFailedUnlocks: failed.map((r) => r.at) };
  }
}

/** The item lookups the history needs, over vault.items (the list in memory). */
export function itemLookup(items: Pick<Items, 'listedItem' | 'list'>): ItemLookup {
  return {
    listed(id) {
      try {
        return items.listedItem(id);
      } catch {
        return null;
      }
    },
    idsOfType(type) {
      return [...items.list({ type }), ...items.list({ type, trash: true })].map((s) => s.id);
    },
  };
}
