// `keystash profile`: named sets of VAR=keystash://ITEM/FIELD kept encrypted in the vault
// (like envchain's namespaces), for `keystash run --profile NAME`. Profiles hold references,
// not values: listing one shows no secret and is not a use of one.
import { quote } from '../../../shared/input-text';
import { type Command, usageError } from '../command';
import { EXIT } from '../exit-codes';
import { printable } from '../output';

function pairs(specs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw usageError(`Give each variable as VAR=keystash://ITEM/FIELD, not ${quote(spec)}.`);
    out[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  return out;
}

export const profile: Command = {
  name: 'profile',
  summary: 'Named sets of VAR=keystash:// references for run --profile',
  usage: 'profile set NAME VAR=REF... | profile list [NAME] [--json] | profile rm NAME [VAR...]',
  details: `set adds or replaces variables of profile NAME (creating it); each value must be a
reference (keystash read --help). rm removes the named variables, or the whole profile.
The profiles are stored encrypted in the vault.

Examples:
  keystash profile set shop STRIPE_KEY="keystash://Stripe live/secret" DB_PASS=keystash://Postgres/password
  keystash profile list
  keystash run --profile shop -- npm start
  keystash profile rm shop DB_PASS`,
  options: {
    json: { type: 'boolean', help: 'list: print {"profiles": {NAME: {VAR: REF}}}' },
  },
  positionals: { min: 1, max: 1_000 },
  async run(ctx) {
    const [action, name, ...rest] = ctx.args.positionals;
    const vault = await ctx.vault();
    switch (action) {
      case 'set': {
        if (name === undefined || rest.length === 0) throw usageError('Usage: keystash profile set NAME VAR=REF...');
        const vars = vault.profiles.set(name, pairs(rest));
        ctx.out.note(`Profile ${quote(name)} has ${Object.keys(vars).length} variable(s).`);
        return EXIT.ok;
      }
      case 'list': {
        const all = name === undefined ? vault.profiles.list() : { [name]: vault.profiles.get(name) };
        if (ctx.args.flag('json')) ctx.out.json({ profiles: all });
        else if (Object.keys(all).length === 0) ctx.out.note('No profiles yet; `keystash profile set NAME VAR=REF...` makes one.');
        else for (const [n, vars] of Object.entries(all)) ctx.out.lines([`${printable(n)}:`, ...Object.entries(vars).map(([k, v]) => `  ${k}=${printable(v)}`)]);
        return EXIT.ok;
      }
      case 'rm': {
        if (name === undefined) throw usageError('Usage: keystash profile rm NAME [VAR...]');
        vault.profiles.remove(name, rest);
        ctx.out.note(rest.length === 0 ? `Removed profile ${quote(name)}.` : `Removed ${rest.join(', ')} from ${quote(name)}.`);
        return EXIT.ok;
      }
      default:
        throw usageError(`Unknown profile action ${quote(action ?? '')}: use set, list or rm.`);
    }
  },
};
