// Every IPC handler, keyed by channel. The type forces one handler per channel in
// shared/ipc-channels.ts; this module never imports `electron`, so the renderer's Chromium
// e2e tests bind window.api to exactly these functions over a real vault.
import type { Services } from '../services';
import type { HandlerMap } from './handler';
import { historyHandlers } from './history.handlers';
import { importExportHandlers } from './import-export.handlers';
import { itemHandlers } from './item.handlers';
import { settingsHandlers } from './settings.handlers';
import { toolsHandlers } from './tools.handlers';
import { vaultHandlers } from './vault.handlers';

export type { Handler, HandlerMap } from './handler';

export function createHandlers(services: Services): HandlerMap {
  return {
    ...vaultHandlers(services),
    ...itemHandlers(services),
    ...historyHandlers(services),
    ...settingsHandlers(services),
    ...importExportHandlers(services),
    ...toolsHandlers(services),
  };
}
