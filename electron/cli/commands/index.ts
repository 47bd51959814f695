// Every `keystash` command, in the order `keystash --help` lists them.
// To add a command: create commands/<name>.ts exporting a Command, import it here, list it.
import type { Command } from '../command';
import { add } from './add';
import { edit } from './edit';
import { history } from './history';
import { init } from './init';
import { list } from './list';
import { passwd } from './passwd';
import { restore } from './restore';
import { rm } from './rm';
import { search } from './search';
import { show } from './show';

export const COMMANDS: readonly Command[] = [
  init,
  add,
  list,
  search,
  show,
  edit,
  rm,
  restore,
  history,
  passwd,
];
