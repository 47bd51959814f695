// Builds window.api from the contract's channel list: one function per channel that forwards
// the request to main with invoke. No ipcRenderer, send or on ever reaches the page.
// Takes contextBridge, ipcRenderer and the list as parameters so a Node test can check the
// shape. Only types come from the contract here: the list itself is handed in (index.ts).
import type { Channel, KeystashApi } from '../../shared/contract';

export interface InvokeLike {
  invoke(channel: string, req: unknown): Promise<unknown>;
}

export interface BridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export function buildApi(ipc: InvokeLike, channels: readonly Channel[]): KeystashApi {
  const api: Record<string, (req?: unknown) => Promise<unknown>> = {};
  for (const channel of channels) {
    // Only the request crosses; the closure keeps ipcRenderer out of the page's reach.
    api[channel] = (req?: unknown) => ipc.invoke(channel, req);
  }
  return Object.freeze(api) as unknown as KeystashApi;
}

export function exposeApi(bridge: BridgeLike, ipc: InvokeLike, channels: readonly Channel[]): void {
  bridge.exposeInMainWorld('api', buildApi(ipc, channels));
}
