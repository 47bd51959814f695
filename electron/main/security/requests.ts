// Which network requests the window may make at all (session.webRequest.onBeforeRequest).
// The CSP already forbids remote content; this is the second lock on the same door, and
// it also covers requests the CSP does not see (e.g. favicon, prefetch).
import { isAppUrl, type AppOrigins } from './navigation';

export function isAllowedRequest(url: string, origins: AppOrigins): boolean {
  if (url.startsWith('data:') || url.startsWith('devtools:')) return true;
  if (isAppUrl(url, origins)) return true;
  // The dev server's HMR socket: same host as an allowed http origin.
  if (url.startsWith('ws://')) {
    const host = new URL(url).host;
    return origins.allowed.some((o) => o.startsWith('http://') && new URL(o).host === host);
  }
  return false;
}
