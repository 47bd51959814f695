// The `keystash` runner: finds the command, parses its options, runs it, and turns every
// failure into one sentence on stderr and an exit code. Nothing escapes as a stack trace.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { quote } from '../../shared/input-text';
import { toErrorInfo } from '../core/errors';
import { resolveVaultPath } from '../core/paths';
import { Args, type Command, type OptionsSpec } from './command';
import { COMMANDS } from './commands';
import type { RunContext } from './context';
import { EXIT, exitCodeFor } from './exit-codes';
import { commandHelp, generalHelp, GLOBAL_OPTIONS } from './help';
import { Input } from './input';
import { LineReader } from './line-reader';
import { Output } from './output';
import { promptHidden } from './tty-prompt';
import { VERSION } from './version';

export interface RunEnv {
  out?: Output;
  env?: NodeJS.ProcessEnv;
}

class UsageProblem extends Error {}

/** Index of the command name: the first token that is neither a global option nor its value. */
function findCommand(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i] ?? '';
    if (t === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (t === '--vault') {
      i++;
      continue;
    }
    if (!t.startsWith('-') || t === '-') return i;
  }
  return -1;
}

function toParseConfig(spec: OptionsSpec): Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> {
  const out: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, o] of Object.entries(spec)) {
    out[name] = { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) };
  }
  return out;
}

function parse(cmd: Command, argv: string[]): Args {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: toParseConfig({ ...GLOBAL_OPTIONS, ...cmd.options }), allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs messages are clear but mention internals; keep their first sentence.
    const msg = err instanceof Error ? err.message.split('. ')[0]?.replace(/\.$/, '') : 'Invalid arguments';
    throw new UsageProblem(`${msg}.`);
  }
  const args = new Args(parsed.positionals, parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>);
  if (args.flag('help')) return args;
  const n = args.positionals.length;
  if (n < cmd.positionals.min || n > cmd.positionals.max) {
    const problem = n < cmd.positionals.min ? 'Missing arguments' : `Unexpected argument ${quote(args.positionals[cmd.positionals.max] ?? '')}`;
    throw new UsageProblem(`${problem} (usage: keystash ${cmd.usage}).`);
  }
  return args;
}

export async function main(argv: string[], runEnv: RunEnv = {}): Promise<number> {
  const out = runEnv.out ?? new Output();
  const env = runEnv.env ?? process.env;
  const at = findCommand(argv);
  const name = at === -1 ? undefined : argv[at];
  const rest = at === -1 ? argv : [...argv.slice(0, at), ...argv.slice(at + 1)];

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

  const cmd = await entry.load();
  const lines = new LineReader(process.stdin);
  let ctx: RunContext | null = null;
  try {
    const args = parse(cmd, rest);
    if (args.flag('help')) {
      out.data(commandHelp(cmd));
      return EXIT.ok;
    }
    const input = new Input({
      passwordStdin: args.flag('password-stdin'),
      lines,
      stdinIsTty: process.stdin.isTTY === true,
      prompt: promptHidden,
    });
    // Loaded here, not at the top: it brings the vault and all of the core, which `--help`,
    // `--version` and usage errors never need.
    const { RunContext } = await import('./context');
    ctx = new RunContext(args, resolveVaultPath(args.string('vault'), { platform: process.platform, env, home: os.homedir() }), out, input);
    const code = await cmd.run(ctx);
    return code === EXIT.ok && ctx.integrityFailed ? exitCodeFor('integrity') : code;
  } catch (err) {
    if (err instanceof UsageProblem) {
      out.error(`${err.message} Run \`keystash ${cmd.name} --help\` for usage.`);
      return EXIT.usage;
    }
    const info = toErrorInfo(err);
    out.error(info.message);
    if (info.code === 'internal' && env.KEYSTASH_DEBUG) out.note(String(err instanceof Error ? err.stack : err));
    return exitCodeFor(info.code);
  } finally {
    ctx?.close();
    lines.close();
  }
}
