// `keystash attach ITEM FILE`: adds a file to an item, read and sealed a chunk at a time.
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { resolveItem } from '../resolve-item';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const attach: Command = {
  name: 'attach',
  summary: 'Attach a file (up to 100 MB) to an item, encrypted in the vault',
  usage: 'attach ITEM FILE [--name NAME]',
  details: `The file is encrypted into the vault in 1 MiB chunks; it is never held whole in memory.
A second file with the same name is kept as "name (2).ext". List, save and remove attachments
with \`keystash attachment\`.

Examples:
  keystash attach "Home router" router-backup.cfg
  keystash attach 3f2a9c1e scan.pdf --name passport.pdf`,
  options: {
    name: { type: 'string', value: 'NAME', help: 'The name to keep it under (default: the file’s own name)' },
  },
  positionals: { min: 2, max: 2 },
  async run(ctx) {
    const vault = await ctx.vault();
    const id = resolveItem(vault, ctx.args.positional(0, 'ITEM'));
    const name = ctx.args.string('name');
    const added = vault.attachments.addFile(id, ctx.args.positional(1, 'FILE'), name);
    ctx.out.note(`Attached “${added.name}” (${sizeText(added.size)}) to “${vault.items.listedItem(id).title}”.`);
    return EXIT.ok;
  },
};

export { sizeText };
