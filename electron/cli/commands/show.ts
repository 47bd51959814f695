// `keystash show`: one item; secrets are masked unless --reveal, which logs each reveal.
import type { ItemSummary } from '../../../shared/domain';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { localTime } from '../format';
import { jsonItem, revealAll, type Revealed } from '../json-output';
import { formatPairs } from '../output';
import { resolveItem } from '../resolve-item';

export const HIDDEN = '••••••••  (hidden; use --reveal)';

function secretLine(present: boolean, value: string | undefined): string | null {
  if (!present) return null;
  return value ?? HIDDEN;
}

/** Label/value pairs for one item; empty fields are left out. */
function describe(s: ItemSummary, r: Revealed | null): [string, string][] {
  const rows: [string, string | null][] = [
    ['Title', s.title],
    ['Type', s.type === 'api_key' ? 'API key' : s.type],
    ['ID', s.id],
    ['Username', s.username || null],
    ['Password', secretLine(s.hasPassword, r?.password)],
    ['Service', s.service || null],
    ['Key id', s.keyId || null],
    ['Secret', secretLine(s.hasSecret, r?.secret)],
    ['Environment', s.environment || null],
    ['Expires', s.expiresAt],
    ['URLs', s.urls.length ? s.urls.join('\n') : null],
    ['TOTP', secretLine(s.hasTotp, r?.totp)],
    ...s.fields.map((f, i): [string, string] => [f.name, f.concealed ? (r?.fields.get(i) ?? HIDDEN) : (f.value ?? '')]),
    ['Tags', s.tags.length ? s.tags.join(', ') : null],
    ['Folder', s.folder || null],
    ['Favorite', s.favorite ? 'yes' : null],
    ['Notes', s.notes || null],
    ['Created', localTime(s.createdAt)],
    ['Updated', localTime(s.updatedAt)],
    ['Last used', s.lastUsedAt === null ? null : localTime(s.lastUsedAt)],
    ['In trash since', s.deletedAt === null ? null : localTime(s.deletedAt)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

export const show: Command = {
  name: 'show',
  summary: 'Show one item; secrets only with --reveal (logged)',
  usage: 'show ITEM [--reveal] [--json]',
  details: `ITEM is an id, a unique id prefix (4+ characters) or an exact title.
Each secret shown with --reveal is written to usage history as a reveal from the CLI.

Examples:
  keystash show GitHub
  keystash show 3f2a9c1e --reveal --json | jq -r .items[0].password`,
  options: {
    reveal: { type: 'boolean', help: 'Show secret values (each reveal is logged)' },
    json: { type: 'boolean', help: 'Print {"items": [item]} as JSON; secret values are null without --reveal' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const vault = await ctx.vault();
    const id = resolveItem(vault, ctx.args.positional(0, 'ITEM'), { includeTrash: true });
    const revealed = ctx.args.flag('reveal') ? revealAll(vault, id) : null;
    const summary = vault.items.summary(id);
    if (ctx.args.flag('json')) ctx.out.json({ items: [jsonItem(summary, revealed ?? undefined)] });
    else ctx.out.lines(formatPairs(describe(summary, revealed)));
    return EXIT.ok;
  },
};
