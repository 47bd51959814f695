// Every `keystash` command, in the order `keystash --help` lists them.
// To add a command: create commands/<name>.ts exporting a Command, import it here, list it.
// A minimal command (see ../command.ts for the contract, show.ts for a fuller one):
//
//   export const hello: Command = {
//     name: 'hello', summary: 'Say hello', usage: 'hello ITEM [--json]',
//     options: { json: { type: 'boolean', help: 'Print JSON' } },
//     positionals: { min: 1, max: 1 },
//     async run(ctx) {
//       const vault = await ctx.vault();                  // asks for the password, unlocks, logs as `cli`
//       const id = resolveItem(vault, ctx.args.positional(0, 'ITEM'));
//       ctx.out.data(vault.items.listedItem(id).title);  // data → stdout; ctx.out.note(...) → stderr
//       return EXIT.ok;                                    // or throw KeystashError(code, sentence)
//     },
//   };
import type { Command } from '../command';
import { add } from './add';
import { attach } from './attach';
import { attachment } from './attachment';
import { edit } from './edit';
import { env } from './env';
import { exportCommand } from './export';
import { generate } from './generate';
import { health } from './health';
import { history } from './history';
import { importCommand } from './import';
import { init } from './init';
import { list } from './list';
import { passwd } from './passwd';
import { restore } from './restore';
import { rm } from './rm';
import { run } from './run';
import { search } from './search';
import { show } from './show';
import { totp } from './totp';

export const COMMANDS: readonly Command[] = [
  init,
  add,
  list,
  search,
  show,
  edit,
  rm,
  restore,
  attach,
  attachment,
  history,
  passwd,
  importCommand,
  exportCommand,
  generate,
  totp,
  health,
  env,
  run,
];
