// `keystash add`: creates one item from options; secrets only via --secret-stdin.
import { ITEM_TYPES, type ItemType } from '../../../shared/domain';
import { quote } from '../../../shared/input-text';
import { type Command, usageError } from '../command';
import { EXIT } from '../exit-codes';
import { recogniseKey } from '../../../shared/api-key-formats';
import { keySetOf, serviceAccount } from '../../core/api-keys/key-sets';
import { ITEM_OPTIONS, concealedFields, itemFields, mergeFields, readTotp, secretTarget, textFields } from '../item-flags';
import { jsonItem } from '../json-output';

/**
 * What the app's editor pre-fills for a recognised key, for the fields not given: the service
 * (from the secret's format, or the key set: AWS, Twilio, Google Cloud) and a service
 * account's e-mail as its key id.
 */
function recognised(fields: Record<string, unknown>): Record<string, string> {
  const secret = typeof fields.secret === 'string' ? fields.secret : '';
  const keyId = typeof fields.keyId === 'string' ? fields.keyId : '';
  const out: Record<string, string> = {};
  const account = serviceAccount(secret);
  if (!keyId && account?.client_email) out.keyId = account.client_email;
  const service = recogniseKey(secret)?.service ?? keySetOf({ type: 'api_key', keyId: out.keyId ?? keyId, secret })?.service;
  if (fields.service === undefined && service) out.service = service;
  return out;
}

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
secret from the next line (after the password when both are given), and each
--concealed-field NAME one more line. On a terminal each is asked for without echo.
A recognised API key gets its service filled in when --service is not given (AWS key pairs,
Twilio accounts, Google Cloud service-account JSON, and the formats keystash env knows).

Examples:
  keystash add login --title GitHub --username alice --url https://github.com --secret-stdin
  printf '%s\\n' "$MASTER" "$KEY" | keystash --password-stdin add api_key --title Stripe \\
      --service stripe --environment production --expires 2027-01-31 --secret-stdin
  printf '%s\\n' "$MASTER" "$PASSWORD" "$TOTP_URI" | keystash --password-stdin add login \\
      --title GitLab --username alice --secret-stdin --totp-stdin
  printf '%s\\n' "$AWS_SECRET" "$RECOVERY" | keystash add api_key --title "AWS deploy" \\
      --key-id AKIAIOSFODNN7EXAMPLE --field region=eu-west-1 --concealed-field "Recovery code" \\
      --rotate-days 90 --secret-stdin --json
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
    const concealed = await concealedFields(ctx.args, ctx.input);
    const custom = [...textFields(ctx.args).map((f) => ({ ...f, concealed: false })), ...concealed.map((f) => ({ ...f, concealed: true }))];
    if (custom.length > 0) fields.fields = mergeFields([], custom);
    if (type === 'api_key') Object.assign(fields, recognised(fields));
    const created = vault.items.create({ type, ...fields });
    if (ctx.args.flag('json')) ctx.out.json({ id: created.id, item: jsonItem(vault.items.summary(created.id)) });
    else ctx.out.data(created.id);
    ctx.out.note(`Added ${type === 'api_key' ? 'API key' : type} “${created.title}”.`);
    return EXIT.ok;
  },
};
