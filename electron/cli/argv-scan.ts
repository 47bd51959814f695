// Reading a `keystash` command line before any command is loaded: where the command name is,
// which options are keystash's own (before `--`), the vault named by --vault, and whether
// this run may use the unlock-once agent. Used by the runner (main.ts) and by the quick agent
// client (agent/quick-client.ts), which must decide without loading the CLI bundle.

/** Index of the command name: the first token that is neither a global option nor its value. */
export function findCommand(argv: string[]): number {
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

/** The options before `--` (what follows belongs to the program `run` starts). */
export function ownOptions(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return end === -1 ? argv : argv.slice(0, end);
}

/** `--vault PATH` or `--vault=PATH`, read before the command's options are parsed. */
export function vaultOption(argv: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i] ?? '';
    if (t === '--vault') found = argv[++i];
    else if (t.startsWith('--vault=')) found = t.slice('--vault='.length);
  }
  return found;
}

/** The person asked not to use the agent (or asked for help, which never needs it). */
export function agentRefused(own: string[], env: NodeJS.ProcessEnv): boolean {
  return own.includes('--no-agent') || own.includes('--help') || own.includes('-h') || env.KEYSTASH_NO_AGENT === '1';
}

/** The command line split into the command's name and the rest (global options kept in place). */
export function splitCommand(argv: string[]): { name: string | undefined; rest: string[] } {
  const at = findCommand(argv);
  return { name: at === -1 ? undefined : argv[at], rest: at === -1 ? argv : [...argv.slice(0, at), ...argv.slice(at + 1)] };
}
