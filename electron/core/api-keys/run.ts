// Runs a command with secrets in its environment only: no shell (arguments are passed as
// they are, nothing is interpreted), stdio inherited (or stdout/stderr masked), nothing
// written to disk. The child's
// exit code is returned as is; a child killed by a signal gives 128 + the signal number, as
// a shell reports it.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { KeystashError } from '../errors';
import { maskingStream } from './mask';

export interface RunRequest {
  command: string;
  args: string[];
  /** Variables to add; they override inherited ones of the same name. */
  secrets: Record<string, string>;
  /** Variables that are not secrets: added too (secrets win), never masked. */
  plain?: Record<string, string>;
  /**
   * Pipe the child's stdout and stderr through a mask that replaces each secret value with
   * `<concealed by keystash>`; without it the child gets the terminal itself.
   */
  mask?: boolean;
  /** Where masked output goes (default: this process's stdout and stderr). */
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** The environment to start from (default: this process's). */
  baseEnv?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Signals a person or a supervisor sends to us that the child should get too. */
const FORWARDED: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const n = signal ? os.constants.signals[signal] : undefined;
  return n !== undefined ? 128 + n : 1;
}

/** Copies `from` to `to` with the secret values masked; resolves when `from` has ended. */
function pipeMasked(from: NodeJS.ReadableStream, to: NodeJS.WritableStream, values: string[]): Promise<void> {
  return new Promise((done) => {
    const masked = from.pipe(maskingStream(values));
    masked.on('data', (chunk: Buffer) => to.write(chunk));
    masked.on('end', () => done());
    masked.on('error', () => done());
  });
}

export function runWithSecrets(req: RunRequest): Promise<number> {
  for (const [name, value] of Object.entries({ ...req.plain, ...req.secrets })) {
    if (value.includes('\0')) throw new KeystashError('invalid-input', `The value for ${name} contains a NUL character, which an environment variable cannot hold.`);
  }
  const env = { ...(req.baseEnv ?? process.env), ...req.plain, ...req.secrets };
  return new Promise((resolve, reject) => {
    const mask = req.mask === true;
    const child = spawn(req.command, req.args, {
      stdio: mask ? ['inherit', 'pipe', 'pipe'] : 'inherit',
      env,
      shell: false,
      ...(req.cwd ? { cwd: req.cwd } : {}),
    });
    const values = Object.values(req.secrets);
    // Masked output must be written out before we report the exit: wait for both pipes too.
    const drained =
      mask && child.stdout && child.stderr
        ? Promise.all([pipeMasked(child.stdout, req.stdout ?? process.stdout, values), pipeMasked(child.stderr, req.stderr ?? process.stderr, values)])
        : Promise.resolve();
    const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
    const handlers = FORWARDED.map((sig) => [sig, forward(sig)] as const);
    // Ctrl-C reaches the whole foreground process group, the child included; we only wait.
    const ignoreInt = (): void => undefined;
    const cleanup = (): void => {
      for (const [sig, h] of handlers) process.off(sig, h);
      process.off('SIGINT', ignoreInt);
    };
    for (const [sig, h] of handlers) process.on(sig, h);
    process.on('SIGINT', ignoreInt);
    child.on('error', (err: NodeJS.ErrnoException) => {
      cleanup();
      if (err.code === 'ENOENT') reject(new KeystashError('not-found', `Command not found: ${req.command}.`));
      else if (err.code === 'EACCES') reject(new KeystashError('io', `${req.command} is not executable.`));
      else reject(new KeystashError('io', `Could not start ${req.command}: ${err.message}.`));
    });
    child.on('exit', (code, signal) => {
      cleanup();
      void drained.then(() => resolve(exitCodeOf(code, signal)));
    });
  });
}
