// history:* — the usage log, newest first, read from the unlocked vault.
import type { Services } from '../services';
import { handler, type HandlerMap } from './handler';

export function historyHandlers(s: Services): HandlerMap<'history:list'> {
  return {
    'history:list': handler('history:list', (q) => s.vault.unlocked().history(q)),
  };
}
