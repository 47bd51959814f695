// Every `keystash` command, in the order `keystash --help` lists them. Each entry names the
// command, gives its one-line summary for `--help`, and loads its module only when that command
// runs: the build (scripts/build-cli.mjs) puts each command in its own chunk, so
// `keystash --help` never parses the generator's wordlists or the importers.
//
// To add a command: create commands/<name>.ts exporting a Command (contract in ../command.ts,
// show.ts for a full one), then add ONE entry below. Its summary must equal the Command's
// (test/cli/registry.test.ts checks). Add `agent: true` when the unlock-once agent may run it
// (see CommandEntry.agent: files, cwd and programs only through ctx.host). A minimal command:
//
//   export const hello: Command = {
//     name: 'hello', summary: 'Say hello', usage: 'hello ITEM [--json]',
//     options: { json: { type: 'boolean', help: 'Print JSON' } },
//     positionals: { min: 1, max: 1 },
//     async run(ctx) {
//       const vault = await ctx.vault();                  // the agent's vault, or unlocks here; logs as `cli`
//       const id = resolveItem(vault, ctx.args.positional(0, 'ITEM'));
//       ctx.out.data(vault.items.listedItem(id).title);  // data → stdout; ctx.out.note(...) → stderr
//       return EXIT.ok;                                    // or throw KeystashError(code, sentence)
//     },
//   };
//
//   { name: 'hello', summary: 'Say hello', load: async () => (await import('./hello')).hello },
import type { CommandEntry } from '../command';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', summary: 'Create a new, empty vault', load: async () => (await import('./init')).init },
  { name: 'add', agent: true, summary: 'Add a login, API key or note; prints its id', load: async () => (await import('./add')).add },
  { name: 'list', agent: true, summary: 'List items (secrets never shown)', load: async () => (await import('./list')).list },
  { name: 'search', agent: true, summary: 'Find items by title, username, URL, service, tags and notes', load: async () => (await import('./search')).search },
  { name: 'show', agent: true, summary: 'Show one item; secrets only with --reveal (logged)', load: async () => (await import('./show')).show },
  { name: 'edit', agent: true, summary: 'Change fields of an item', load: async () => (await import('./edit')).edit },
  { name: 'rm', agent: true, summary: 'Move an item to the trash, or delete it for good with --purge', load: async () => (await import('./rm')).rm },
  { name: 'restore', agent: true, summary: 'Bring an item back from the trash', load: async () => (await import('./restore')).restore },
  { name: 'history', agent: true, summary: 'Show usage history: unlocks, reveals, copies, edits (newest first)', load: async () => (await import('./history')).history },
  { name: 'passwd', summary: 'Change the master password (and optionally the key-derivation settings)', load: async () => (await import('./passwd')).passwd },
  {
    name: 'import',
    summary: 'Import items from another manager (CSV, KeePass .kdbx, Bitwarden .json, 1Password .1pux, Proton Pass) or a Keystash export',
    load: async () => (await import('./import')).importCommand,
  },
  { name: 'export', summary: 'Export the vault to CSV, Bitwarden CSV, JSON or an encrypted Keystash file', load: async () => (await import('./export')).exportCommand },
  { name: 'completion', summary: 'Print a shell completion script (bash, zsh or fish)', load: async () => (await import('./completion')).completionCommand(COMMANDS) },
  { name: 'generate', summary: 'Generate passwords, passphrases or PINs (no vault needed)', load: async () => (await import('./generate')).generate },
  { name: 'totp', agent: true, summary: 'Print the current one-time code of an item (logged)', load: async () => (await import('./totp')).totp },
  { name: 'health', agent: true, summary: 'Check for weak, reused and old passwords, due keys, unused items, duplicates', load: async () => (await import('./health')).health },
  { name: 'env', agent: true, app: true, summary: 'Print items as shell export or .env lines (logged)', load: async () => (await import('./env')).env },
  { name: 'read', agent: true, app: true, summary: 'Print the value a keystash:// reference names (logged)', load: async () => (await import('./read')).read },
  { name: 'inject', agent: true, app: true, summary: 'Fill {{ keystash://… }} references in a template (logged)', load: async () => (await import('./inject')).inject },
  { name: 'profile', agent: true, summary: 'Named sets of VAR=keystash:// references for run --profile', load: async () => (await import('./profile')).profile },
  { name: 'unlock', summary: 'Unlock once: start an agent that later commands use without a password', load: async () => (await import('./unlock')).unlock },
  { name: 'lock', summary: 'End the agent started by keystash unlock', load: async () => (await import('./lock')).lock },
  { name: 'run', agent: true, app: true, summary: 'Run a command with secrets in its environment (logged)', load: async () => (await import('./run')).run },
  { name: 'attach', summary: 'Attach a file (up to 100 MB) to an item, encrypted in the vault', load: async () => (await import('./attach')).attach },
  { name: 'attachment', summary: 'List, save, remove or restore the files attached to an item', load: async () => (await import('./attachment')).attachment },
  { name: 'sync', summary: 'Sync this vault with your other devices through a folder or WebDAV', load: async () => (await import('./sync')).sync },
];
