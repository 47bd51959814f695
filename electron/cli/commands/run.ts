// `keystash run`: runs a command with secrets in its environment only. No shell, nothing on
// disk; the vault is locked again before the command starts, and its exit code (128 + n for
// a signal) becomes ours. Each secret handed over is recorded as a CLI use.
import path from 'node:path';
import { bindingsFor, fetchSecrets } from '../../core/api-keys/bindings';
import { KeystashError } from '../../core/errors';
import { type Command, usageError } from '../command';
import { resolveItem } from '../resolve-item';

/** What a shell returns when a command cannot be found. */
const NOT_FOUND = 127;

export const run: Command = {
  name: 'run',
  summary: 'Run a command with secrets in its environment (logged)',
  usage: 'run --env VAR=ITEM[.field]... -- CMD [ARGS...]',
  details: `CMD runs directly (no shell), with the terminal's stdin, stdout and stderr. The secrets
exist only in its environment: nothing is written to disk. keystash exits with CMD's exit
code (128 + n when a signal ends it, 127 when CMD is not found).
ITEM's value is an API key's secret or a login's password; ITEM.field picks another field.
--env ITEM alone uses the recognised or title-derived name (see keystash env --help).

Examples:
  keystash run --env STRIPE_KEY='Stripe live' -- node scripts/charge.js
  keystash run --env OPENAI_API_KEY=OpenAI --env DB_PASS=Postgres -- python app.py --port 8080`,
  options: {
    env: { type: 'string', multiple: true, value: 'VAR=ITEM[.field]', help: 'A variable for the command; repeat for several' },
  },
  positionals: { min: 1, max: 10_000 },
  async run(ctx) {
    const specs = ctx.args.strings('env');
    if (specs.length === 0) throw usageError('Give at least one --env VAR=ITEM.');
    const [command, ...args] = ctx.args.positionals;
    if (command === undefined || command === '') throw usageError('Missing the command to run after --.');
    const vault = await ctx.vault();
    const resolve = (ref: string): string => resolveItem(vault, ref);
    const bindings = specs.flatMap((spec) => bindingsFor(vault.items, spec, resolve));
    // Only the program's name goes to history: its arguments may hold anything.
    const secrets = fetchSecrets(vault.items, bindings, `run ${path.basename(command)}`);
    ctx.releaseVault();
    try {
      return await ctx.host.runChild({ command, args, secrets });
    } catch (err) {
      if (err instanceof KeystashError && err.code === 'not-found') {
        ctx.out.error(err.message);
        return NOT_FOUND;
      }
      throw err;
    }
  },
};
