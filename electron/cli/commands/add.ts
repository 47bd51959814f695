// `keystash add`: creates one item from options; secrets only via --secret-stdin.
import { ITEM_TYPES, type ItemType } from '../../../shared/domain';
import { quote } from '../../../shared/input-text';
import { type Command, usageError } from '../command';
import { EXIT } from '../exit-codes';
import { ITEM_OPTIONS, itemFields, readTotp, secretTarget } from '../item-flags';

export function itemType(raw: string): ItemType {
  const t = raw === 'api-key' || raw === 'apikey' ? 'api_key' : raw;
  if (!(ITEM_TYPES as readonly string[]).includes(t)) throw usageError(`Unknown item type ${quote(raw)}; use login, api_key or note.`);
  return t as ItemType;
}

export const add: Command = {
  name: 'add',
  summary: 'Add a login, API key or note; prints its id',
  usage: 'add login|api_key|note --title T [options]',
  details: `Secrets are never taken as arguments: --secret-stdin reads the password (login) or secret
(API key) from the line after the master password, or from the first line without
--password-stdin. --totp-stdin reads a login's one-time-password otpauth:// URI or base32
secret from the next line (after the password when both are given). On a terminal each is
asked for without echo.

Examples:
  keystash add login --title GitHub --username alice --url https://github.com --secret-stdin
  printf '%s\\n' "$MASTER" "$KEY" | keystash --password-stdin add api_key --title Stripe \\
      --service stripe --environment production --expires 2027-01-31 --secret-stdin
  printf '%s\\n' "$MASTER" "$PASSWORD" "$TOTP_URI" | keystash --password-stdin add login \\
      --title GitLab --username alice --secret-stdin --totp-stdin
  keystash add note --title "Wi-Fi" --notes "Guest network: keystash-guest"`,
  options: ITEM_OPTIONS,
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const type = itemType(ctx.args.positional(0, 'item type'));
    const fields = itemFields(ctx.args);
    if (fields.title === undefined) throw usageError('--title is required.');
    const target = ctx.args.flag('secret-stdin') ? secretTarget(type) : null;
    const vault = await ctx.vault();
    if (target) fields[target.field] = await ctx.input.secret(target.label);
    if (ctx.args.flag('totp-stdin')) fields.totp = await readTotp(ctx.input);
    const created = vault.items.create({ type, ...fields });
    ctx.out.data(created.id);
    ctx.out.note(`Added ${type === 'api_key' ? 'API key' : type} “${created.title}”.`);
    return EXIT.ok;
  },
};
