// Attack: dev URL honoured outside dev. ELECTRON_RENDERER_URL pointed the window (and with it
// window.api) at any loopback page whenever the app was unpackaged, `npm start` included, so
// anyone able to set an environment variable could serve the window a page of their own. Now
// only a main process built by `npm run dev` (electron-vite's dev server in development mode)
// honours it. The real bootstrap runs against the fake `electron` module; the build flag is
// the real electron.vite.config.ts's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keystashConfig } from '../../electron.vite.config';
import { APP_ENTRY_URL } from '../../electron/main/security/csp';
import * as fake from '../support/fake-electron';
import { settle } from '../main/ipc/helpers';

vi.mock('electron', async () => await import('../support/fake-electron'));

const { bootstrap } = await import('../../electron/main/bootstrap');

/** What electron-vite's `define` does to the built main process, done to this one. */
const build = globalThis as { KEYSTASH_DEV_SERVER?: boolean };
let dir = '';
const savedEnv = { ...process.env };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-devurl-'));
  fake.reset(dir);
  delete process.env.KEYSTASH_VAULT;
  process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
});
afterEach(async () => {
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await settle();
  delete build.KEYSTASH_DEV_SERVER;
  process.env = { ...savedEnv };
  fs.rmSync(dir, { recursive: true, force: true });
});

async function loaded(): Promise<{ url: string | null; devTools: unknown }> {
  await bootstrap();
  const w = fake.BrowserWindow.created[0];
  if (!w) throw new Error('no window');
  return { url: w.loadedUrl, devTools: (w.options.webPreferences as { devTools?: unknown } | undefined)?.devTools };
}

const defineFor = (command: 'build' | 'serve', mode: string): unknown => keystashConfig({ command, mode }).main?.define?.KEYSTASH_DEV_SERVER;

describe('ELECTRON_RENDERER_URL outside `npm run dev`', () => {
  it('is ignored by an unpackaged app built for `npm start`', async () => {
    build.KEYSTASH_DEV_SERVER = false;
    expect(await loaded()).toEqual({ url: APP_ENTRY_URL, devTools: false });
  });

  it('is ignored by a packaged app, even one built by the dev server', async () => {
    build.KEYSTASH_DEV_SERVER = true;
    fake.state.isPackaged = true;
    expect(await loaded()).toEqual({ url: APP_ENTRY_URL, devTools: false });
  });

  it('is honoured under `npm run dev`, and only for a loopback http origin', async () => {
    build.KEYSTASH_DEV_SERVER = true;
    expect(await loaded()).toEqual({ url: 'http://localhost:5173/', devTools: true });
    fake.reset(dir);
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example';
    expect(await loaded()).toEqual({ url: APP_ENTRY_URL, devTools: false });
  });

  it('only `npm run dev` builds a main process that honours it', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    // `npm start` and `npm run build` are electron-vite builds: the flag is false there.
    expect(scripts.start).toMatch(/electron-vite build/);
    expect(scripts.build).toMatch(/electron-vite build/);
    expect(scripts.dist).toMatch(/^electron-vite build/);
    expect(defineFor('build', 'production')).toBe('false');
    expect(defineFor('build', 'development')).toBe('false');
    // The dev server only with the explicit development mode.
    expect(scripts.dev).toMatch(/electron-vite dev --mode development/);
    expect(defineFor('serve', 'development')).toBe('true');
    expect(defineFor('serve', 'production')).toBe('false');
  });

  it('the main process `npm start` builds cannot honour it', () => {
    // The very build `npm start` runs, into a folder of its own, then the compiled check read back.
    const root = path.join(__dirname, '../..');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-build-'));
    try {
      const r = spawnSync('npx', ['electron-vite', 'build', '--outDir', out, '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const main = fs.readFileSync(path.join(out, 'main', 'index.js'), 'utf8');
      expect(main).toMatch(/function builtForDevServer\(\) \{\s*return false;\s*\}/);
      expect(main).not.toContain('KEYSTASH_DEV_SERVER');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
