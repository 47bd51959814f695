// Everything the CLI reads from a person or a pipe: the master password, a new master
// password, and a new secret. Never from an argument, where it would land in shell history
// and the process list.
import { KeystashError } from '../core/errors';

/** Where lines come from: stdin here (LineReader), or the client's stdin in the agent. */
export interface Lines {
  /** The next line without its line ending, or null at end of input. */
  next(): Promise<string | null>;
}

export interface InputOptions {
  /** `--password-stdin`: the master password is the first line of stdin. */
  passwordStdin: boolean;
  lines: Lines;
  /** Whether stdin is a terminal (then `--secret-stdin` asks without echo). */
  stdinIsTty: boolean;
  prompt: (label: string) => Promise<string>;
}

export class Input {
  private master: Promise<string> | null = null;

  constructor(private readonly opts: InputOptions) {}

  get passwordFromStdin(): boolean {
    return this.opts.passwordStdin;
  }

  private async line(what: string): Promise<string> {
    const line = await this.opts.lines.next();
    if (line === null) throw new KeystashError('invalid-input', `stdin ended before ${what}.`);
    return line;
  }

  /** The master password of the existing vault; asked once per run. */
  masterPassword(): Promise<string> {
    this.master ??= this.opts.passwordStdin ? this.line('the master password (line 1)') : this.opts.prompt('Master password: ');
    return this.master;
  }

  /**
   * A new master password. On a terminal it is asked twice and must match; with
   * --password-stdin it is the next line (line 1 for init, line 2 for passwd).
   */
  async newPassword(): Promise<string> {
    if (this.opts.passwordStdin) return this.line('the new master password');
    const first = await this.opts.prompt('New master password: ');
    const again = await this.opts.prompt('Repeat the new master password: ');
    if (first !== again) throw new KeystashError('invalid-input', 'The two passwords do not match; nothing was changed.');
    return first;
  }

  /**
   * A new password or API secret for `--secret-stdin` (or a TOTP seed for `--totp-stdin`,
   * named by `option`): the next line after the master password with --password-stdin, the
   * next line from the start otherwise; asked without echo on a terminal. Asked in the order
   * the command calls, so `--secret-stdin --totp-stdin` reads the secret, then the seed.
   */
  async secret(label: string, option = '--secret-stdin'): Promise<string> {
    if (this.opts.passwordStdin) await this.masterPassword();
    // With --password-stdin the line reader owns stdin, even when it is a terminal.
    const value = this.opts.stdinIsTty && !this.opts.passwordStdin ? await this.opts.prompt(`${label}: `) : await this.line(`the ${label.toLowerCase()} (${option})`);
    if (value === '') throw new KeystashError('invalid-input', `The ${label.toLowerCase()} given with ${option} is empty; nothing was changed.`);
    return value;
  }
}
