// `keystash completion bash|zsh|fish`: prints a completion script for the shell.
import { quote } from '../../../shared/input-text';
import { type Command, type CommandEntry, usageError } from '../command';
import { completionScript, SHELLS, type Shell } from '../completion-scripts';
import { EXIT } from '../exit-codes';
import { GLOBAL_OPTIONS } from '../help';

/** Built with the registry it completes (passed in by ./index.ts, which cannot be imported here: a cycle). */
export function completionCommand(registry: readonly CommandEntry[]): Command {
  return {
  name: 'completion',
  summary: 'Print a shell completion script (bash, zsh or fish)',
  usage: 'completion bash|zsh|fish',
  details: `Examples:
  echo 'eval "$(keystash completion bash)"' >> ~/.bashrc
  echo 'eval "$(keystash completion zsh)"' >> ~/.zshrc
  keystash completion fish > ~/.config/fish/completions/keystash.fish`,
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const shell = ctx.args.positional(0, 'shell');
    if (!(SHELLS as readonly string[]).includes(shell)) throw usageError(`Completion is for bash, zsh or fish, not ${quote(shell)}.`);
    // Loading every command's options is fine here: this runs once, when a shell is set up.
    const commands = await Promise.all(registry.map((c) => c.load()));
    ctx.out.data(completionScript(shell as Shell, commands, GLOBAL_OPTIONS).trimEnd());
    return EXIT.ok;
  },
};
}
