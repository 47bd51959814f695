// The `keystash` runner: answers --version and --help from the registry alone, hands a command
// the agent may run to the unlock-once agent when one holds this vault, and otherwise runs it
// here (execute.ts). Nothing escapes as a stack trace.
import os from 'node:os';
import { quote } from '../../shared/input-text';
import { toErrorInfo } from '../core/errors';
import { resolveVaultPath } from '../core/paths';
import type { AppConnection } from './agent/app-client';
import { agentRefused, findCommand, ownOptions, splitCommand, vaultOption } from './argv-scan';
import type { CommandEntry } from './command';
import { COMMANDS } from './commands';
import { EXIT, exitCodeFor } from './exit-codes';
import { commandHelp, generalHelp } from './help';
import { LineReader } from './line-reader';
import { Output } from './output';
import { promptHidden } from './tty-prompt';
import { VERSION } from './version';

export interface RunEnv {
  out?: Output;
  env?: NodeJS.ProcessEnv;
}

/** Whether this run may use the agent: the command allows it and the person did not opt out. */
function agentWanted(entry: CommandEntry, own: string[], env: NodeJS.ProcessEnv): boolean {
  return entry.agent === true && !agentRefused(own, env);
}

export async function main(argv: string[], runEnv: RunEnv = {}): Promise<number> {
  const out = runEnv.out ?? new Output();
  const env = runEnv.env ?? process.env;
  if (argv[0] === '--agent-serve') return (await import('./agent/serve')).serveAgent(argv.slice(1));
  const at = findCommand(argv);
  const { name, rest } = splitCommand(argv);

  if (name === undefined && (argv.includes('--version') || argv.includes('-V'))) {
    out.data(`keystash ${VERSION}`);
    return EXIT.ok;
  }
  if (name === undefined || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === argv[at + 1]) : undefined;
    if (topic) {
      out.data(commandHelp(await topic.load()));
      return EXIT.ok;
    }
    const asked = argv.includes('--help') || argv.includes('-h') || name === 'help';
    if (asked) out.data(generalHelp(COMMANDS));
    else out.note(generalHelp(COMMANDS));
    return asked ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    out.error(`Unknown command ${quote(name)}. Run \`keystash --help\` to see the commands.`);
    return EXIT.usage;
  }

  const lines = new LineReader(process.stdin);
  let app: AppConnection | null = null;
  try {
    if (agentWanted(entry, ownOptions(rest), env)) {
      const vaultPath = resolveVaultPath(vaultOption(ownOptions(rest)), { platform: process.platform, env, home: os.homedir() });
      const { runThroughAgent } = await import('./agent/client');
      const code = await runThroughAgent({ name, argv: rest, vaultPath, out, lines, env });
      if (code !== null) return code;
      if (entry.app) app = await (await import('./agent/app-client')).connectToApp(vaultPath, ['keystash', ...argv].join(' '), out);
    }
    const [{ executeCommand }, cmd, { localHost }] = await Promise.all([import('./execute'), entry.load(), import('./local-host')]);
    const io = { out, lines, stdinIsTty: process.stdin.isTTY === true, prompt: promptHidden, env, host: localHost() };
    return await executeCommand(cmd, rest, app ? { ...io, app: app.source } : io);
  } catch (err) {
    // Only the app's refusal reaches here: executeCommand reports its own failures.
    const info = toErrorInfo(err);
    out.error(info.message);
    return exitCodeFor(info.code);
  } finally {
    app?.close();
    lines.close();
  }
}
