// Where the vault lives by default. The CLI and the Electron main must agree on one file, so
// this reproduces Electron's app.getPath('userData') for productName "Keystash" without
// importing electron (the CLI runs under plain Node).
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Keystash';
export const VAULT_FILE_NAME = 'vault.keystash';
/** This machine's "last state seen" of each vault (vault/last-seen.ts), next to settings.json. */
export const LAST_SEEN_FILE_NAME = 'last-seen.json';
/** Environment variable that points every Keystash process at another vault file. */
export const VAULT_ENV = 'KEYSTASH_VAULT';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

function current(): PlatformInfo {
  return { platform: process.platform, env: process.env, home: os.homedir() };
}

/** Electron's `appData` folder for this platform. */
export function appDataDir(p: PlatformInfo = current()): string {
  if (p.platform === 'win32') return p.env.APPDATA || path.win32.join(p.home, 'AppData', 'Roaming');
  if (p.platform === 'darwin') return path.posix.join(p.home, 'Library', 'Application Support');
  const xdg = p.env.XDG_CONFIG_HOME;
  // Electron ignores a relative XDG_CONFIG_HOME, as the XDG spec asks.
  return xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(p.home, '.config');
}

/** The desktop app's user-data folder (Electron's `app.getPath('userData')`). */
export function userDataDir(p: PlatformInfo = current()): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(p), PRODUCT_NAME);
}

export function defaultVaultPath(p: PlatformInfo = current()): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(userDataDir(p), VAULT_FILE_NAME);
}

/** Where the app and the CLI on this machine remember the newest state of each vault they saw. */
export function lastSeenPath(p: PlatformInfo = current()): string {
  const join = p.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(userDataDir(p), LAST_SEEN_FILE_NAME);
}

/** The vault file to use: an explicit path, else $KEYSTASH_VAULT, else the default. */
export function resolveVaultPath(explicit: string | undefined, p: PlatformInfo = current()): string {
  const chosen = explicit || p.env[VAULT_ENV] || defaultVaultPath(p);
  return path.resolve(chosen);
}
