// Writes a secret to the system clipboard and takes it back later. Callers log the use first
// (CopyService for vault secrets, the generator for its own values), and the clear only
// happens if the clipboard still holds what we wrote: wiping something the user copied since
// would lose their data.
import { createHash } from 'node:crypto';

/** The OS clipboard, as main needs it. The Electron adapter marks writes as concealed. */
export interface ClipboardAdapter {
  writeSecret(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

// We keep a digest, not the secret, to recognise our own copy when the timer fires.
const digest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export class ClipboardService {
  private pending: { digest: string; timer: unknown } | null = null;

  constructor(
    private readonly adapter: ClipboardAdapter,
    private readonly clearSeconds: () => number,
    private readonly timers: Timers = realTimers,
  ) {}

  /**
   * Writes a secret, or text main derived from one (a TOTP code, an env line), and schedules
   * its removal; the caller has already logged the use.
   */
  async copyText(value: string): Promise<{ clearsInMs: number }> {
    await this.adapter.writeSecret(value);
    this.cancelTimer();
    const clearsInMs = this.clearSeconds() * 1000;
    const timer = this.timers.setTimeout(() => void this.clearIfOurs().catch(() => undefined), clearsInMs);
    this.pending = { digest: digest(value), timer };
    return { clearsInMs };
  }

  /** True while a copied secret is waiting to be cleared. */
  get hasPending(): boolean {
    return this.pending !== null;
  }

  /** Clears the clipboard if it still holds our last copy (on timeout, lock and quit). */
  async clearIfOurs(): Promise<boolean> {
    const p = this.pending;
    if (!p) return false;
    this.cancelTimer();
    this.pending = null;
    const current = await this.adapter.readText();
    if (digest(current) !== p.digest) return false;
    await this.adapter.clear();
    return true;
  }

  private cancelTimer(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.timer);
  }
}
