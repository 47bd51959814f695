// The whole-history check the app runs in the background after every unlock, and the activity
// page's headline built from it. The check walks the MAC chain in slices of a few milliseconds
// (vault.activity's sliced walk), handing the event loop back between slices so IPC, the window
// and the lock triggers are never held up, and stops at lock. The headline only claims what was
// checked: "intact" needs a full check that found nothing; until then it says what the unlock
// verified and that the full check is still running, and it says when the full check last ran.
import type { ChainHeadline, ChainReport } from '../../../shared/history';
import { earlierFindings } from '../../../shared/history';
import type { FullCheckWalk } from '../../core/history/full-check';
import type { Vault } from '../../core/vault';
import type { VaultService } from './vault.service';

/** Runs `fn` after other pending work (setImmediate in the app); tests can hold slices back. */
export type YieldSlice = (fn: () => void) => void;

const SLICE_MS = 8;

const plural = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;

export class HistoryCheckService {
  private run: { vault: Vault; walk: FullCheckWalk; done: Promise<void>; finish: () => void } | null = null;
  private lastFull: { at: number; report: ChainReport } | null = null;
  private error: string | null = null;

  constructor(
    private readonly vault: VaultService,
    private readonly now: () => number,
    private readonly yieldSlice: YieldSlice = (fn) => void setImmediate(fn),
  ) {}

  /** Starts (or restarts) the background check of the whole chain; called after unlock. */
  start(): void {
    this.stop();
    const vault = this.vault.unlocked();
    const walk = vault.activity.startFullCheck();
    let finish = (): void => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const run = { vault, walk, done, finish };
    this.run = run;
    this.error = null;
    const slice = (): void => {
      if (this.run !== run) return;
      try {
        const report = vault.activity.continueFullCheck(walk, SLICE_MS);
        if (!report) return this.yieldSlice(slice);
        this.lastFull = { at: this.now(), report };
      } catch (err) {
        // Locked meanwhile (the run was stopped anyway) or the file is busy: say so, claim nothing.
        this.error = err instanceof Error ? err.message : String(err);
      }
      this.run = null;
      run.finish();
    };
    this.yieldSlice(slice);
  }

  /** Abandons a running check (lock); the last finished one is forgotten with the session. */
  stop(): void {
    const run = this.run;
    this.run = null;
    this.lastFull = null;
    run?.finish();
  }

  /** Resolves when the running check (if any) has finished or stopped. */
  idle(): Promise<void> {
    return this.run?.done ?? Promise.resolve();
  }

  /** A full check asked for by the user ("Verify whole history"): counts as the full check. */
  recordFull(report: ChainReport): void {
    if (report.mode === 'full') this.lastFull = { at: this.now(), report };
  }

  headline(last: ChainReport | null): ChainHeadline {
    const running = this.run ? this.run.walk.progress : null;
    const full = this.lastFull;
    const base = { checking: running, lastFullCheckAt: full?.at ?? null };
    // The newest report wins: a later incremental one may have found a problem after the full check.
    const report = last ?? full?.report ?? null;
    if (report && !report.ok) {
      const problems = [...report.problems, ...earlierFindings(report)].map((p) => p.message);
      return {
        ...base,
        tone: 'danger',
        title: 'The usage history was tampered with.',
        text: report.alarm
          ? 'Someone with access to the vault file changed it outside Keystash. This stays flagged until you acknowledge it.'
          : 'Someone with access to the vault file changed it outside Keystash.',
        problems,
        canAcknowledge: report.alarm !== null,
      };
    }
    if (full && full.report === report) {
      const r = full.report;
      return {
        ...base,
        tone: 'ok',
        title: 'History is intact.',
        text: `All ${plural(r.checkedEvents, 'event')} (#${r.prunedThrough + 1}–#${r.lastSeq}) were checked in full; no event was edited, deleted or reordered.`,
        problems: [],
        canAcknowledge: false,
      };
    }
    const recent = report ? `At unlock, the ${plural(report.checkedEvents, 'event')} added since the last check were verified.` : 'Nothing was checked yet.';
    return {
      ...base,
      tone: 'info',
      title: running ? 'Checking the whole history…' : 'Only recent events were checked.',
      text: running
        ? `${recent} The full check has walked ${plural(running.checked, 'event')} of ${running.total.toLocaleString('en-US')} so far.`
        : `${recent} ${this.error ? `The full check could not finish: ${this.error}` : 'Older events were not checked in this session.'}`,
      problems: [],
      canAcknowledge: false,
    };
  }
}
