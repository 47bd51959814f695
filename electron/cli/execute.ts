// Runs one command: parses its options, hands it a RunContext, and turns every failure into
// one sentence on stderr and an exit code. The same function runs a command in-process and in
// the unlock-once agent (electron/cli/agent/server.ts): only the input, output, host and vault
// differ, so the agent is not a second implementation of any command.
import { parseArgs } from 'node:util';
import os from 'node:os';
import { quote } from '../../shared/input-text';
import { toErrorInfo } from '../core/errors';
import { resolveVaultPath } from '../core/paths';
import type { SecretSource } from '../core/api-keys/secret-source';
import type { Vault } from '../core/vault';
import { Args, type Command, type OptionsSpec, type ProcessHost } from './command';
import type { RunContext } from './context';
import { EXIT, exitCodeFor } from './exit-codes';
import { commandHelp, GLOBAL_OPTIONS } from './help';
import { Input, type Lines } from './input';
import type { Output } from './output';

export class UsageProblem extends Error {}

function toParseConfig(spec: OptionsSpec): Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> {
  const out: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, o] of Object.entries(spec)) {
    out[name] = { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) };
  }
  return out;
}

export function parse(cmd: Command, argv: string[]): Args {
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

export interface CommandIo {
  out: Output;
  lines: Lines;
  stdinIsTty: boolean;
  prompt: (label: string) => Promise<string>;
  env: NodeJS.ProcessEnv;
  host: ProcessHost;
  /** The agent's unlocked vault; without it the command opens and unlocks its own. */
  served?: Vault;
  /** The desktop app, when it answers this command's secrets. */
  app?: SecretSource;
}

/** `argv` is the command line without the command's name. */
export async function executeCommand(cmd: Command, argv: string[], io: CommandIo): Promise<number> {
  const { out, env } = io;
  let ctx: RunContext | null = null;
  try {
    const args = parse(cmd, argv);
    if (args.flag('help')) {
      out.data(commandHelp(cmd));
      return EXIT.ok;
    }
    const input = new Input({ passwordStdin: args.flag('password-stdin'), lines: io.lines, stdinIsTty: io.stdinIsTty, prompt: io.prompt });
    // Loaded here, not at the top: it brings the vault and all of the core, which `--help`,
    // `--version` and usage errors never need.
    const { RunContext } = await import('./context');
    const vaultPath = resolveVaultPath(args.string('vault'), { platform: process.platform, env, home: os.homedir() });
    ctx = new RunContext(args, vaultPath, out, input, io.host, io.served ?? null, io.app ?? null);
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
  }
}
