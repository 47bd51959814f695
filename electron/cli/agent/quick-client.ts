// The quick way to a running agent. bin/keystash.cjs runs this small CommonJS file
// (out/cli/agent-quick.cjs, built by scripts/build-cli.mjs from node:net, node:fs, node:path,
// node:os, node:tty and node:crypto only) before it loads the CLI bundle: when an agent holds
// the vault and the command only prints (search, list, show, …), it sends the command line to
// the agent, prints what the agent prints and exits with its code, and the bundle is never
// loaded. The agent runs the command exactly as for the full client (serve.ts → execute.ts),
// so output, exit codes and the `cli` history entries are the same. Anything else returns null
// and the launcher runs the full CLI, which decides as always: no agent, a dead agent, the
// agent ending because the vault file changed, a command that reads stdin, prompts, runs a
// program or touches files, --no-agent, KEYSTASH_NO_AGENT=1, --password-stdin, --help.
import os from 'node:os';
import tty from 'node:tty';
import { resolveVaultPath } from '../../core/paths';
import { agentRefused, ownOptions, splitCommand, vaultOption } from '../argv-scan';
import { guardStdout } from '../stdout-guard';
import { locateAgent, openAgent } from './locate';
import { relayRun, runRequest } from './relay';

/** Commands the agent runs without asking the client anything: no stdin, prompt, child or file. */
export const QUICK_COMMANDS: readonly string[] = ['search', 'list', 'show', 'read', 'env', 'totp', 'history', 'health'];

/** The command's exit code when the agent ran it; null when the full CLI must run it. */
export async function runQuick(argv: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  const { name, rest } = splitCommand(argv);
  if (name === undefined || !QUICK_COMMANDS.includes(name)) return null;
  const own = ownOptions(rest);
  // With --password-stdin the agent consumes the password line from stdin: the full client does that.
  if (agentRefused(own, env) || own.includes('--password-stdin')) return null;
  const vaultPath = resolveVaultPath(vaultOption(own), { platform: process.platform, env, home: os.homedir() });
  // Why an agent is not used (a directory made shared) is for the full CLI to say, once.
  const found = locateAgent(vaultPath, () => undefined);
  if (!found) return null;
  const socket = await openAgent(found.endpoint);
  if (!socket) return null;
  let guarded = false;
  return relayRun(socket, runRequest(name, rest, env, tty.isatty(0)), {
    stdout: (text) => {
      // Guarded only once there is output: a run that falls back leaves stdout to the full CLI.
      if (!guarded) guardStdout();
      guarded = true;
      process.stdout.write(text);
    },
    stderr: (text) => void process.stderr.write(text),
    note: (message) => void process.stderr.write(`${message}\n`),
    error: (message) => void process.stderr.write(`keystash: ${message}\n`),
    // Never asked for the commands above; should the agent ask, the command fails there
    // with this sentence instead of hanging.
    answer: () => Promise.resolve({ t: 'failed', code: 'invalid-input', message: `keystash ${name} needs the terminal here; run it again with --no-agent.` }),
  });
}
