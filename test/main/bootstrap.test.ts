// The real composition root and window code, run against a fake `electron` module: the
// window's hardening flags, the session lockdown, IPC with the sender check, and the
// lock triggers. What only a real Electron can show is left to test/e2e/electron-app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { APP_ENTRY_URL, PRODUCTION_CSP } from '../../electron/main/security/csp';
import * as fake from '../support/fake-electron';
import { FAST_KDF, PASSWORD, settle } from './ipc/helpers';

vi.mock('electron', async () => await import('../support/fake-electron'));

const { bootstrap } = await import('../../electron/main/bootstrap');

let dir = '';
const savedEnv = { ...process.env };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-boot-'));
  fake.reset(dir);
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.KEYSTASH_VAULT;
});
afterEach(async () => {
  // Quit like the app does, so the vault file is closed before the folder goes.
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await settle();
  process.env = { ...savedEnv };
  fs.rmSync(dir, { recursive: true, force: true });
});

function theWindow(): fake.BrowserWindow {
  expect(fake.BrowserWindow.created).toHaveLength(1);
  const w = fake.BrowserWindow.created[0];
  if (!w) throw new Error('no window');
  return w;
}

type Invoke = (event: unknown, req: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
function invoke(channel: string, req: unknown, from: { id: number; url?: string; parent?: unknown }): ReturnType<Invoke> {
  const h = fake.ipcMain.handlers.get(channel) as Invoke | undefined;
  if (!h) throw new Error(`${channel} not registered`);
  return h({ sender: { id: from.id }, senderFrame: { url: from.url ?? APP_ENTRY_URL, parent: from.parent ?? null } }, req);
}

describe('bootstrap', () => {
  it('opens one hardened window on app://keystash with DevTools off', async () => {
    await bootstrap();
    const w = theWindow();
    expect(w.loadedUrl).toBe(APP_ENTRY_URL);
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(fake.state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('blocks navigation, redirects and window.open on the window', async () => {
    await bootstrap();
    const wc = theWindow().webContents;
    for (const event of ['will-navigate', 'will-redirect']) {
      const e = { preventDefault: vi.fn() };
      wc.emit(event, e, 'https://evil.example/');
      expect(e.preventDefault).toHaveBeenCalled();
    }
    expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('hardens every other webContents too', async () => {
    await bootstrap();
    const other = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    const e = { preventDefault: vi.fn() };
    other.emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(other.windowOpenHandler?.({})).toEqual({ action: 'deny' });
  });

  it('denies permissions, blocks remote requests and sets the CSP header', async () => {
    await bootstrap();
    const cb = vi.fn();
    fake.state.permissionRequest?.(null, 'notifications', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheck?.(null, 'clipboard-read')).toBe(false);
    const req = vi.fn();
    fake.state.beforeRequest?.({ url: 'https://tracker.example/x.js' }, req);
    expect(req).toHaveBeenCalledWith({ cancel: true });
    const hdr = vi.fn();
    fake.state.headersReceived?.({ responseHeaders: {} }, hdr);
    expect(hdr.mock.calls[0]?.[0]).toMatchObject({ responseHeaders: { 'Content-Security-Policy': [PRODUCTION_CSP] } });
  });

  it('serves app:// files with the CSP header and refuses paths outside the UI folder', async () => {
    await bootstrap();
    const serve = fake.state.protocolHandlers.get('app');
    if (!serve) throw new Error('app:// not handled');
    expect((await serve({ url: 'app://keystash/assets/..%2f..%2f..%2fpackage.json' })).status).toBe(404);
    expect((await serve({ url: 'app://elsewhere/index.html' })).status).toBe(404);
  });

  it('answers IPC from our window and refuses any other sender', async () => {
    await bootstrap();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const ours = theWindow().webContents.id;
    expect(await invoke('vault:status', {}, { id: ours })).toMatchObject({ ok: true, value: { exists: false } });
    for (const from of [{ id: ours + 100 }, { id: ours, url: 'https://evil.example/' }, { id: ours, parent: {} }]) {
      expect(await invoke('vault:create', { password: PASSWORD, kdf: FAST_KDF }, from)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(fs.existsSync(path.join(dir, 'vault.keystash'))).toBe(false);
  });

  it('locks on screen lock, suspend and CmdOrCtrl+L, and wipes the renderer by reloading', async () => {
    await bootstrap();
    const w = theWindow();
    const id = w.webContents.id;
    expect(await invoke('vault:create', { password: PASSWORD, kdf: FAST_KDF }, { id })).toMatchObject({ ok: true });

    const triggers: [string, () => void][] = [
      ['lock-screen', () => void fake.powerMonitor.emit('lock-screen')],
      ['suspend', () => void fake.powerMonitor.emit('suspend')],
      [
        'menu',
        () => {
          const menu = fake.state.menu as { submenu?: { accelerator?: string; click?: () => void }[] }[];
          const item = menu.flatMap((m) => m.submenu ?? []).find((i) => i.accelerator === 'CmdOrCtrl+L');
          if (!item?.click) throw new Error('no CmdOrCtrl+L menu item');
          item.click();
        },
      ],
    ];
    for (const [name, fire] of triggers) {
      expect(await invoke('vault:unlock', { password: PASSWORD }, { id }), name).toMatchObject({ ok: true });
      const reloads = w.webContents.reloads;
      fire();
      await settle();
      expect((await invoke('vault:status', {}, { id })).value, name).toMatchObject({ unlocked: false });
      expect(w.webContents.reloads, name).toBe(reloads + 1);
    }
  });

  it('uses the vault named by KEYSTASH_VAULT, like the CLI', async () => {
    process.env.KEYSTASH_VAULT = path.join(dir, 'elsewhere', 'my.keystash');
    await bootstrap();
    const r = await invoke('vault:status', {}, { id: theWindow().webContents.id });
    expect(r.value).toMatchObject({ path: process.env.KEYSTASH_VAULT });
  });

  it('a second launch quits at once; the first focuses its window', async () => {
    await bootstrap();
    fake.app.emit('second-instance');
    expect(theWindow().focused).toBe(1);

    fake.reset(dir);
    fake.state.singleInstance = false;
    await bootstrap();
    expect(fake.state.quitCalls).toBe(1);
    expect(fake.BrowserWindow.created).toHaveLength(0);
  });

  it('DevTools and the dev server only for the unpackaged app `npm run dev` builds, on a loopback ELECTRON_RENDERER_URL', async () => {
    // electron-vite's define for `npm run dev` (test/security/dev-url-outside-dev.test.ts covers the rest).
    const build = globalThis as { KEYSTASH_DEV_SERVER?: boolean };
    build.KEYSTASH_DEV_SERVER = true;
    onTestFinished(() => {
      delete build.KEYSTASH_DEV_SERVER;
    });
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    await bootstrap();
    expect(theWindow().loadedUrl).toBe('http://localhost:5173/');
    expect(theWindow().options.webPreferences).toMatchObject({ devTools: true });

    for (const [url, packaged] of [['https://evil.example', false], ['http://localhost:5173', true]] as const) {
      fake.reset(dir);
      fake.state.isPackaged = packaged;
      process.env.ELECTRON_RENDERER_URL = url;
      await bootstrap();
      expect(theWindow().loadedUrl).toBe(APP_ENTRY_URL);
      expect(theWindow().options.webPreferences).toMatchObject({ devTools: false });
    }
  });
});
