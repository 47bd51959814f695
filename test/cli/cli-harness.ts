// Runs the real `keystash` launcher (bin/keystash.cjs → out/cli/keystash.cjs) as a child
// process against a vault in a temp dir. Each child is started in its own session (detached)
// so it has no controlling terminal and can never wait on a password prompt.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'keystash.cjs');
import { FAST_KDF_FLAGS as FAST_KDF, PASSWORD } from '../support/kit';

export { FAST_KDF, PASSWORD };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Rebuilds the bundle from the current sources (atomic, so parallel workers are safe). */
export function buildCli(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`CLI build failed:\n${r.stderr}`);
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-cli-'));
}

/** An environment with no inherited vault settings; HOME points into `dir`. */
export function cleanEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), ...extra };
  if (!('KEYSTASH_VAULT' in extra)) delete env.KEYSTASH_VAULT;
  return env;
}

/**
 * `timeoutMs` kills a child that runs longer (its code is then null), for tests of input
 * that used to hang: the test fails instead of waiting for the suite's timeout.
 */
export function runCli(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? cleanEnv(os.tmpdir()),
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined); // the CLI may exit before reading all input
    child.stdin.end(opts.stdin ?? '');
  });
}

/** A CLI bound to one vault file, with the master password piped on stdin. */
export class VaultCli {
  constructor(
    readonly file: string,
    readonly env: NodeJS.ProcessEnv,
    public password = PASSWORD,
  ) {}

  /** Runs `keystash --vault FILE --password-stdin ARGS` with the password and then `lines`. */
  run(args: string[], lines: string[] = []): Promise<CliResult> {
    return runCli(['--vault', this.file, '--password-stdin', ...args], { stdin: [this.password, ...lines].map((l) => `${l}\n`).join(''), env: this.env });
  }

  async init(): Promise<CliResult> {
    return runCli(['--vault', this.file, 'init', '--password-stdin', ...FAST_KDF], { stdin: `${this.password}\n`, env: this.env });
  }

  /** Runs a command that must succeed and returns its stdout. */
  async ok(args: string[], lines: string[] = []): Promise<string> {
    const r = await this.run(args, lines);
    if (r.code !== 0) throw new Error(`keystash ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  }

  async json<T>(args: string[], lines: string[] = []): Promise<T> {
    return JSON.parse(await this.ok([...args, '--json'], lines)) as T;
  }
}

export async function newVault(): Promise<{ dir: string; cli: VaultCli }> {
  const dir = tempDir();
  const cli = new VaultCli(path.join(dir, 'test.keystash'), cleanEnv(dir));
  const r = await cli.init();
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  return { dir, cli };
}
