// The contract every `keystash` subcommand implements, and the parsed arguments it receives.
// A command is one file in ./commands that exports a Command; ./commands/index.ts lists them
// as CommandEntry lines that load the file on demand.
import { quote } from '../../shared/input-text';
import type { SecretSource } from '../core/api-keys/secret-source';
import type { Vault } from '../core/vault';
import { KeystashError } from '../core/errors';
import type { Input } from './input';
import type { Output } from './output';

/** One option, as node:util parseArgs understands it, plus the words `--help` shows. */
export interface CliOption {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder shown after the option name in help, e.g. `T` in `--title T`. */
  value?: string;
  help: string;
  /** Parsed but left out of help: an old option kept only to refuse it with a clear message. */
  hidden?: boolean;
}

export type OptionsSpec = Record<string, CliOption>;

/** A program to run with secrets in its environment, in the person's terminal. */
export interface ChildRequest {
  command: string;
  args: string[];
  secrets: Record<string, string>;
  /** Variables that are not secrets (plain values from an env file): set, never masked. */
  plain: Record<string, string>;
  /** Replace each secret value in the child's stdout and stderr with `<concealed by keystash>`. */
  mask: boolean;
}

/**
 * The process the person typed the command in: its working directory, and running a program
 * in its terminal. In-process that is this process; when the agent runs the command, the CLI
 * client that connected does it, so the child gets the person's terminal, cwd and environment.
 */
export interface ProcessHost {
  cwd: string;
  runChild(req: ChildRequest): Promise<number>;
  /** A text file the person named (relative to their working directory). */
  readText(file: string): Promise<string>;
  /** Writes a file only the person can read (mode 0600), whole or not at all; refuses to overwrite unless `overwrite`. */
  writePrivate(file: string, text: string, overwrite: boolean): Promise<void>;
}

export interface CommandContext {
  args: Args;
  /** Absolute path of the vault file this run works on. */
  vaultPath: string;
  out: Output;
  input: Input;
  /** The vault, opened and unlocked on first call (asks for the master password then). */
  vault(): Promise<Vault>;
  /**
   * Where references and --env values are resolved: the desktop app when it answers for this
   * vault (read, inject, run, env), else this run's vault.
   */
  secrets(): Promise<SecretSource>;
  /** Hands a vault the command opened itself (init) to the runner, which closes it. */
  adopt(vault: Vault): void;
  /** Done with secrets: locks a vault this run unlocked (the agent's stays unlocked). */
  releaseVault(): void;
  host: ProcessHost;
}

export interface Command {
  name: string;
  /** One line for `keystash --help`. */
  summary: string;
  /** Synopsis after `keystash`, e.g. `show ITEM [--reveal] [--json]`. */
  usage: string;
  /** Extra paragraphs for `keystash <name> --help`: details and examples. */
  details?: string;
  options: OptionsSpec;
  positionals: { min: number; max: number };
  /** Returns the process exit code; throws KeystashError for anything that went wrong. */
  run(ctx: CommandContext): Promise<number>;
}

/** A registry line (./commands/index.ts): enough for `--help`; the module loads when the command runs. */
export interface CommandEntry {
  name: string;
  /** Must equal the loaded Command's summary. */
  summary: string;
  /**
   * The unlock-once agent may run this command (with its vault, no password asked). The agent
   * runs in another process: the command must reach the person's files, working directory and
   * programs only through ctx.host, and stdin only through ctx.input.
   */
  agent?: true;
  /**
   * The desktop app may answer this command's references and --env values (ctx.secrets())
   * when no CLI agent runs; the command itself still runs in this process.
   */
  app?: true;
  load(): Promise<Command>;
}

type Value = string | boolean | (string | boolean)[] | undefined;

export function usageError(message: string): KeystashError {
  return new KeystashError('invalid-input', message);
}

/** Typed access to what parseArgs produced, with usage errors that name the option. */
export class Args {
  constructor(
    readonly positionals: string[],
    private readonly values: Record<string, Value>,
  ) {}

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  string(name: string): string | undefined {
    const v = this.values[name];
    if (Array.isArray(v)) return typeof v.at(-1) === 'string' ? (v.at(-1) as string) : undefined;
    return typeof v === 'string' ? v : undefined;
  }

  strings(name: string): string[] {
    const v = this.values[name];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    return typeof v === 'string' ? [v] : [];
  }

  int(name: string, range: { min: number; max: number }): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw.trim())) throw usageError(`--${name} takes a whole number, not ${quote(raw)}.`);
    const n = Number(raw.trim());
    if (n < range.min || n > range.max) throw usageError(`--${name} must be between ${range.min} and ${range.max}.`);
    return n;
  }

  positional(index: number, label: string): string {
    const v = this.positionals[index];
    if (v === undefined) throw usageError(`Missing ${label}.`);
    return v;
  }
}
