// Helpers for the unlock-once agent tests: a vault whose CLI runs with its own private
// XDG_RUNTIME_DIR (so the agent's socket is the test's own), starting the agent, and waiting
// for its socket to go away.
import fs from 'node:fs';
import path from 'node:path';
import { cleanEnv, newVault, runCli, type CliResult, type VaultCli } from './cli-harness';

export interface AgentVault {
  dir: string;
  cli: VaultCli;
  runtime: string;
  /** The agent directory inside the runtime dir. */
  agentDir: string;
  /** Runs `keystash --vault FILE ARGS` with no password anywhere (the agent must answer). */
  bare(args: string[], stdin?: string, extraEnv?: Record<string, string>): Promise<CliResult>;
  unlock(extra?: string[]): Promise<{ result: CliResult; pid: number }>;
  /** The agent sockets in the agent directory. */
  sockets(): string[];
  /** Everything in the agent directory (sockets and endpoint files). */
  files(): string[];
}

export async function agentVault(): Promise<AgentVault> {
  const { dir, cli } = await newVault();
  const runtime = path.join(dir, 'run');
  fs.mkdirSync(runtime, { mode: 0o700 });
  Object.assign(cli.env, cleanEnv(dir, { XDG_RUNTIME_DIR: runtime }));
  delete cli.env.KEYSTASH_NO_AGENT;
  const agentDir = path.join(runtime, 'keystash');
  return {
    dir,
    cli,
    runtime,
    agentDir,
    bare: (args, stdin, extraEnv = {}) => runCli(['--vault', cli.file, ...args], { env: { ...cli.env, ...extraEnv }, ...(stdin !== undefined ? { stdin } : {}) }),
    async unlock(extra = []) {
      const result = await cli.run(['unlock', ...extra]);
      const pid = Number(/agent pid (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
      return { result, pid };
    },
    sockets: () => (fs.existsSync(agentDir) ? fs.readdirSync(agentDir).filter((f) => f.endsWith('.sock')) : []),
    files: () => (fs.existsSync(agentDir) ? fs.readdirSync(agentDir).sort() : []),
  };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `done()` holds; fails after `limitMs` (a bound for a hung agent, not a timing claim). */
export async function waitFor(done: () => boolean, limitMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > limitMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function stopAgent(pid: number): void {
  if (Number.isFinite(pid) && alive(pid)) process.kill(pid, 'SIGKILL');
}
