// `keystash unlock`: starts the unlock-once agent for this vault (electron/cli/agent/serve.ts)
// and hands it the master password on a pipe, never in its arguments or environment. Later
// commands in this user session use it: no password, no key derivation.
import { spawn } from 'node:child_process';
import { KeystashError } from '../../core/errors';
import { agentDir, ensurePrivateDir } from '../../core/agent/runtime-dir';
import { agentRunning } from '../agent/client';
import type { Command } from '../command';
import { parseDuration } from '../duration';
import { EXIT, exitCodeFor } from '../exit-codes';
import { LineReader } from '../line-reader';
import { format as formatMs } from '../format-duration';

const DEFAULT_TIMEOUT = '15m';

interface Report {
  t: 'ready' | 'failed';
  notes?: string[];
  integrityFailed?: boolean;
  pid?: number;
  code?: string;
  message?: string;
}

export const unlock: Command = {
  name: 'unlock',
  summary: 'Unlock once: start an agent that later commands use without a password',
  usage: 'unlock [--timeout DURATION]',
  details: `The agent holds the vault key in memory only and answers on a Unix socket (mode 0600) in a
private per-user directory (mode 0700): $XDG_RUNTIME_DIR/keystash, else keystash-<uid> in the
temp directory (on Windows: a named pipe, found through %LOCALAPPDATA%\\Keystash\\agent).
Every connection must first present the token the agent keeps beside it. It ends with keystash lock, after DURATION without use (default ${DEFAULT_TIMEOUT}),
or when the vault file is replaced. list, search, show, add, edit, rm, restore, history, totp,
health, env, run, read, inject and profile use it; --no-agent or KEYSTASH_NO_AGENT=1 skips it.

Examples:
  keystash unlock --timeout 1h
  keystash search stripe          # no password asked
  keystash lock`,
  options: {
    timeout: { type: 'string', value: 'DURATION', help: `Lock after this long unused: 90s, 15m, 2h (default ${DEFAULT_TIMEOUT}, at most 24h)` },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const timeoutMs = parseDuration(ctx.args.string('timeout') ?? DEFAULT_TIMEOUT, 'timeout', { minMs: 1_000, maxMs: 24 * 3_600_000 });
    // Refuse a shared directory before asking for anything.
    ensurePrivateDir(agentDir());
    if (await agentRunning(ctx.vaultPath, ctx.out)) {
      ctx.out.note('The vault is already unlocked by an agent; `keystash lock` ends it.');
      return EXIT.ok;
    }
    const launcher = process.argv[1];
    if (!launcher) throw new KeystashError('internal', 'Cannot find the keystash launcher to start the agent.');
    const password = await ctx.input.masterPassword();
    const child = spawn(process.execPath, ['--', launcher, '--agent-serve', '--vault', ctx.vaultPath, '--timeout', String(timeoutMs)], {
      detached: true,
      // On Windows a detached child would otherwise open a console window of its own.
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'ignore'],
      cwd: '/',
    });
    child.stdin.end(`${password}\n`);
    const first = await new LineReader(child.stdout).next();
    child.stdout.destroy();
    child.unref();
    let report: Report;
    try {
      report = JSON.parse(first ?? '') as Report;
    } catch {
      throw new KeystashError('internal', 'The agent did not start.');
    }
    for (const note of report.notes ?? []) ctx.out.note(note);
    if (report.t !== 'ready') {
      ctx.out.error(report.message ?? 'The agent did not start.');
      return exitCodeFor((report.code ?? 'internal') as Parameters<typeof exitCodeFor>[0]);
    }
    ctx.out.note(`Unlocked (agent pid ${String(report.pid)}). Commands use the agent until \`keystash lock\` or ${formatMs(timeoutMs)} without use.`);
    return report.integrityFailed ? EXIT.integrity : EXIT.ok;
  },
};
