// `keystash read`: prints the one value a secret reference names (like `op read`), logged as a
// CLI use of that item and field.
import { parseReference } from '../../core/api-keys/references';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';

export const read: Command = {
  name: 'read',
  summary: 'Print the value a keystash:// reference names (logged)',
  usage: 'read keystash://ITEM/FIELD [-n]',
  details: `A reference names an item and one of its fields: keystash://ITEM/FIELD.
ITEM is a title (exact, else case-insensitive), an id or a unique id prefix; it may contain /,
since FIELD is what follows the last /. FIELD is password, secret, username, keyId, notes,
totp (the current one-time code) or a custom field's name. %XX escapes are decoded: %2F for
a / inside a field name, %25 for a % that is followed by two hex digits.

Examples:
  keystash read "keystash://Stripe live/secret"
  keystash read keystash://GitHub/totp -n | pbcopy
  keystash read "keystash://Dev/Backend DB/password"     # item "Dev/Backend DB"`,
  options: {
    'no-newline': { type: 'boolean', short: 'n', help: 'Leave out the final newline' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const ref = ctx.args.positional(0, 'REFERENCE');
    parseReference(ref); // a typo costs no password
    const [value = ''] = await (await ctx.secrets()).resolve([ref], 'read');
    ctx.out.raw(ctx.args.flag('no-newline') ? value : `${value}\n`);
    return EXIT.ok;
  },
};
