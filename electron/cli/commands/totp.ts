// `keystash totp`: the current one-time code of an item. Reading the TOTP secret is a use of
// a secret, so each call is recorded in usage history (cli-use, field totp).
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { totpCode } from '../../core/items/totp';
import { resolveItem } from '../resolve-item';

export const totp: Command = {
  name: 'totp',
  summary: 'Print the current one-time code of an item (logged)',
  usage: 'totp ITEM [--time UNIX_SECONDS] [--json]',
  details: `Prints the code on stdout and how long it stays valid on stderr.
--time computes the code for another moment (seconds since 1970), e.g. to check a setup.

Examples:
  keystash totp GitHub
  keystash totp GitHub --time 1111111109`,
  options: {
    time: { type: 'string', value: 'UNIX_SECONDS', help: 'Compute the code for this time instead of now' },
    json: { type: 'boolean', help: 'Print {"code", "expiresInSeconds", "digits", "period"} as JSON' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const time = ctx.args.int('time', { min: 0, max: 1e11 });
    const vault = await ctx.vault();
    const id = resolveItem(vault, ctx.args.positional(0, 'ITEM'));
    const secret = vault.items.useField(id, 'totp', 'cli-use', 'totp code');
    const at = time !== undefined ? time * 1000 : Date.now();
    const code = totpCode(secret, at);
    const expiresInSeconds = Math.ceil(code.expiresInMs / 1000);
    if (ctx.args.flag('json')) {
      ctx.out.json({ code: code.code, expiresInSeconds, digits: code.digits, period: code.period });
      return EXIT.ok;
    }
    ctx.out.data(code.code);
    ctx.out.note(`Valid for ${Math.ceil(code.expiresInMs / 1000)} more seconds (${code.digits} digits, ${code.period} s period).`);
    return EXIT.ok;
  },
};
