// `keystash inject`: fills a template's {{ keystash://ITEM/FIELD }} placeholders with the
// values they name (like `op inject`), to stdout or to a file only you can read.
import { fillTemplate, parseReference, templateReferences } from '../../core/api-keys/references';
import { type Command, usageError } from '../command';
import { EXIT } from '../exit-codes';

export const inject: Command = {
  name: 'inject',
  summary: 'Fill {{ keystash://… }} references in a template (logged)',
  usage: 'inject -i TEMPLATE [-o FILE] [--force]',
  details: `Every {{ keystash://ITEM/FIELD }} in TEMPLATE (spaces inside the braces allowed) is replaced
by the value it names; see keystash read --help for references. Everything else is copied as
it is. Each reference is resolved once and logged as a use of its item and field. Nothing is
written unless every reference resolves. -o writes FILE with mode 0600 (whole or not at all);
an existing FILE is replaced only with --force.

Example:
  keystash inject -i config.yml.tpl -o config.yml`,
  options: {
    'in-file': { type: 'string', short: 'i', value: 'TEMPLATE', help: 'The template to fill' },
    'out-file': { type: 'string', short: 'o', value: 'FILE', help: 'Write here (mode 0600) instead of stdout' },
    force: { type: 'boolean', help: 'Replace FILE if it exists' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const input = ctx.args.string('in-file');
    if (input === undefined) throw usageError('Give the template with -i TEMPLATE.');
    const output = ctx.args.string('out-file');
    const template = await ctx.host.readText(input);
    // Every reference is checked before the password is asked for.
    const refs = [...new Set(templateReferences(template))];
    for (const ref of refs) parseReference(ref);
    const values = await (await ctx.secrets()).resolve(refs, 'inject');
    const byRef = new Map(refs.map((r, i) => [r, values[i] ?? '']));
    const filled = fillTemplate(template, (ref) => byRef.get(ref) ?? '');
    if (output === undefined) ctx.out.raw(filled);
    else {
      await ctx.host.writePrivate(output, filled, ctx.args.flag('force'));
      ctx.out.note(`Wrote ${output} (mode 0600).`);
    }
    return EXIT.ok;
  },
};
