// Locks the vault after the machine has been idle for the configured number of minutes.
// Idle time comes from an injected source (Electron's powerMonitor in the app), polled on
// an injected timer, so the rule is testable without a desktop session.
import type { Timers } from './clipboard.service';
import { realTimers } from './clipboard.service';

export interface AutoLockOptions {
  /** Seconds since the last keyboard or mouse input anywhere on the system. */
  idleSeconds: () => number;
  autoLockMinutes: () => number;
  isUnlocked: () => boolean;
  lock: (reason: LockReason) => void | Promise<void>;
  pollMs?: number;
  timers?: Timers;
}

export type LockReason = 'manual' | 'idle' | 'screen-locked' | 'suspend' | 'quit';

export const DEFAULT_IDLE_POLL_MS = 15_000;

export class AutoLockService {
  private handle: unknown = null;
  private readonly timers: Timers;

  constructor(private readonly opts: AutoLockOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  /** One poll: locks when unlocked and idle for at least the configured time. */
  async check(): Promise<boolean> {
    if (!this.opts.isUnlocked()) return false;
    if (this.opts.idleSeconds() < this.opts.autoLockMinutes() * 60) return false;
    await this.opts.lock('idle');
    return true;
  }

  start(): void {
    if (this.handle !== null) return;
    const tick = (): void => {
      this.handle = this.timers.setTimeout(() => {
        void this.check().catch(() => undefined).finally(() => {
          if (this.handle !== null) tick();
        });
      }, this.opts.pollMs ?? DEFAULT_IDLE_POLL_MS);
    };
    tick();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}
