// Where main finds better-sqlite3 built for Electron's ABI. node_modules holds the Node
// build (tests, CLI). In a checkout, scripts/electron-native.mjs puts an Electron build in
// .native/electron-<version>/; in a packaged app electron-builder.ts copies that same
// file to resources/native/, beside app.asar (a plain file: a .node cannot load from inside
// an asar). Main hands the path to better-sqlite3 as nativeBinding.
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_DIR = '.native';
export const SQLITE_ADDON = 'better_sqlite3.node';
/** The folder under the packaged app's resources/ that holds the addon. */
export const PACKAGED_NATIVE_DIR = 'native';

export function electronAddonPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, NATIVE_DIR, `electron-${electronVersion}`, SQLITE_ADDON);
}

/** In a packaged app, app.getAppPath() is resources/app.asar; the addon sits beside it. */
export function packagedAddonPath(appAsar: string): string {
  return path.join(path.dirname(appAsar), PACKAGED_NATIVE_DIR, SQLITE_ADDON);
}

/** The Electron build when present; undefined lets better-sqlite3 use its default. */
export function findElectronAddon(appRoot: string, electronVersion: string | undefined): string | undefined {
  if (!electronVersion) return undefined;
  const p = appRoot.endsWith('.asar') ? packagedAddonPath(appRoot) : electronAddonPath(appRoot, electronVersion);
  return fs.existsSync(p) ? p : undefined;
}
