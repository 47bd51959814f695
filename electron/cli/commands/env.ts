// `keystash env`: prints `export VAR='secret'` (or .env) lines for items, for `eval` or a
// .env file. Each secret printed is recorded in usage history as a CLI use.
import { ENV_FORMATS, type EnvFormat } from '../../../shared/item-views';
import { quote } from '../../../shared/input-text';
import { envLine } from '../../core/api-keys/env-format';
import { type Command, usageError } from '../command';
import { EXIT } from '../exit-codes';

export const env: Command = {
  name: 'env',
  summary: 'Print items as shell export or .env lines (logged)',
  usage: 'env ITEM[.field]... [--name VAR] [--format shell|dotenv] [--json]',
  details: `ITEM's value is an API key's secret or a login's password; ITEM.field picks another
field (username, keyId, notes, field:N). The variable name comes from --name, else from the
key's recognised format (GITHUB_TOKEN, STRIPE_SECRET_KEY...), else from the title in
UPPER_SNAKE case. VAR=ITEM names one variable inline. A key that comes as a set prints every
variable of it: an AWS key pair gives AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and
AWS_REGION from a custom field named region), a Twilio account TWILIO_ACCOUNT_SID and
TWILIO_AUTH_TOKEN, a Google Cloud service-account JSON GOOGLE_CREDENTIALS.
shell: export VAR='value' (POSIX single quotes; ' becomes '\\'').
dotenv: VAR="value" (\\, " and $ escaped, newlines as \\n).

Examples:
  eval "$(keystash env 'Stripe live')"
  keystash env GitHub --name GH_TOKEN
  keystash env OPENAI_API_KEY=OpenAI DB_USER=Postgres.username --format dotenv >> .env`,
  options: {
    name: { type: 'string', value: 'VAR', help: 'Variable name (only with one ITEM)' },
    format: { type: 'string', value: 'FORMAT', help: 'shell (default) or dotenv' },
    json: { type: 'boolean', help: 'Print {"variables": {"VAR": "value"}} as JSON' },
  },
  positionals: { min: 1, max: 100 },
  async run(ctx) {
    const format = (ctx.args.string('format') ?? 'shell') as EnvFormat;
    if (!ENV_FORMATS.includes(format)) throw usageError(`--format is shell or dotenv, not ${quote(format)}.`);
    const name = ctx.args.string('name');
    if (name !== undefined && ctx.args.positionals.length !== 1) throw usageError('--name names one variable: give exactly one ITEM.');
    const json = ctx.args.flag('json');
    const secrets = await (await ctx.secrets()).envVars(ctx.args.positionals, name, `env (${json ? 'json' : format})`);
    if (json) {
      ctx.out.json({ variables: secrets });
      return EXIT.ok;
    }
    ctx.out.lines(Object.entries(secrets).map(([k, v]) => envLine(k, v, format)));
    return EXIT.ok;
  },
};
