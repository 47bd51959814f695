// `keystash restore`: take an item out of the trash.
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { resolveItem } from '../resolve-item';

export const restore: Command = {
  name: 'restore',
  summary: 'Bring an item back from the trash',
  usage: 'restore ITEM',
  details: `Example:
  keystash list --trash
  keystash restore "Old router"`,
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const vault = await ctx.vault();
    const ref = ctx.args.positional(0, 'ITEM');
    // Prefer a trashed item when a title is shared by a live item and a trashed one.
    const trashed = vault.items.list({ trash: true }).filter((s) => s.title === ref);
    const id = trashed.length === 1 && trashed[0] ? trashed[0].id : resolveItem(vault, ref, { includeTrash: true });
    const item = vault.items.restore(id);
    ctx.out.note(`Restored “${item.title}”.`);
    return EXIT.ok;
  },
};
