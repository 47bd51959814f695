// Shell completion scripts for bash, zsh and fish, generated from the command registry and
// each command's options, so a new command or option completes without touching this file.
import type { Command, OptionsSpec } from './command';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface Spec {
  name: string;
  summary: string;
  options: OptionsSpec;
}

const visible = (o: OptionsSpec): [string, OptionsSpec[string]][] => Object.entries(o).filter(([, v]) => !v.hidden);
/** Single-quoted for sh and fish: ' becomes '\''. */
const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(cmds: Spec[], global: OptionsSpec): string {
  const names = cmds.map((c) => c.name).join(' ');
  const globals = visible(global)
    .map(([n]) => `--${n}`)
    .join(' ');
  const cases = cmds.map((c) => `    ${c.name}) opts=${sq(visible(c.options).map(([n]) => `--${n}`).join(' '))} ;;`).join('\n');
  return `# keystash completion for bash: eval "$(keystash completion bash)" in ~/.bashrc
_keystash() {
  local cur cmd="" i opts=""
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --vault) ((i++)) ;;
      --) break ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W ${sq(`${names} ${globals} --version`)} -- "$cur"))
    return
  fi
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts ${globals}" -- "$cur"))
  fi
}
complete -o default -F _keystash keystash
`;
}

/** zsh's _arguments spec: --name[help] plus :value: when it takes one. */
function zshOption(name: string, o: OptionsSpec[string]): string {
  const help = o.help.replace(/[[\]:\\']/g, ' ');
  return sq(`${o.multiple ? '*' : ''}--${name}[${help}]${o.type === 'string' ? `:${(o.value ?? 'value').replace(/[:\\']/g, ' ')}:` : ''}`);
}

function zsh(cmds: Spec[], global: OptionsSpec): string {
  const described = cmds.map((c) => sq(`${c.name}:${c.summary.replace(/[:\\']/g, ' ')}`)).join(' \\\n    ');
  const globals = visible(global)
    .map(([n, o]) => zshOption(n, o))
    .join(' ');
  const cases = cmds
    .map((c) => `    ${c.name}) _arguments -s ${[...visible(c.options).map(([n, o]) => zshOption(n, o)), globals].join(' ')} '*:argument:_files' ;;`)
    .join('\n');
  return `#compdef keystash
# keystash completion for zsh: eval "$(keystash completion zsh)" in ~/.zshrc (after compinit)
_keystash() {
  local -a commands
  commands=(
    ${described}
  )
  local i cmd=""
  for ((i = 2; i < CURRENT; i++)); do
    case "\${words[i]}" in
      --vault) ((i++)) ;;
      -*) ;;
      *) cmd="\${words[i]}"; break ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    _describe 'keystash command' commands
    return
  fi
  case "$cmd" in
${cases}
  esac
}
compdef _keystash keystash
`;
}

function fish(cmds: Spec[], global: OptionsSpec): string {
  const lines = ['# keystash completion for fish: keystash completion fish > ~/.config/fish/completions/keystash.fish', 'complete -c keystash -f'];
  const names = cmds.map((c) => c.name).join(' ');
  lines.push(`complete -c keystash -l version -d ${sq('Print the version')}`);
  for (const [n, o] of visible(global)) lines.push(`complete -c keystash -l ${n} -d ${sq(o.help)}${o.type === 'string' ? ' -r -F' : ''}`);
  for (const c of cmds) lines.push(`complete -c keystash -n ${sq(`not __fish_seen_subcommand_from ${names}`)} -a ${c.name} -d ${sq(c.summary)}`);
  for (const c of cmds) {
    for (const [n, o] of visible(c.options)) {
      lines.push(`complete -c keystash -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -l ${n} -d ${sq(o.help)}${o.type === 'string' ? ' -r' : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, commands: readonly Command[], global: OptionsSpec): string {
  const specs = commands.map((c) => ({ name: c.name, summary: c.summary, options: c.options }));
  return { bash, zsh, fish }[shell](specs, global);
}
