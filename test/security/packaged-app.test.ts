// Issue 11 §5 end to end: the real electron-builder packs with Keystash's real configuration
// and hooks (`--linux dir`, the unpacked app every installer is made from). Electron cannot be
// downloaded here, so electronDist points at a stand-in Electron whose binary carries a stock
// fuse wire (fixtures/stand-in-electron.ts), and the app is a small stand-in of out/ in a temp
// project (the real out/ is rebuilt by other suites while this one runs). About 15 s per pack.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_VERSION } from '../../electron-builder';
import { findElectronAddon } from '../../electron/main/native-binding';
import { FUSE_OFF, FUSE_ON } from '../../packaging/fuses';
import { standInBinary, STOCK_WIRE, wiresIn, writeStandIn } from './fixtures/stand-in-electron';

const root = path.resolve(__dirname, '../..');
const onLinux = process.platform === 'linux';
if (!onLinux) console.warn('[packaged-app] skipped: the stand-in Electron is a Linux layout, and beforePack packs for this machine only.');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-pack-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A project with a built app (stand-in out/), the Electron-ABI addon in .native/ unless told not to, and a stand-in Electron. */
function project(name: string, withAddon: boolean): string {
  const dir = path.join(tmp, name);
  const put = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  put('package.json', JSON.stringify({ name: pkg.name, productName: pkg.productName, version: pkg.version, description: pkg.description, main: pkg.main, license: pkg.license }));
  put('out/main/index.js', '"use strict"; // stand-in main\n');
  put('out/main/index.js.map', '{}');
  put('out/preload/index.js', '"use strict";\n');
  put('out/renderer/index.html', '<!doctype html><title>Keystash</title>\n');
  put('out/cli/keystash.cjs', '// the CLI bundle: not part of the desktop app\n');
  put('electron/core/vault.ts', '// a source file: never packed\n');
  if (withAddon) put(`.native/electron-${ELECTRON_VERSION}/better_sqlite3.node`, 'stand-in Electron-ABI addon');
  writeStandIn(path.join(dir, 'electron-dist', 'electron'), standInBinary());
  put('electron-dist/version', ELECTRON_VERSION);
  // The real configuration, only pointed at the stand-in Electron instead of a download.
  const base = JSON.stringify(path.join(root, 'electron-builder.ts'));
  put('wrapper.config.ts', `import base from ${base};\nexport default { ...base, electronDist: ${JSON.stringify(path.join(dir, 'electron-dist'))} };\n`);
  return dir;
}

function pack(dir: string): { status: number | null; out: string } {
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const r = spawnSync(process.execPath, [cli, '--projectDir', dir, '--config', path.join(dir, 'wrapper.config.ts'), '--linux', 'dir', '--publish', 'never'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.runIf(onLinux)('electron-builder with the real configuration and hooks', () => {
  const good = path.join(tmp, 'good');
  const unpacked = path.join(good, 'dist', 'linux-unpacked');
  let result: { status: number | null; out: string };
  beforeAll(() => {
    project('good', true);
    result = pack(good);
  }, 240_000);

  it('packs, running the hooks (exit 0)', () => {
    expect(result.status, result.out).toBe(0);
  });

  it('the packaged binary has every fuse set as required, read back with @electron/fuses', async () => {
    expect(STOCK_WIRE).toBe('101100011');
    const wire = (await getCurrentFuseWire(path.join(unpacked, 'keystash'))) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_OFF);
    expect(wiresIn(path.join(unpacked, 'keystash'))).toEqual(['010011001']);
  });

  it('the app is in app.asar, with no app/ folder beside it, and holds only the built app', () => {
    const resources = path.join(unpacked, 'resources');
    expect(fs.existsSync(path.join(resources, 'app'))).toBe(false);
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']));
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || f.startsWith('/out/cli') || f.startsWith('/electron') || f.startsWith('/.native'))).toEqual([]);
  });

  it('the Electron-ABI SQLite addon sits beside app.asar, where main finds it', () => {
    const asar = path.join(unpacked, 'resources', 'app.asar');
    expect(findElectronAddon(asar, ELECTRON_VERSION)).toBe(path.join(unpacked, 'resources', 'native', 'better_sqlite3.node'));
    expect(fs.readFileSync(path.join(unpacked, 'resources', 'native', 'better_sqlite3.node'), 'utf8')).toBe('stand-in Electron-ABI addon');
  });
});

describe.runIf(onLinux)('a package that could not open a vault is not built', () => {
  it('without the Electron-ABI addon in .native/, the build fails naming the missing file, and no binary is fused', () => {
    const dir = project('no-addon', false);
    const r = pack(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/better_sqlite3\.node is missing; run scripts\/electron-native\.mjs/);
    const binary = path.join(dir, 'dist', 'linux-unpacked', 'keystash');
    if (fs.existsSync(binary)) expect(wiresIn(binary)).toEqual([STOCK_WIRE]);
  }, 240_000);
});
