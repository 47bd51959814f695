// The Content-Security-Policy of the one window. The packaged UI loads only its own files
// from app://keystash: no remote content, no inline script, no eval, no network at all.
// In development the Vite dev server on localhost needs its origin, its HMR socket and
// React Fast Refresh's inline preamble; that looser policy never applies to a build.

export const APP_SCHEME = 'app';
export const APP_HOST = 'keystash';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const PRODUCTION_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'none'",
  'media-src': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'none'",
  'manifest-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

function serialize(d: Record<string, string>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

export const PRODUCTION_CSP = serialize(PRODUCTION_DIRECTIVES);

/** The dev-server policy: still no remote hosts, eval or plugins; localhost only. */
export function developmentCsp(devOrigin: string): string {
  const { host } = new URL(devOrigin);
  return serialize({
    ...PRODUCTION_DIRECTIVES,
    'script-src': `'self' 'unsafe-inline' ${devOrigin}`,
    'style-src': `'self' 'unsafe-inline' ${devOrigin}`,
    'connect-src': `'self' ${devOrigin} ws://${host}`,
  });
}

/** The development origin only if it is a loopback http URL; anything else is refused. */
export function loopbackDevOrigin(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
    return u.protocol === 'http:' && loopback ? u.origin : null;
  } catch {
    return null;
  }
}

/** Response headers with our CSP replacing whatever the response carried. */
export function withCsp(headers: Record<string, string[] | string> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue;
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [csp];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

/**
 * The page's meta-tag CSP as the Vite dev server must serve it: Fast Refresh's inline
 * preamble, CSS injected as <style> elements, and the HMR socket. Used by
 * electron.vite.config.ts in `serve` mode only; builds keep the tag untouched.
 */
export function relaxMetaCspForDev(csp: string): string {
  return csp
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const [name] = d.split(/\s+/);
      if (name === 'script-src' || name === 'style-src') return `${name} 'self' 'unsafe-inline'`;
      if (name === 'connect-src') return "connect-src 'self' ws://localhost:* ws://127.0.0.1:*";
      return d;
    })
    .join('; ');
}

const META_CSP = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

export function relaxHtmlCspForDev(html: string): string {
  return html.replace(META_CSP, (_m, open: string, csp: string, close: string) => `${open}${relaxMetaCspForDev(csp)}${close}`);
}
