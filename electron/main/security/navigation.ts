// Decisions for everything that could take the window somewhere else: navigation,
// redirects, window.open and permission prompts. Pure functions, so each rule is tested
// without Electron; window.ts attaches them to the real events.
import { APP_ORIGIN } from './csp';

export interface AppOrigins {
  /** The origins our UI is served from: app://keystash, plus the dev server in development. */
  allowed: readonly string[];
}

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // Custom standard schemes report origin "null" in some runtimes; rebuild it.
    return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export function isAppUrl(url: string, origins: AppOrigins): boolean {
  const o = originOf(url);
  return o !== null && origins.allowed.includes(o);
}

export function appOrigins(devOrigin: string | null): AppOrigins {
  return { allowed: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN] };
}

/** will-navigate / will-redirect: the single-page UI never navigates; every attempt is stopped. */
export function blockNavigation(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** setWindowOpenHandler: no new windows, ever (links to sites go through item:open-url). */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** session.setPermissionRequestHandler: camera, notifications, clipboard-read... all denied. */
export function denyPermissionRequest(_wc: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** session.setPermissionCheckHandler. */
export function denyPermissionCheck(): boolean {
  return false;
}
