// `keystash rm`: trash an item, or purge it for good.
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { resolveItem } from '../resolve-item';

export const rm: Command = {
  name: 'rm',
  summary: 'Move an item to the trash, or delete it for good with --purge',
  usage: 'rm ITEM [--purge] [--json]',
  details: `Without --purge the item goes to the trash and \`keystash restore ITEM\` brings it back.
With --purge it is deleted from the vault file for good, with its password history.

Examples:
  keystash rm "Old router"
  keystash rm 3f2a9c1e --purge`,
  options: {
    purge: { type: 'boolean', help: 'Delete for good (also works on items already in the trash)' },
    json: { type: 'boolean', help: 'Print {"id", "title", "purged"} as JSON' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const vault = await ctx.vault();
    const purge = ctx.args.flag('purge');
    const id = resolveItem(vault, ctx.args.positional(0, 'ITEM'), { includeTrash: purge });
    const title = vault.items.listedItem(id).title;
    if (purge) {
      vault.items.purge(id);
      ctx.out.note(`Deleted “${title}” for good.`);
    } else {
      vault.items.trash(id);
      ctx.out.note(`Moved “${title}” to the trash; \`keystash restore ${id}\` brings it back.`);
    }
    if (ctx.args.flag('json')) ctx.out.json({ id, title, purged: purge });
    return EXIT.ok;
  },
};
