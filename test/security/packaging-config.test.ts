// Issue 11 §5, the configuration: what electron-builder.ts and package.json ask for,
// checked value by value, and checked against electron-builder's own configuration schema.
// Electron cannot be downloaded here, so the installers themselves are built elsewhere
// (docs/development.md#building-installers); packaged-app.test.ts runs the real packer once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import config, { ELECTRON_VERSION } from '../../electron-builder';
import { electronAddonPath, findElectronAddon, packagedAddonPath } from '../../electron/main/native-binding';
import { keystashAfterPack, keystashBeforePack } from '../../packaging/hooks';
import { KEYSTASH_FUSES } from '../../packaging/fuses';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  productName: string;
  description: string;
  main: string;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.ts', () => {
  it('is a valid electron-builder configuration by electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is real: an unknown option or a wrong type is refused', async () => {
    const schemaError = /does not match the API schema/;
    await expect(validateConfiguration({ ...config, asarr: true } as typeof config, new DebugLogger(false))).rejects.toThrow(schemaError);
    await expect(validateConfiguration({ ...config, asar: 'yes' } as unknown as typeof config, new DebugLogger(false))).rejects.toThrow(schemaError);
  });

  it('is the configuration electron-builder finds on its own (a bare `npx electron-builder` gets the fuses too)', async () => {
    const found = await getConfig(root, null, null);
    expect(found.appId).toBe(config.appId);
    expect(typeof found.afterPack === 'function' && found.afterPack.name).toBe('keystashAfterPack');
  });

  it('builds AppImage and deb on Linux, dmg on macOS, NSIS on Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('sets the app’s identity and metadata', () => {
    expect(config.appId).toBe('app.keystash.desktop');
    expect(config.productName).toBe(pkg.productName);
    expect(config.copyright).toMatch(/Keystash/);
    expect(pkg.description).toMatch(/password and API-key manager/);
    expect(config.linux?.category).toBe('Utility');
    expect(config.linux?.executableName).toBe('keystash');
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.mac?.category).toBe('public.app-category.productivity');
    expect(config.directories?.output).toBe('dist');
  });

  it('has a real icon: 1024 px for macOS and Windows, one PNG per size for Linux, from packaging/icon.svg', () => {
    expect(pngSize(path.join(root, String(config.icon)))).toEqual([1024, 1024]);
    const dir = path.join(root, String(config.linux?.icon));
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const n = Number(/^(\d+)x\1\.png$/.exec(f)?.[1]);
      expect(pngSize(path.join(dir, f)), f).toEqual([n, n]);
    }
    expect(files).toContain('512x512.png');
    expect(fs.readFileSync(path.join(root, 'packaging/icon.svg'), 'utf8')).toMatch(/^<svg /);
  });

  it('packs the app into app.asar, with asar integrity left to electron-builder and no fuses of its own', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).toBeUndefined();
    // The hook is the one place fuses are set; electron-builder's electronFuses would run after it.
    expect(config.electronFuses).toBeUndefined();
    expect(config.beforePack).toBe(keystashBeforePack);
    expect(config.afterPack).toBe(keystashAfterPack);
  });

  it('sets every fuse the issue asks for, to the value it asks for', () => {
    // FuseV1Options: 0 RunAsNode, 1 cookie encryption, 2 NODE_OPTIONS, 3 --inspect,
    // 4 embedded asar integrity, 5 only load from asar, 7 file:// extra privileges.
    expect(KEYSTASH_FUSES).toEqual({ 0: false, 1: true, 2: false, 3: false, 4: true, 5: true, 7: false });
  });

  it('ships only the built app: no sources, tests, CLI bundle, source maps or better-sqlite3’s Node build', () => {
    expect(config.files).toEqual([
      'package.json',
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      '!**/*.map',
      '!node_modules/better-sqlite3/{build,deps,src}/**',
    ]);
    expect(pkg.main).toBe('out/main/index.js');
  });
});

describe('better-sqlite3 for Electron’s ABI inside the package', () => {
  it('ships the addon built for the installed Electron beside app.asar, where main looks for it', () => {
    const installed = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    expect(ELECTRON_VERSION).toBe(installed);
    expect(config.electronVersion).toBe(installed);
    expect(config.extraResources).toEqual([{ from: `.native/electron-${installed}/better_sqlite3.node`, to: 'native/better_sqlite3.node' }]);
    // The source is the file scripts/electron-native.mjs writes and `npm start` uses.
    expect(path.join(root, `.native/electron-${installed}/better_sqlite3.node`)).toBe(electronAddonPath(root, installed));
    // Main, packaged: app.getAppPath() is resources/app.asar; the addon is resources/native/….
    expect(packagedAddonPath('/opt/Keystash/resources/app.asar')).toBe(path.join('/opt/Keystash/resources', 'native', 'better_sqlite3.node'));
  });

  it('main finds the packaged addon from app.asar’s path, and reports none when it is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-packaged-'));
    try {
      const asar = path.join(dir, 'resources', 'app.asar');
      expect(findElectronAddon(asar, '45.5.0')).toBeUndefined();
      fs.mkdirSync(path.join(dir, 'resources', 'native'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'resources', 'native', 'better_sqlite3.node'), 'stand-in');
      expect(findElectronAddon(asar, '45.5.0')).toBe(path.join(dir, 'resources', 'native', 'better_sqlite3.node'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not let electron-builder rebuild node_modules in place (the CLI and tests need its Node build)', () => {
    expect(config.npmRebuild).toBe(false);
  });
});

describe('package.json', () => {
  it('npm run dist builds the app, then the Electron addon (required), then the installers', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && node scripts/electron-native.mjs --required && electron-builder --config electron-builder.ts');
  });

  it('npm start still runs the app on the installed Electron binary', () => {
    expect(pkg.scripts.start).toBe('electron-vite build && node scripts/start-electron.mjs');
  });

  it('has electron-builder and @electron/fuses as devDependencies', () => {
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\^26\./);
    expect(pkg.devDependencies['@electron/fuses']).toMatch(/^\^1\./);
  });

  it('npm ci downloads nothing beyond the npm registry: no git or URL dependencies, no new install scripts', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; resolved?: string; hasInstallScript?: boolean }>;
    };
    const entries = Object.entries(lock.packages).filter(([name]) => name !== '');
    const offRegistry = entries.filter(([, p]) => (p.resolved !== undefined && !p.resolved.startsWith('https://registry.npmjs.org/')) || /^(git|github|https?):/.test(p.version ?? ''));
    expect(offRegistry.map(([name]) => name)).toEqual([]);
    // Each reviewed: argon2 and better-sqlite3 load registry prebuilds or compile; esbuild
    // picks its platform package; es5-ext prints a notice; electron-winstaller copies its own
    // 7-Zip; electron downloads its binary, which ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips.
    const reviewed = ['argon2', 'better-sqlite3', 'electron', 'electron-winstaller', 'es5-ext', 'esbuild'];
    const withScripts = entries.filter(([, p]) => p.hasInstallScript).map(([name]) => name.replace(/^.*node_modules\//, ''));
    expect(withScripts.filter((name) => !reviewed.includes(name))).toEqual([]);
    expect(withScripts).toContain('electron-winstaller');
  });
});
