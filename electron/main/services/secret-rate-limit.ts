// How fast secrets may leave main for the window. Reveals and copies are what a compromised
// renderer would use to empty the vault (300 passwords took 444 ms through window.api), so
// past a small burst main stops and asks the person in a native dialog. The window cannot
// answer it. Calls that arrive while the dialog is open wait for its answer, so a flood raises
// one dialog, not hundreds; a "yes" allows one more burst, and a "no" refuses every secret for
// a whole window without asking again, so the window cannot nag the person into a yes.
import { KeystashError } from '../../core/errors';
import type { Confirmations } from './confirmations';

export interface SecretRatePolicy {
  /** Secrets allowed within `windowMs` before main asks. */
  burst: number;
  windowMs: number;
}

export const SECRET_RATE: SecretRatePolicy = { burst: 20, windowMs: 60_000 };

export class SecretRateLimit {
  private recent: number[] = [];
  private asking: Promise<boolean> | null = null;
  private refusedUntil = 0;

  constructor(
    private readonly confirm: Confirmations,
    private readonly now: () => number,
    private readonly policy: SecretRatePolicy = SECRET_RATE,
  ) {}

  /** Resolves when one more secret may leave main; `rate-limited` when the person said no. */
  async admit(): Promise<void> {
    for (;;) {
      if (this.asking) {
        // Everyone waiting re-queues after a yes, so a yes lets through one burst, not the flood.
        if (!(await this.asking)) throw this.refusal();
        continue;
      }
      const t = this.now();
      if (t < this.refusedUntil) throw this.refusal();
      this.recent = this.recent.filter((at) => t - at < this.policy.windowMs);
      if (this.recent.length < this.policy.burst) {
        this.recent.push(t);
        return;
      }
      this.asking = this.ask();
    }
  }

  private async ask(): Promise<boolean> {
    let yes = false;
    try {
      yes = await this.confirm.moreSecrets(this.recent.length, Math.round(this.policy.windowMs / 1000));
    } catch {
      yes = false; // a dialog that failed to show is not a yes
    }
    if (yes) this.recent = [];
    else this.refusedUntil = this.now() + this.policy.windowMs;
    this.asking = null;
    return yes;
  }

  private refusal(): KeystashError {
    const wait = Math.max(0, this.refusedUntil - this.now());
    return new KeystashError('rate-limited', 'Too many passwords were revealed or copied in a short time, and more were not allowed. Try again in a minute.', {
      retryAfterMs: wait,
    });
  }
}
