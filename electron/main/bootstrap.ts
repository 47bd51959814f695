// The one composition root of the desktop app: single-instance lock, privileged app://
// scheme, hardened session and window, services, IPC, menu, and the lock triggers
// (idle, screen lock, suspend, CmdOrCtrl+L). Everything with logic lives in electron-free
// modules; this file only wires them to Electron.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Notification, powerMonitor, shell } from 'electron';
import { agentDir } from '../core/agent/runtime-dir';
import { VAULT_ENV, VAULT_FILE_NAME } from '../core/paths';
import { electronConfirmations } from './adapters/confirm-dialog';
import { electronClipboard } from './adapters/electron-clipboard';
import { electronAttachmentDialog, electronAttachmentSaveDialog, electronKeyFileDialog, electronSyncFolderDialog } from './adapters/file-pick-dialogs';
import { electronOpenDialog } from './adapters/open-dialog';
import { electronSaveDialog } from './adapters/save-dialog';
import { registerAppScheme, serveAppFiles } from './app-protocol';
import { builtForDevServer, devServerOrigin } from './dev-server';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { installMenu } from './menu';
import { findElectronAddon } from './native-binding';
import { APP_ENTRY_URL, developmentCsp, PRODUCTION_CSP } from './security/csp';
import { appOrigins } from './security/navigation';
import { isTrustedSender } from './security/sender';
import { createServices, type Services } from './services';
import { safeExternalUrl } from './services/url-opener';
import { createWindow, hardenAllWebContents, hardenSession } from './window';

function vaultPath(): string {
  const fromEnv = process.env[VAULT_ENV];
  return fromEnv ? path.resolve(fromEnv) : path.join(app.getPath('userData'), VAULT_FILE_NAME);
}

function startServices(): Services {
  const nativeBinding = findElectronAddon(app.getAppPath(), process.versions.electron);
  if (!nativeBinding && !app.isPackaged) {
    console.warn('Keystash: no better-sqlite3 build for this Electron in .native/; run `npm start`, which builds it.');
  }
  return createServices({
    userDataDir: app.getPath('userData'),
    vaultPath: vaultPath(),
    clipboard: electronClipboard(),
    chooseSavePath: electronSaveDialog(),
    chooseOpenPath: electronOpenDialog(),
    chooseKeyFile: electronKeyFileDialog(),
    chooseSyncFolder: electronSyncFolderDialog(),
    chooseAttachment: electronAttachmentDialog(),
    chooseAttachmentTarget: electronAttachmentSaveDialog(),
    confirm: electronConfirmations(),
    // Checked again here: the URL opener is the only path from the app to the OS shell.
    openExternal: (url) => shell.openExternal(safeExternalUrl(url)),
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    vaultOptions: nativeBinding ? { nativeBinding } : {},
    // Built beside index.js from core/health/score-worker.ts (electron.vite.config.ts).
    healthWorker: { file: path.join(__dirname, 'health-worker.js') },
    // While the lock screen waits for the master password (docs/app.md, "Unlocking").
    rehearseUnlock: {},
    ...(process.platform === 'win32' ? {} : { cliBridgeDir: agentDir() }),
  });
}

export async function bootstrap(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Development means `npm run dev`'s build, electron-vite's dev server on loopback, in an
  // unpackaged app only (dev-server.ts); `npm start` and an installed app ignore the variable.
  const devOrigin = devServerOrigin({ devBuild: builtForDevServer(), isPackaged: app.isPackaged, rendererUrl: process.env.ELECTRON_RENDERER_URL });
  const devTools = devOrigin !== null;
  const csp = devOrigin ? developmentCsp(devOrigin) : PRODUCTION_CSP;
  const origins = appOrigins(devOrigin);

  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents();
  await app.whenReady();

  serveAppFiles(path.join(__dirname, '../renderer'), PRODUCTION_CSP);
  hardenSession(csp, origins);
  const services = startServices();
  // The CLI's `read`, `inject`, `run` and `env` may ask the unlocked app (cli-bridge.service.ts);
  // a shared agent directory is refused and the app works on without it.
  services.cliBridge?.start().catch((err: unknown) => console.warn(`Keystash: not answering the CLI: ${err instanceof Error ? err.message : String(err)}`));

  let win: BrowserWindow | null = null;
  const open = (): void => {
    win = createWindow({
      preloadPath: path.join(__dirname, '../preload/index.js'),
      entryUrl: devOrigin ? `${devOrigin}/` : APP_ENTRY_URL,
      devTools,
      csp,
      origins,
    });
    win.on('closed', () => {
      win = null;
    });
  };

  registerIpc(ipcMain, createHandlers(services), (event) =>
    isTrustedSender(
      { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame?.parent == null },
      { webContentsId: () => win?.webContents.id ?? null, origins },
    ),
  );

  // A lock wipes the renderer: reloading drops every decrypted summary it held.
  services.onLock(() => win?.webContents.reload());
  const lock = (reason: Parameters<Services['lock']>[0]) => () => void services.lock(reason);
  powerMonitor.on('lock-screen', lock('screen-locked'));
  powerMonitor.on('suspend', lock('suspend'));
  services.autoLock.start();
  installMenu({ lock: lock('manual'), devTools, isMac: process.platform === 'darwin' });

  app.on('second-instance', () => {
    if (!win) return open();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());

  let shutDown = false;
  app.on('before-quit', (event) => {
    if (shutDown) return;
    // Clear our clipboard copy and close the vault before the process goes away.
    event.preventDefault();
    shutDown = true;
    void services.shutdown().finally(() => app.quit());
  });

  open();
}
