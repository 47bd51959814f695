// Maps app://keystash/<path> to a file inside the built renderer folder. Anything that
// would escape the folder (.., encoded slashes, absolute paths) or use another host is
// refused, so the protocol can never serve the vault or any other file on disk.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The absolute file for a request URL, or null when it is not one of ours. */
export function resolveAppFile(requestUrl: string, rootDir: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${rel}`);
  return file.startsWith(root + path.sep) ? file : null;
}
