// Where main finds better-sqlite3 built for Electron's ABI. node_modules holds the Node
// build (tests, CLI); scripts/electron-native.mjs puts an Electron build in
// .native/electron-<version>/ and main hands its path to better-sqlite3 as nativeBinding.
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_DIR = '.native';
export const SQLITE_ADDON = 'better_sqlite3.node';

export function electronAddonPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, NATIVE_DIR, `electron-${electronVersion}`, SQLITE_ADDON);
}

/** The Electron build when present; undefined lets better-sqlite3 use its default (a packaged app rebuilt for Electron). */
export function findElectronAddon(appRoot: string, electronVersion: string | undefined): string | undefined {
  if (!electronVersion) return undefined;
  const p = electronAddonPath(appRoot, electronVersion);
  return fs.existsSync(p) ? p : undefined;
}
