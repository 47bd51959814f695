// Serves the built UI from app://keystash/, a privileged standard+secure scheme, so the
// page has a real origin (for the CSP's 'self' and the IPC sender check) without file://,
// whose origin is shared by every file on disk.
import fs from 'node:fs';
import { protocol } from 'electron';
import { APP_SCHEME } from './security/csp';
import { mimeOf, resolveAppFile } from './security/app-files';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveAppFiles(rootDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rootDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.promises.readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': mimeOf(file), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
