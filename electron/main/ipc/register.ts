// Binds every handler to ipcMain.handle behind the sender check. Takes ipcMain as a
// parameter (no `electron` import) so the check and the channel set are tested in Node.
import { CHANNELS } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { HandlerMap } from './handler';

/** The slice of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, req: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export const UNTRUSTED_SENDER: Result<never> = {
  ok: false,
  error: { code: 'invalid-input', message: 'This request did not come from the Keystash window; it was ignored.' },
};

export function registerIpc(ipc: IpcMainLike, handlers: HandlerMap, isTrusted: (e: InvokeEvent) => boolean): () => void {
  for (const channel of CHANNELS) {
    const run = handlers[channel];
    ipc.handle(channel, async (event, req) => (isTrusted(event) ? run(req) : UNTRUSTED_SENDER));
  }
  return () => {
    for (const channel of CHANNELS) ipc.removeHandler(channel);
  };
}
