// Running a check of the history chain for a session: against this machine's witness of the
// head, raising the alarm for findings a later write would erase (history-alarm.ts), and
// reporting the standing alarm with them, so `ok` means both the chain and the alarm are clear.
// Also the finish of the sliced whole-chain check (full-check.ts) and the witness updates.
import { STICKY_PROBLEMS, type ChainReport } from '../../../shared/history';
import type { Db } from '../vault/db';
import type { SessionKeys } from '../vault/session-keys';
import { verifyChain } from './chain-verify';
import type { EventLog } from './event-log';
import type { FullCheckWalk } from './full-check';
import { clearAlarm, raiseAlarm, readAlarm } from './history-alarm';
import { HistoryWitness } from './history-witness';

export interface CheckSession {
  readonly keys: SessionKeys;
  readonly events: EventLog;
  lastCheck: ChainReport | null;
}

export class ChainCheck {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    /** This machine's folder for the witness (the user-data folder); none in bare core use. */
    private readonly stateDir?: string,
  ) {}

  run(s: CheckSession, mode: 'incremental' | 'full'): ChainReport {
    const witness = this.witnessOf(s)?.read() ?? null;
    return this.settle(s, verifyChain(this.db, s.keys.eventMacKey, s.events.records, { mode, now: this.now, witness }));
  }

  private settle(s: CheckSession, r: ChainReport): ChainReport {
    const sticky = r.problems.filter((p) => STICKY_PROBLEMS.includes(p.kind));
    if (sticky.length > 0) raiseAlarm(this.db, s.keys, s.events, sticky, this.now());
    const alarm = readAlarm(this.db, s.keys, s.events);
    s.lastCheck = { ...r, alarm, ok: r.ok && alarm === null };
    return s.lastCheck;
  }

  /** The user has read the standing findings: clear the alarm and witness the head as it is now. */
  acknowledge(s: CheckSession): ChainReport {
    const point = clearAlarm(this.db, s.keys, s.events);
    if (point.seq > 0) this.witnessOf(s)?.write(point);
    return this.run(s, 'incremental');
  }

  /** One slice of the whole-chain check; null while there is more to walk, else the report. */
  continue(s: CheckSession, walk: FullCheckWalk, budgetMs: number): ChainReport | null {
    const state = walk.step(budgetMs);
    if (state === 'running') return null;
    // Something is broken: the full walk says exactly what (only this rare case blocks).
    if (state === 'broken') return this.run(s, 'full');
    // Everything up to the walk's end is verified, so it is the checkpoint; the incremental
    // check then covers what was appended meanwhile, the head and the witness.
    if (walk.end.seq > 0) s.events.records.write('history-checkpoint', walk.end);
    const rest = this.run(s, 'incremental');
    s.lastCheck = { ...rest, mode: 'full', checkedEvents: walk.progress.checked + rest.checkedEvents };
    return s.lastCheck;
  }

  /** Remembers the current head as seen by this machine (at unlock and at lock). */
  rememberHead(s: CheckSession): void {
    const head = s.events.head();
    if (head.state !== 'ok') return;
    try {
      this.witnessOf(s)?.write(head.point);
    } catch {
      // A read-only or full user-data folder must not stop unlock or lock; the witness then lags.
    }
  }

  private witnessOf(s: CheckSession): HistoryWitness | null {
    return this.stateDir ? new HistoryWitness(this.stateDir, s.keys.vaultId, s.keys.eventMacKey) : null;
  }
}
