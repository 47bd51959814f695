// Every IPC handler, keyed by channel. The type forces one handler per channel of the shared
// contract; this module never imports `electron`, so the renderer's Chromium e2e tests bind
// window.api to exactly these functions over a real vault.
import type { Services } from '../services';
import { attachmentHandlers } from './attachment.handlers';
import { generatorHandlers } from './generator.handlers';
import type { HandlerMap } from './handler';
import { healthHandlers } from './health.handlers';
import { historyHandlers } from './history.handlers';
import { importExportHandlers } from './import-export.handlers';
import { itemHandlers } from './item.handlers';
import { profileHandlers } from './profile.handlers';
import { settingsHandlers } from './settings.handlers';
import { syncHandlers } from './sync.handlers';
import { vaultHandlers } from './vault.handlers';

export type { Handler, HandlerMap } from './handler';

export function createHandlers(services: Services): HandlerMap {
  return {
    ...vaultHandlers(services),
    ...itemHandlers(services),
    ...attachmentHandlers(services),
    ...historyHandlers(services),
    ...importExportHandlers(services),
    ...settingsHandlers(services),
    ...generatorHandlers(services),
    ...healthHandlers(services),
    ...profileHandlers(services),
    ...syncHandlers(services),
  };
}
