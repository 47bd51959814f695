// `keystash attachment list|get|rm|restore ITEM [NAME]`: an item's files. `get` writes the
// file (mode 0600, whole or not at all) or, without -o, the content to stdout; every get is
// logged in usage history. `rm` moves a file to the item's trash; --purge deletes it for good.
import fs from 'node:fs';
import type { Command } from '../command';
import { usageError } from '../command';
import { EXIT } from '../exit-codes';
import { formatTable } from '../output';
import { resolveItem } from '../resolve-item';
import { sizeText } from './attach';

const VERBS = ['list', 'get', 'rm', 'restore'] as const;
type Verb = (typeof VERBS)[number];

/** Writes bytes to stdout synchronously; a pipe that is full (EAGAIN) is waited on. */
function writeStdout(bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += fs.writeSync(1, bytes, at, bytes.length - at);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

export const attachment: Command = {
  name: 'attachment',
  summary: 'List, save, remove or restore the files attached to an item',
  usage: 'attachment list ITEM [--json] | get ITEM NAME [-o FILE] [--force] | rm ITEM NAME [--purge] | restore ITEM NAME',
  details: `NAME is the attachment's name (or its id, from \`attachment list --json\`).
  list     the item's files: name, size, type, added (--trash: those in the trash)
  get      saves the file to -o FILE with mode 0600 (an existing file only with --force),
           or writes its content to stdout; logged in usage history
  rm       moves the file to the item's trash; --purge deletes it for good
  restore  brings a file back from the trash

Examples:
  keystash attachment list "Home router" --json
  keystash attachment get "Home router" router-backup.cfg -o ~/router.cfg
  keystash attachment rm "Home router" router-backup.cfg --purge`,
  options: {
    json: { type: 'boolean', help: 'list: print JSON' },
    trash: { type: 'boolean', help: 'list: show the files in the trash' },
    output: { type: 'string', short: 'o', value: 'FILE', help: 'get: write to FILE instead of stdout' },
    force: { type: 'boolean', help: 'get: replace FILE if it exists' },
    purge: { type: 'boolean', help: 'rm: delete for good' },
  },
  positionals: { min: 2, max: 3 },
  async run(ctx) {
    const a = ctx.args;
    const verb = a.positional(0, 'what to do (list, get, rm or restore)') as Verb;
    if (!VERBS.includes(verb)) throw usageError(`Unknown attachment action “${verb}”; use list, get, rm or restore.`);
    const allowed: Record<Verb, string[]> = { list: ['json', 'trash'], get: ['output', 'force'], rm: ['purge'], restore: [] };
    for (const o of ['json', 'trash', 'output', 'force', 'purge']) {
      if (a.has(o) && !allowed[verb].includes(o)) throw usageError(`--${o} does not apply to \`attachment ${verb}\`.`);
    }
    if (verb === 'list' ? a.positionals.length !== 2 : a.positionals.length !== 3) {
      throw usageError(verb === 'list' ? 'Usage: keystash attachment list ITEM [--json]' : `Usage: keystash attachment ${verb} ITEM NAME`);
    }
    const vault = await ctx.vault();
    const id = resolveItem(vault, a.positional(1, 'ITEM'), { includeTrash: verb === 'list' });
    if (verb === 'list') {
      const rows = vault.attachments.list(id, { trash: a.flag('trash') }).filter((x) => !a.flag('trash') || x.deletedAt !== null);
      if (a.flag('json')) {
        ctx.out.json(rows.map((r) => ({ id: r.id, name: r.name, size: r.size, mime: r.mime, createdAt: new Date(r.createdAt).toISOString(), deletedAt: r.deletedAt === null ? null : new Date(r.deletedAt).toISOString() })));
      } else if (rows.length === 0) {
        ctx.out.note(a.flag('trash') ? 'No attachments in the trash.' : 'No attachments.');
      } else {
        ctx.out.lines(formatTable([{ header: 'NAME', value: (r) => r.name, max: 60 }, { header: 'SIZE', value: (r) => sizeText(r.size) }, { header: 'TYPE', value: (r) => r.mime }, { header: 'ADDED', value: (r) => new Date(r.createdAt).toISOString().slice(0, 10) }], rows));
      }
      return EXIT.ok;
    }
    const found = vault.attachments.resolve(id, a.positional(2, 'NAME'), { trash: verb !== 'get' });
    if (verb === 'get') {
      const target = a.string('output');
      if (target !== undefined) {
        vault.attachments.saveTo(id, found.id, target, { force: a.flag('force') });
        ctx.out.note(`Saved “${found.name}” to ${target}.`);
      } else {
        const { chunks } = vault.attachments.use(id, found.id, 'attachment-save', 'stdout');
        for (const c of chunks) {
          writeStdout(c);
          c.fill(0);
        }
      }
    } else if (verb === 'rm') {
      if (a.flag('purge')) {
        vault.attachments.purge(id, found.id);
        ctx.out.note(`Deleted “${found.name}” for good.`);
      } else {
        vault.attachments.trash(id, found.id);
        ctx.out.note(`Moved “${found.name}” to the item’s trash; \`keystash attachment restore\` brings it back.`);
      }
    } else {
      const back = vault.attachments.restore(id, found.id);
      ctx.out.note(`Restored “${back.name}”.`);
    }
    return EXIT.ok;
  },
};
