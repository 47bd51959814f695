// The pure security decisions behind the window: CSP, navigation and permission handlers,
// the IPC sender check, the app:// file resolver, allowed requests and clipboard markers.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { concealedEntries, osFormat } from '../../electron/main/adapters/clipboard-formats';
import { registerIpc, UNTRUSTED_SENDER, type InvokeEvent, type IpcMainLike } from '../../electron/main/ipc/register';
import type { HandlerMap } from '../../electron/main/ipc/handler';
import { electronAddonPath } from '../../electron/main/native-binding';
import { resolveAppFile, mimeOf } from '../../electron/main/security/app-files';
import { APP_ENTRY_URL, developmentCsp, loopbackDevOrigin, PRODUCTION_CSP, relaxHtmlCspForDev, withCsp } from '../../electron/main/security/csp';
import { appOrigins, blockNavigation, denyPermissionCheck, denyPermissionRequest, denyWindowOpen, isAppUrl } from '../../electron/main/security/navigation';
import { isAllowedRequest } from '../../electron/main/security/requests';
import { isTrustedSender } from '../../electron/main/security/sender';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k ?? '', v.join(' ')]));
}

describe('Content-Security-Policy', () => {
  const d = directives(PRODUCTION_CSP);

  it('allows only our own files: no remote hosts, inline script, eval, plugins or framing', () => {
    expect(d.get('default-src')).toBe("'none'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('connect-src')).toBe("'none'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|\*/);
  });

  it('the development policy adds only the loopback dev server, never eval', () => {
    const dev = developmentCsp('http://localhost:5173');
    expect(dev).not.toMatch(/unsafe-eval/);
    expect(dev.match(/https?:\/\/[^\s;]+|ws:\/\/[^\s;]+/g)?.every((u) => /^(http|ws):\/\/localhost:5173$/.test(u))).toBe(true);
    expect(directives(dev).get('object-src')).toBe("'none'");
  });

  it('accepts only loopback http dev-server URLs', () => {
    expect(loopbackDevOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(loopbackDevOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    for (const bad of ['https://evil.example', 'http://evil.example:5173', 'file:///tmp/index.html', 'not a url', undefined, '']) {
      expect(loopbackDevOrigin(bad)).toBeNull();
    }
  });

  it('replaces any CSP the response carried', () => {
    const out = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html' }, PRODUCTION_CSP);
    expect(out).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [PRODUCTION_CSP],
      'X-Content-Type-Options': ['nosniff'],
    });
  });
});

describe('navigation, new windows and permissions', () => {
  it('every navigation and redirect is prevented', () => {
    const event = { preventDefault: vi.fn() };
    blockNavigation(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('window.open is denied', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])('permission %s is denied', (perm) => {
    const cb = vi.fn();
    denyPermissionRequest(null, perm, cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });

  it('only our origin counts as the app', () => {
    const prod = appOrigins(null);
    expect(isAppUrl(APP_ENTRY_URL, prod)).toBe(true);
    expect(isAppUrl('app://keystash/assets/index.js', prod)).toBe(true);
    for (const u of ['app://other/index.html', 'https://keystash', 'file:///index.html', 'http://localhost:5173/', 'garbage']) {
      expect(isAppUrl(u, prod)).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/', appOrigins('http://localhost:5173'))).toBe(true);
  });

  it('the session lets through only our files, data: images and the dev socket', () => {
    const prod = appOrigins(null);
    expect(isAllowedRequest('app://keystash/assets/a.js', prod)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', prod)).toBe(true);
    for (const u of ['https://example.com/x.js', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/passwd']) {
      expect(isAllowedRequest(u, prod)).toBe(false);
    }
    const dev = appOrigins('http://localhost:5173');
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('ws://evil.example/', dev)).toBe(false);
  });
});

describe('IPC sender check', () => {
  const ours = { webContentsId: () => 7, origins: appOrigins(null) };
  const good = { webContentsId: 7, frameUrl: APP_ENTRY_URL, isMainFrame: true };

  it('trusts our window main frame showing our UI', () => {
    expect(isTrustedSender(good, ours)).toBe(true);
  });

  it.each([
    ['another webContents', { ...good, webContentsId: 8 }],
    ['a subframe', { ...good, isMainFrame: false }],
    ['a frame that navigated away', { ...good, frameUrl: 'https://evil.example/' }],
    ['a file: page', { ...good, frameUrl: 'file:///tmp/x.html' }],
    ['a destroyed frame', { ...good, frameUrl: null }],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, ours)).toBe(false);
  });

  it('refuses everything while our window does not exist', () => {
    expect(isTrustedSender(good, { ...ours, webContentsId: () => null })).toBe(false);
  });

  it('registers every channel, answers untrusted senders with an error and never runs the handler', async () => {
    const registered = new Map<string, (e: InvokeEvent, req: unknown) => Promise<unknown>>();
    const ipc: IpcMainLike = { handle: (c, l) => void registered.set(c, l), removeHandler: (c) => void registered.delete(c) };
    const calls: string[] = [];
    const handlers = Object.fromEntries(
      CHANNELS.map((c) => [c, async (req: unknown) => (calls.push(c), { ok: true, value: req })]),
    ) as unknown as HandlerMap;
    const trusted = (e: InvokeEvent) => e.sender.id === 1;
    const unregister = registerIpc(ipc, handlers, trusted);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());

    const listener = registered.get('item:reveal');
    if (!listener) throw new Error('item:reveal not registered');
    const frame = { url: APP_ENTRY_URL, parent: null };
    await expect(listener({ sender: { id: 2 }, senderFrame: frame }, { id: 'x', field: 'password' })).resolves.toEqual(UNTRUSTED_SENDER);
    expect(calls).toEqual([]);
    await expect(listener({ sender: { id: 1 }, senderFrame: frame }, { id: 'x' })).resolves.toEqual({ ok: true, value: { id: 'x' } });
    expect(calls).toEqual(['item:reveal']);

    unregister();
    expect(registered.size).toBe(0);
  });
});

describe('app:// file serving', () => {
  const root = path.resolve('/srv/keystash/out/renderer');

  it('maps our URLs into the renderer folder', () => {
    expect(resolveAppFile('app://keystash/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://keystash/assets/index-abc.js', root)).toBe(path.join(root, 'assets/index-abc.js'));
    expect(mimeOf('x/index.html')).toMatch(/^text\/html/);
    expect(mimeOf('x/a.js')).toMatch(/^text\/javascript/);
  });

  it.each(['app://keystash/../../vault.keystash', 'app://keystash/%2e%2e/%2e%2e/vault.keystash'])(
    'dot segments are normalised inside the folder: %s',
    (url) => {
      expect(resolveAppFile(url, root)).toBe(path.join(root, 'vault.keystash'));
    },
  );

  it.each([
    'app://keystash/assets/..%2f..%2f..%2fvault.keystash',
    'app://keystash/..%5c..%5cvault.keystash',
    'app://keystash/%00index.html',
    'app://keystash/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://keystash/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });
});

describe('clipboard concealment markers', () => {
  it('linux: KDE password-manager hint', () => {
    expect(concealedEntries('pw', 'linux')).toEqual({ 'text/plain': 'pw', [osFormat('x-kde-passwordManagerHint')]: 'secret' });
  });

  it('macOS: nspasteboard concealed and transient types', () => {
    const e = concealedEntries('pw', 'darwin');
    expect(Object.keys(e)).toEqual(['text/plain', osFormat('org.nspasteboard.ConcealedType'), osFormat('org.nspasteboard.TransientType')]);
  });

  it('windows: excluded from clipboard history and cloud clipboard (DWORD 0)', () => {
    const e = concealedEntries('pw', 'win32');
    expect(e['text/plain']).toBe('pw');
    expect(e[osFormat('ExcludeClipboardContentFromMonitorProcessing')]).toBeInstanceOf(Uint8Array);
    expect([...(e[osFormat('CanIncludeInClipboardHistory')] as Uint8Array)]).toEqual([0, 0, 0, 0]);
    expect([...(e[osFormat('CanUploadToCloudClipboard')] as Uint8Array)]).toEqual([0, 0, 0, 0]);
  });

  it('uses Electron 45 raw OS format names', () => {
    expect(osFormat('x')).toBe('electron application/osclipboard;format="x"');
  });
});

describe('native addon location', () => {
  it('is per Electron version under .native/', () => {
    expect(electronAddonPath('/app', '45.5.0')).toBe(path.join('/app', '.native', 'electron-45.5.0', 'better_sqlite3.node'));
  });
});

describe('dev-server meta CSP', () => {
  const meta = `<meta\n      http-equiv="Content-Security-Policy"\n      content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'none'; object-src 'none'"\n    />`;

  it('admits inline preamble, injected styles and the HMR socket, and nothing remote', () => {
    const out = relaxHtmlCspForDev(meta);
    expect(out).toContain(`content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws://localhost:* ws://127.0.0.1:*; object-src 'none'"`);
    expect(out).not.toMatch(/unsafe-eval|https?:/);
  });

  it('leaves a page without a CSP tag alone', () => {
    expect(relaxHtmlCspForDev('<html></html>')).toBe('<html></html>');
  });
});
