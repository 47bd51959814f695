// The usage history of one unlocked vault, as the activity page, the CLI and the benchmark
// see it: pages and counts over filters, lazy search over decrypted details, chart
// aggregates, unusual-activity flags, the tamper-evidence check, retention and export.
// Created at unlock and dropped at lock together with everything it decrypted.
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
import type { ItemStore } from '../items/store';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { DEFAULT_BURST, flaggedWindows } from './alerts';
import { verifyChain } from './chain-verify';
import { DetailIndex } from './detail-index';
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

const SEARCH_BUDGET_MS = 120;
const FETCH_CHUNK = 500;
const DAY_MS = 86_400_000;

export class Activity {
  private readonly index: DetailIndex;
  lastCheck: ChainReport | null = null;

  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
    private readonly events: EventLog,
    private readonly now: () => number,
    private readonly items: ItemLookup,
    searchChunk?: number,
  ) {
    this.index = new DetailIndex(db, keys, searchChunk);
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
    const { beforeSeq, limit, ...f } = q;
    return this.rows(this.resolve(f), beforeSeq, limit ?? 200);
  }

  private rows(f: EventFilter, beforeSeq: number | undefined, limit: number, extraSeqs?: number[]): VaultEvent[] {
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
    return rows.map((r) => this.events.decodeLenient(r));
  }

  /**
   * How many events match. Without item or source filters the chart counts answer it (exact
   * when the date range starts and ends on quarter-hours, as the page's day ranges do), so the
   * virtual list learns its length without scanning a million rows.
   */
  count(f: HistoryFilter = {}): number {
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
    return this.events.count(rf);
  }

  /**
   * Events whose title, field or note contain every word of `text`, newest first. Searches as
   * far back as the index reaches after a short indexing budget; call again while
   * `complete` is false to search further back.
   */
  search(q: HistorySearchQuery, budgetMs = SEARCH_BUDGET_MS): HistorySearchResult {
    const { text, beforeSeq, limit = 200, ...f } = q;
    const { low, complete } = this.index.extend(budgetMs);
    const seqs = this.index.matching(text, beforeSeq);
    const filter = this.resolve(f);
    const out: VaultEvent[] = [];
    for (let i = 0; i < seqs.length && out.length < limit; i += FETCH_CHUNK) {
      out.push(...this.rows(filter, undefined, limit - out.length, seqs.slice(i, i + FETCH_CHUNK)));
    }
    return { events: out, searchedDownTo: low, complete };
  }

  charts(q: ChartsQuery = {}): ActivityCharts {
    const now = this.now();
    const w = dayWindow(now, q.days ?? 90, q.tzOffsetMinutes ?? 0);
    const since = w.firstDay * DAY_MS - w.offsetMs;
    const topItems = mostUsed(this.db, since, q.top ?? 10).map(({ itemId, count }) => {
      const s = this.items.listed(itemId);
      if (s) return { itemId, count, title: s.title, type: s.type, exists: true };
      // Purged: its last event still carries the title it had.
      const last = this.rows({ itemIds: [itemId] }, undefined, 1)[0];
      return { itemId, count, title: last?.detail.title ?? itemId, type: null, exists: false };
    });
    return { perDay: perDay(this.db, w), topItems };
  }

  /** Exports and bursts of use over the last `days` days, newest first. */
  flags(days = 90): ActivityFlag[] {
    return flaggedWindows(this.db, this.now() - days * DAY_MS, DEFAULT_BURST);
  }

  sparkline(itemId: string, days = 30, tzOffsetMinutes = 0): number[] {
    return sparkline(this.db, itemId, dayWindow(this.now(), days, tzOffsetMinutes));
  }

  verify(mode: 'incremental' | 'full'): ChainReport {
    this.lastCheck = verifyChain(this.db, this.keys.eventMacKey, this.events.records, { mode, now: this.now });
    return this.lastCheck;
  }

  retention(): Retention {
    return readRetention(this.db, this.keys);
  }

  /** Stores the setting and prunes right away; returns how many events were deleted. */
  setRetention(r: Retention): number {
    writeRetention(this.db, this.keys, r);
    return this.prune();
  }

  /** Applies the retention setting. Never prunes a history that failed its last check. */
  prune(): number {
    if (this.lastCheck && !this.lastCheck.ok) return 0;
    const cutoff = retentionCutoff(this.retention(), this.now());
    return cutoff === null ? 0 : pruneBefore(this.db, this.events.records, this.events.rollups, cutoff);
  }

  /** Writes the (filtered) log to a new 0600 file and records the export. */
  exportTo(file: string, format: HistoryExportFormat, f: HistoryFilter, source: VaultEvent['source']): number {
    const n = exportHistory(this.events, this.resolve(f), format, file);
    this.events.append({ kind: 'export', source, detail: { note: `activity log as ${format.toUpperCase()}`, count: n } });
    return n;
  }

  status(): HistoryStatus {
    const since = this.now() - 30 * DAY_MS;
    const failed = this.db
      .prepare("SELECT at FROM events WHERE kind = 'unlock-failed' AND at >= ? ORDER BY at DESC LIMIT 50")
      .all(since) as { at: number }[];
    return { total: this.events.count(), retention: this.retention(), lastCheck: this.lastCheck, recentFailedUnlocks: failed.map((r) => r.at) };
  }

  clear(): void {
    this.index.clear();
  }
}

/** The item lookups the history needs, over the vault's decrypted index. */
export function itemLookup(items: Pick<ItemStore, 'listed' | 'list'>): ItemLookup {
  return {
    listed(id) {
      try {
        return items.listed(id);
      } catch {
        return null;
      }
    },
    idsOfType(type) {
      return [...items.list({ type }), ...items.list({ type, trash: true })].map((s) => s.id);
    },
  };
}
