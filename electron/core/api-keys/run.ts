// Runs a command with secrets in its environment only: no shell (arguments are passed as
// they are, nothing is interpreted), stdio inherited, nothing written to disk. The child's
// exit code is returned as is; a child killed by a signal gives 128 + the signal number, as
// a shell reports it.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { KeystashError } from '../errors';

export interface RunRequest {
  command: string;
  args: string[];
  /** Variables to add; they override inherited ones of the same name. */
  secrets: Record<string, string>;
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

export function runWithSecrets(req: RunRequest): Promise<number> {
  for (const [name, value] of Object.entries(req.secrets)) {
    if (value.includes('\0')) throw new KeystashError('invalid-input', `The value for ${name} contains a NUL character, which an environment variable cannot hold.`);
  }
  const env = { ...(req.baseEnv ?? process.env), ...req.secrets };
  return new Promise((resolve, reject) => {
    const child = spawn(req.command, req.args, { stdio: 'inherit', env, shell: false, ...(req.cwd ? { cwd: req.cwd } : {}) });
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
      resolve(exitCodeOf(code, signal));
    });
  });
}
