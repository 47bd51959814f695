// Help texts, built from the command registry so a new command documents itself.
import type { Command, CommandEntry, OptionsSpec } from './command';

/** Options every command accepts, wherever they appear on the line. */
export const GLOBAL_OPTIONS: OptionsSpec = {
  vault: { type: 'string', value: 'PATH', help: 'Vault file to use (default: $KEYSTASH_VAULT, else the app’s vault)' },
  'password-stdin': { type: 'boolean', help: 'Read the master password from the first line of stdin' },
  'no-agent': { type: 'boolean', help: 'Use neither a running agent (keystash unlock) nor the app; same as KEYSTASH_NO_AGENT=1' },
  help: { type: 'boolean', short: 'h', help: 'Show help' },
};

function optionLines(spec: OptionsSpec): string[] {
  const rows = Object.entries(spec)
    .filter(([, o]) => !o.hidden)
    .map(([name, o]) => {
      const short = o.short ? `-${o.short}, ` : '    ';
      const left = `${short}--${name}${o.value ? ` ${o.value}` : ''}${o.multiple ? ' ...' : ''}`;
      return [left, o.help] as const;
    });
  const w = Math.max(...rows.map(([l]) => l.length));
  return rows.map(([l, h]) => `  ${l.padEnd(w)}  ${h}`);
}

export function generalHelp(commands: readonly CommandEntry[]): string {
  const w = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: keystash [--vault PATH] [--password-stdin] [--no-agent] <command> [options]',
    '       keystash --version',
    '',
    'Keystash keeps logins, API keys and notes in one encrypted vault file.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Run `keystash <command> --help` for a command’s options.',
    'Exit status: 0 ok, 1 usage or input error, 2 wrong password / locked / rate-limited,',
    '3 integrity error, 4 not found.',
  ].join('\n');
}

export function commandHelp(cmd: Command): string {
  const parts = [`Usage: keystash ${cmd.usage}`, '', cmd.summary];
  if (Object.keys(cmd.options).length > 0) parts.push('', 'Options:', ...optionLines(cmd.options));
  parts.push('', 'Global options:', ...optionLines(GLOBAL_OPTIONS));
  if (cmd.details) parts.push('', cmd.details.trim());
  return parts.join('\n');
}
