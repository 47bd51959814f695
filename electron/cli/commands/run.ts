// `keystash run`: runs a command with secrets in its environment only. No shell, nothing on
// disk; the vault is locked again before the command starts (the agent's stays unlocked), and
// its exit code (128 + n for a signal) becomes ours. Secrets come from --env VAR=ITEM and from
// .env files whose values may be keystash:// references; every secret handed over is recorded
// as a CLI use, and masked in what the command prints unless --no-masking.
import path from 'node:path';
import { parseEnvFile } from '../../core/api-keys/dotenv-file';
import { isReference, parseReference } from '../../core/api-keys/references';
import { KeystashError } from '../../core/errors';
import { type Command, usageError } from '../command';

/** What a shell returns when a command cannot be found. */
const NOT_FOUND = 127;

export const run: Command = {
  name: 'run',
  summary: 'Run a command with secrets in its environment (logged)',
  usage: 'run [--profile NAME] [--env VAR=ITEM[.field]]... [--env-file FILE]... [--no-masking] -- CMD [ARGS...]',
  details: `CMD runs directly (no shell), with the terminal's stdin. The secrets exist only in its
environment: nothing is written to disk. keystash exits with CMD's exit code (128 + n when a
signal ends it, 127 when CMD is not found).
ITEM's value is an API key's secret or a login's password; ITEM.field picks another field.
--env ITEM alone uses the recognised or title-derived name (see keystash env --help); a key
that comes as a set (an AWS key pair...) sets all its variables.
--env-file reads NAME=value lines; a value that is a reference (keystash://ITEM/FIELD, see
keystash read --help) is resolved, any other value is passed as it is. --profile NAME adds a
profile's variables (keystash profile --help) first; env files override it, later files
override earlier ones, and --env overrides them all.
Secret values that CMD prints on stdout or stderr are replaced by <concealed by keystash>
(values shorter than 4 characters are not); --no-masking gives CMD the terminal untouched.

Examples:
  keystash run --env STRIPE_KEY='Stripe live' -- node scripts/charge.js
  keystash run --env-file .env -- npm start        # .env: STRIPE_KEY=keystash://Stripe live/secret
  keystash run --profile shop -- npm start
  keystash run --env OPENAI_API_KEY=OpenAI --env DB_PASS=Postgres -- python app.py --port 8080`,
  options: {
    env: { type: 'string', multiple: true, value: 'VAR=ITEM[.field]', help: 'A variable for the command; repeat for several' },
    'env-file': { type: 'string', multiple: true, value: 'FILE', help: 'A .env file whose keystash:// values are resolved; repeat for several' },
    profile: { type: 'string', value: 'NAME', help: 'The variables of a profile (keystash profile --help)' },
    'no-masking': { type: 'boolean', help: 'Do not hide secret values in what the command prints' },
  },
  positionals: { min: 1, max: 10_000 },
  async run(ctx) {
    const specs = ctx.args.strings('env');
    const files = ctx.args.strings('env-file');
    const profile = ctx.args.string('profile');
    if (specs.length === 0 && files.length === 0 && profile === undefined) throw usageError('Give at least one --env VAR=ITEM, --env-file FILE or --profile NAME.');
    const [command, ...args] = ctx.args.positionals;
    if (command === undefined || command === '') throw usageError('Missing the command to run after --.');
    // Read and check the files before asking for the password: a typo costs no unlock.
    const entries = [];
    for (const file of files) entries.push(...parseEnvFile(await ctx.host.readText(file), file));
    for (const e of entries) if (isReference(e.value)) parseReference(e.value);

    const source = await ctx.secrets();
    if (profile !== undefined) {
      const vars = Object.entries(await source.profile(profile)).map(([name, value]) => ({ name, value, line: 0 }));
      entries.unshift(...vars);
    }
    // Only the program's name goes to history: its arguments may hold anything.
    const note = `run ${path.basename(command)}`;
    const refEntries = entries.filter((e) => isReference(e.value));
    const values = await source.resolve(refEntries.map((e) => e.value), note);
    const resolved = new Map(refEntries.map((e, i) => [e, values[i] ?? '']));
    const plain: Record<string, string> = {};
    const secrets: Record<string, string> = {};
    for (const e of entries) {
      delete plain[e.name];
      delete secrets[e.name];
      const value = resolved.get(e);
      if (value !== undefined) secrets[e.name] = value;
      else plain[e.name] = e.value;
    }
    const fromEnv = specs.length > 0 ? await source.envVars(specs, undefined, note) : {};
    for (const name of Object.keys(fromEnv)) delete plain[name];
    Object.assign(secrets, fromEnv);
    ctx.releaseVault();
    try {
      return await ctx.host.runChild({ command, args, secrets, plain, mask: !ctx.args.flag('no-masking') });
    } catch (err) {
      if (err instanceof KeystashError && err.code === 'not-found') {
        ctx.out.error(err.message);
        return NOT_FOUND;
      }
      throw err;
    }
  },
};
