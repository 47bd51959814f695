// Creates the one hardened window and locks down its session: CSP on every response,
// no permissions, no navigation, no new windows, no requests outside our origins.
// test/main/window.test.ts runs this file against a fake `electron` module.
import { app, BrowserWindow, session } from 'electron';
import { withCsp } from './security/csp';
import { blockNavigation, denyPermissionCheck, denyPermissionRequest, denyWindowOpen, type AppOrigins } from './security/navigation';
import { isAllowedRequest } from './security/requests';

export interface WindowConfig {
  preloadPath: string;
  entryUrl: string;
  devTools: boolean;
  csp: string;
  origins: AppOrigins;
}

export function hardenSession(csp: string, origins: AppOrigins): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, origins) }));
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders, csp) }));
}

/** Applies to every webContents Electron ever creates, not just ours. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', blockNavigation);
    contents.on('will-redirect', blockNavigation);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(denyWindowOpen);
  });
}

export function createWindow(cfg: WindowConfig): BrowserWindow {
  // Written out in full here (not built elsewhere) so reviewers and Electronegativity see it.
  const win = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    title: 'Keystash',
    show: false,
    webPreferences: {
      preload: cfg.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: cfg.devTools,
    },
  });
  win.webContents.on('will-navigate', blockNavigation);
  win.webContents.on('will-redirect', blockNavigation);
  win.webContents.setWindowOpenHandler(denyWindowOpen);
  if (!cfg.devTools) win.webContents.on('devtools-opened', () => win.webContents.closeDevTools());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(cfg.entryUrl);
  return win;
}
