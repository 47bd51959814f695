// `keystash list`: items by title with filters; never reveals secrets.
import type { ItemQuery } from '../../../shared/domain';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { ITEM_COLUMNS } from '../item-table';
import { jsonItem } from '../json-output';
import { itemType } from './add';

export const list: Command = {
  name: 'list',
  summary: 'List items (secrets never shown)',
  usage: 'list [--type T] [--tag T] [--folder F] [--favorite] [--trash] [--json]',
  details: `Examples:
  keystash list
  keystash list --type api_key --tag prod --json`,
  options: {
    type: { type: 'string', value: 'T', help: 'Only this type: login, api_key or note' },
    tag: { type: 'string', value: 'T', help: 'Only items with this tag' },
    folder: { type: 'string', value: 'F', help: 'Only items in this folder' },
    favorite: { type: 'boolean', help: 'Only favourites' },
    trash: { type: 'boolean', help: 'List the trash instead' },
    json: { type: 'boolean', help: 'Print {"items": [...]} as JSON; secret values are null' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const a = ctx.args;
    const q: ItemQuery = { sort: 'title' };
    const type = a.string('type');
    if (type !== undefined) q.type = itemType(type);
    const tag = a.string('tag');
    if (tag !== undefined) q.tag = tag;
    const folder = a.string('folder');
    if (folder !== undefined) q.folder = folder;
    if (a.flag('favorite')) q.favorite = true;
    if (a.flag('trash')) q.trash = true;
    const vault = await ctx.vault();
    const items = vault.items.list(q);
    if (a.flag('json')) {
      ctx.out.json({ items: items.map((s) => jsonItem(vault.items.summary(s.id))) });
    } else if (items.length === 0) {
      ctx.out.note(a.flag('trash') ? 'The trash is empty.' : 'No items.');
    } else {
      ctx.out.table(ITEM_COLUMNS, items);
    }
    return EXIT.ok;
  },
};
