// vault.history: the usage log itself, as the core and the CLI use it: query events, record
// one under this vault's source, and walk the whole MAC chain. The activity page's richer
// view is vault.activity (activity.ts).
import type { EventSource, VaultEvent } from '../../../shared/domain';
import type { Gate } from '../vault/gate';
import type { AppendEvent, EventLog, EventQuery } from './event-log';

/** What the usage log needs from the unlocked session (vault/session.ts). */
export interface HistorySession {
  readonly events: EventLog;
}

export class UsageHistory {
  constructor(
    private readonly gate: Gate<HistorySession>,
    private readonly source: EventSource,
  ) {}

  /** Events, newest first (an item's events in time order). */
  query(q: EventQuery = {}): VaultEvent[] {
    return this.gate.read().events.query(q);
  }

  /** Appends one event as this vault's source (the app or the CLI). */
  record(e: Omit<AppendEvent, 'source'>): void {
    this.gate.write().events.append({ ...e, source: this.source });
  }

  /** Sequence number of the first event whose MAC chain is broken, or null when intact. */
  firstBrokenLink(): number | null {
    return this.gate.read().events.firstBrokenLink();
  }
}
