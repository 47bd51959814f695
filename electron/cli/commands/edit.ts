// `keystash edit`: partial update from the same options as add, plus ways to clear fields.
import { type Command, usageError } from '../command';
import { EXIT } from '../exit-codes';
import { concealedFields, EDIT_ONLY_OPTIONS, ITEM_OPTIONS, itemFields, mergeFields, readTotp, secretTarget, textFields } from '../item-flags';
import { jsonItem } from '../json-output';
import { resolveItem } from '../resolve-item';

export const edit: Command = {
  name: 'edit',
  summary: 'Change fields of an item',
  usage: 'edit ITEM [add options] [--no-favorite] [--no-urls] [--no-tags] [--no-totp] [--add-tag T] [--remove-tag T]',
  details: `Only the options given change. An empty value clears a text field (--notes ""), and
--expires "" removes the expiry date. --url and --tag replace the whole list. --secret-stdin
replaces the password or secret; the previous one is kept in the item's password history.
--totp-stdin replaces the one-time-password secret (read after the password when both are
given) and --no-totp removes it. --field NAME=VALUE sets a custom field (replacing one of the
same name), --concealed-field NAME reads a concealed one from the next stdin line, and
--remove-field NAME removes one. --rotate-days 0 removes the rotation interval.

Examples:
  keystash edit GitHub --username alice@example.com --add-tag work
  printf '%s\\n' "$MASTER" "$NEW_KEY" | keystash --password-stdin edit Stripe --secret-stdin`,
  options: { ...ITEM_OPTIONS, ...EDIT_ONLY_OPTIONS },
  positionals: { min: 1, max: 1 },
  async run(ctx) {
    const a = ctx.args;
    const patch = itemFields(a);
    if (a.flag('no-urls')) {
      if (a.has('url')) throw usageError('--url and --no-urls contradict each other.');
      patch.urls = [];
    }
    const adding = a.strings('add-tag');
    const removing = a.strings('remove-tag');
    if (a.flag('no-tags') && (a.has('tag') || adding.length > 0)) throw usageError('--no-tags contradicts --tag and --add-tag.');
    if (a.flag('no-tags')) patch.tags = [];
    const wantsTotp = a.flag('totp-stdin');
    if (a.flag('no-totp')) {
      if (wantsTotp) throw usageError('--totp-stdin and --no-totp contradict each other.');
      patch.totp = '';
    }
    const wantsSecret = a.flag('secret-stdin');
    const setFields = textFields(a).map((f) => ({ ...f, concealed: false }));
    const removeFields = a.strings('remove-field');
    const wantsFields = setFields.length > 0 || removeFields.length > 0 || a.has('concealed-field');
    if (Object.keys(patch).length === 0 && adding.length === 0 && removing.length === 0 && !wantsSecret && !wantsTotp && !wantsFields) {
      throw usageError('Nothing to change; give at least one option.');
    }
    const vault = await ctx.vault();
    const id = resolveItem(vault, a.positional(0, 'ITEM'), { includeTrash: true });
    const before = vault.items.listedItem(id);
    if (adding.length > 0 || removing.length > 0) {
      const base = Array.isArray(patch.tags) ? (patch.tags as string[]) : before.tags;
      patch.tags = [...new Set([...base, ...adding.map((t) => t.trim())])].filter((t) => !removing.includes(t));
    }
    if (wantsSecret) {
      const target = secretTarget(before.type);
      patch[target.field] = await ctx.input.secret(`New ${target.label.toLowerCase()}`);
    }
    if (wantsTotp) patch.totp = await readTotp(ctx.input);
    if (wantsFields) {
      const concealed = (await concealedFields(a, ctx.input)).map((f) => ({ ...f, concealed: true }));
      // The item's own fields, concealed values included, stay in this process: only names change hands.
      patch.fields = mergeFields(vault.items.withSecrets(id).fields, [...setFields, ...concealed], removeFields);
    }
    const after = vault.items.update(id, patch);
    if (a.flag('json')) ctx.out.json({ id, item: jsonItem(vault.items.summary(id)) });
    ctx.out.note(`Updated “${after.title}”.`);
    return EXIT.ok;
  },
};
