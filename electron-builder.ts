// electron-builder's configuration: the installers `npm run dist` builds (AppImage and deb on
// Linux, dmg on macOS, NSIS on Windows), what goes into app.asar, the icon and metadata, and
// the hooks that check the SQLite addon and flip the fuses (packaging/hooks.ts). Named so that
// electron-builder finds it by default: even a bare `npx electron-builder` packs with the fuses.
//
// better-sqlite3 for Electron's ABI: electron-builder's own rebuild (npmRebuild) would rebuild
// node_modules/better-sqlite3 in place, breaking the Node build that the CLI and the tests use.
// Instead scripts/electron-native.mjs builds the Electron copy into .native/ (as `npm start`
// does), and extraResources copies it beside app.asar, where main looks for it.
import fs from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { NATIVE_DIR, PACKAGED_NATIVE_DIR, SQLITE_ADDON } from './electron/main/native-binding';
import { keystashAfterPack, keystashBeforePack } from './packaging/hooks';

const root = __dirname;
/** The installed Electron: the addon is built for it, so the package must ship the same one. */
export const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

const config: Configuration = {
  appId: 'app.keystash.desktop',
  productName: 'Keystash',
  copyright: 'Copyright © 2026 the Keystash authors',
  electronVersion: ELECTRON_VERSION,
  directories: { output: 'dist', buildResources: 'packaging' },
  // The built app only: no sources, tests, CLI bundle or source maps. Production dependencies
  // are added by electron-builder; better-sqlite3's Node build and C sources are left out.
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!**/*.map',
    '!node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  extraResources: [
    { from: `${NATIVE_DIR}/electron-${ELECTRON_VERSION}/${SQLITE_ADDON}`, to: `${PACKAGED_NATIVE_DIR}/${SQLITE_ADDON}` },
  ],
  asar: true,
  npmRebuild: false,
  beforePack: keystashBeforePack,
  afterPack: keystashAfterPack,
  icon: 'packaging/icon.png',
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'packaging/icons',
    category: 'Utility',
    executableName: 'keystash',
    synopsis: 'Password and API-key manager',
    maintainer: 'The Keystash authors',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};

export default config;
