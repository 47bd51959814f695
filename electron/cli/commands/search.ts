// `keystash search`: full-text search over the decrypted index (never over secrets).
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { ITEM_COLUMNS } from '../item-table';
import { jsonItem } from '../json-output';

export const search: Command = {
  name: 'search',
  summary: 'Find items by title, username, URL, service, tags and notes',
  usage: 'search QUERY [--json]',
  details: `Every word of QUERY must match (case and accents ignored); best title matches first.
Secret values are never searched.

Example:
  keystash search github`,
  options: {
    json: { type: 'boolean', help: 'Print {"items": [...]} as JSON; secret values are null' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const text = ctx.args.positional(0, 'QUERY');
    const vault = await ctx.vault();
    const items = vault.items.list({ text, sort: 'relevance' });
    if (ctx.args.flag('json')) ctx.out.json({ items: items.map((s) => jsonItem(vault.items.summary(s.id))) });
    else if (items.length === 0) ctx.out.note(`Nothing matches “${text}”.`);
    else ctx.out.table(ITEM_COLUMNS, items);
    return EXIT.ok;
  },
};
