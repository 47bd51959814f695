// `keystash restore`: take an item out of the trash.
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { jsonItem } from '../json-output';
import { resolveItem } from '../resolve-item';

export const restore: Command = {
  name: 'restore',
  summary: 'Bring an item back from the trash',
  usage: 'restore ITEM [--json]',
  details: `Example:
  keystash list --trash
  keystash restore "Old router"`,
  options: {
    json: { type: 'boolean', help: 'Print {"id", "item"} as JSON (secret values are null)' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const vault = await ctx.vault();
    const ref = ctx.args.positional(0, 'ITEM');
    // Prefer a trashed item when a title is shared by a live item and a trashed one.
    const trashed = vault.items.list({ trash: true }).filter((s) => s.title === ref);
    const id = trashed.length === 1 && trashed[0] ? trashed[0].id : resolveItem(vault, ref, { includeTrash: true });
    const item = vault.items.restore(id);
    if (ctx.args.flag('json')) ctx.out.json({ id, item: jsonItem(vault.items.summary(id)) });
    ctx.out.note(`Restored “${item.title}”.`);
    return EXIT.ok;
  },
};
