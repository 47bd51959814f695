// The quick agent client (electron/cli/agent/quick-client.ts, out/cli/agent-quick.cjs): with an
// agent running, bin/keystash.cjs answers search, list, show, read, env… without loading the
// CLI bundle, with the same output and exit code as the full CLI through the agent and as an
// in-process run; everything else, and every agent that is not there, goes to the full CLI.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, ROOT, runCli, type CliResult } from './cli-harness';
import { agentVault, alive, stopAgent, waitFor, type AgentVault } from './agent-harness';

const started: number[] = [];
beforeAll(() => {
  buildCli();
});
afterEach(() => {
  for (const pid of started.splice(0)) stopAgent(pid);
});

/** Runs a launcher file (or the bundle itself) with `args`, as the harness runs bin/keystash.cjs. */
function runFile(file: string, args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

/**
 * The launcher and the quick client alone, without the bundle: whatever this answers did not
 * load the CLI; whatever it hands on says "the CLI is not built yet".
 */
function launcherWithoutBundle(dir: string): string {
  const root = fs.mkdtempSync(path.join(dir, 'launcher-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.mkdirSync(path.join(root, 'out', 'cli'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'bin', 'keystash.cjs'), path.join(root, 'bin', 'keystash.cjs'));
  fs.copyFileSync(path.join(ROOT, 'out', 'cli', 'agent-quick.cjs'), path.join(root, 'out', 'cli', 'agent-quick.cjs'));
  return path.join(root, 'bin', 'keystash.cjs');
}

const NOT_BUILT = 'the CLI is not built yet';

async function stocked(): Promise<AgentVault> {
  const v = await agentVault();
  await v.cli.ok(['add', 'api_key', '--title', 'Stripe live', '--service', 'Stripe', '--tag', 'billing', '--secret-stdin'], ['sk_live_quick_0001']);
  await v.cli.ok(['add', 'login', '--title', 'GitHub', '--username', 'ada', '--url', 'https://github.com', '--secret-stdin'], ['gh-password-1']);
  await v.cli.ok(['add', 'note', '--title', 'Plans / 2027', '--notes', 'line one\nline two']);
  return v;
}

describe('the quick agent client', () => {
  it('prints exactly what the full CLI through the agent and an in-process run print, with the same exit codes', async () => {
    const v = await stocked();
    const { pid } = await v.unlock();
    started.push(pid);
    const bundle = path.join(ROOT, 'out', 'cli', 'keystash.mjs');
    const quickOnly = launcherWithoutBundle(v.dir);
    const commands = [
      ['search', 'stripe'],
      ['search', 'stripe', '--json'],
      ['search', 'no such thing'],
      ['list'],
      ['list', '--json'],
      ['list', '--type', 'login'],
      ['show', 'GitHub'],
      ['show', 'Plans / 2027', '--json'],
      ['show', 'nothing-like-this'],
      ['search', '--no-such-option'],
      ['read', 'keystash://Stripe live/secret'],
      ['read', '-n', 'keystash://GitHub/username'],
      ['read', 'keystash://Nothing/secret'],
      ['env', 'STRIPE_KEY=Stripe live'],
      ['env', 'STRIPE_KEY=Stripe live', '--json'],
      ['env', 'GitHub', '--format', 'dotenv'],
    ];
    for (const args of commands) {
      const quick = await runFile(quickOnly, ['--vault', v.cli.file, ...args], v.cli.env);
      const viaBundle = await runFile(bundle, ['--vault', v.cli.file, ...args], v.cli.env);
      const inProcess = await v.cli.run(['--no-agent', ...args]);
      const label = args.join(' ');
      expect(quick.stderr, label).not.toContain(NOT_BUILT);
      expect(quick, label).toEqual(viaBundle);
      expect(quick, label).toEqual(inProcess);
    }
    // Every value handed out was logged as a CLI use, from the agent and from the in-process runs alike.
    const history = await v.cli.json<{ events: { kind: string; source: string; field: string | null }[] }>(['--no-agent', 'history', '--limit', '100']);
    const uses = history.events.filter((e) => e.kind === 'cli-use');
    // Five values per round (two reads, three env lines), three rounds.
    expect(uses.length).toBe(3 * 5);
    expect(uses.every((e) => e.source === 'cli')).toBe(true);
    // 48 processes, a third of them unlocking with Argon2: a bound for a loaded machine, not a timing claim.
  }, 300_000);

  it('leaves to the full CLI what it does not run: other commands, --no-agent, KEYSTASH_NO_AGENT, --password-stdin, --help', async () => {
    const v = await stocked();
    const { pid } = await v.unlock();
    started.push(pid);
    const quickOnly = launcherWithoutBundle(v.dir);
    const handedOn = [
      [['add', 'note', '--title', 'X'], {}],
      [['run', '--env', 'K=GitHub', '--', 'true'], {}],
      [['--no-agent', 'list'], {}],
      [['list'], { KEYSTASH_NO_AGENT: '1' }],
      [['--password-stdin', 'list'], {}],
      [['list', '--help'], {}],
      [['--version'], {}],
    ] as const;
    for (const [args, env] of handedOn) {
      const r = await runFile(quickOnly, ['--vault', v.cli.file, ...args], { ...v.cli.env, ...env });
      expect(r.stderr, args.join(' ')).toContain(NOT_BUILT);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('falls back to the full CLI when the agent died, its socket and endpoint file left behind', async () => {
    const v = await stocked();
    const { pid } = await v.unlock();
    process.kill(pid, 'SIGKILL');
    await waitFor(() => !alive(pid));
    expect(v.files()).toHaveLength(2);
    const quickOnly = launcherWithoutBundle(v.dir);
    expect((await runFile(quickOnly, ['--vault', v.cli.file, 'search', 'stripe'], v.cli.env)).stderr).toContain(NOT_BUILT);
    // Through the real launcher: the command runs here and asks for the password (none: exit 1).
    const r = await v.bare(['search', 'stripe']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('--password-stdin');
    // The endpoint file without its socket: the same.
    fs.rmSync(path.join(v.agentDir, v.sockets()[0] ?? ''));
    expect(await v.bare(['search', 'stripe'])).toMatchObject({ code: 1, stdout: '' });
    expect((await v.cli.run(['search', 'stripe'])).stdout).toContain('Stripe live');
  });

  it('falls back when the agent ends because the vault file was replaced', async () => {
    const v = await stocked();
    const { pid } = await v.unlock();
    started.push(pid);
    const copy = `${v.cli.file}.copy`;
    fs.copyFileSync(v.cli.file, copy);
    fs.renameSync(copy, v.cli.file);
    const r = await v.bare(['list']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('--password-stdin');
    expect(r.stderr).not.toContain('stopped during the command');
    await waitFor(() => !alive(pid));
  });

  it('serves several terminals at once', async () => {
    const v = await stocked();
    const { pid } = await v.unlock();
    started.push(pid);
    const runs = await Promise.all([
      ...Array.from({ length: 4 }, () => v.bare(['search', 'stripe', '--json'])),
      ...Array.from({ length: 4 }, () => v.bare(['read', 'keystash://GitHub/password'])),
      runCli(['--vault', v.cli.file, 'list', '--json'], { env: v.cli.env }),
    ]);
    for (const r of runs) expect(r.code).toBe(0);
    const searches = runs.slice(0, 4).map((r) => r.stdout);
    expect(new Set(searches).size).toBe(1);
    expect((JSON.parse(searches[0] ?? '') as { items: { title: string }[] }).items.map((i) => i.title)).toEqual(['Stripe live']);
    for (const r of runs.slice(4, 8)) expect(r.stdout).toBe('gh-password-1\n');
    expect(runs[8]?.stdout).toContain('Plans / 2027');
  });
});
