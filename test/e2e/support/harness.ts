// The renderer in real Chromium with window.api bound to the real main-process handlers
// and core (a real vault file, real Argon2), in this test process. Only the OS adapters are
// stand-ins: an in-memory clipboard, hand-fired timers, a settable idle time, a list that
// records URLs instead of opening a browser, and an open-file dialog that picks the file the
// test has set (as main's real dialog would, main then reads it; the page never sees its bytes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHANNELS, type Channel } from '../../../shared/contract';
import type { ItemInput } from '../../../shared/domain';
import type { Services } from '../../../electron/main/services';
import type { MemoryClipboard } from '../../support/kit';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import type { HandlerMap } from '../../../electron/main/ipc/handler';
import { ensureRendererBuilt } from './build-renderer';
import { serveDir, type StaticServer } from './static-server';
import { FAST_KDF, makeTestServices, type FileChooser, type ManualTimers } from '../../support/test-services';
import { PASSWORD } from '../../support/kit';

export { FAST_KDF, PASSWORD };

const CANDIDATES = [process.env.KEYSTASH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive, or null with the reason printed once by the caller. */
export function findChromium(): string | null {
  for (const c of CANDIDATES) if (c && fs.existsSync(c)) return c;
  return null;
}

export interface Harness {
  page: Page;
  services: Services;
  handlers: HandlerMap;
  clipboard: MemoryClipboard;
  timers: ManualTimers;
  idle: { seconds: number };
  opened: string[];
  /** What the open-file dialog picks next (null: the person cancels). */
  fileChooser: FileChooser;
  /** Console errors and CSP violations seen in the page. */
  pageErrors: string[];
  dir: string;
  call<C extends Channel>(channel: C, req: unknown): ReturnType<HandlerMap[C]>;
  close(): Promise<void>;
}


/** Creates the vault (fast KDF) and items through the handlers, then reloads the page unlocked. */
export async function seedVault(h: Harness, items: readonly ItemInput[]): Promise<void> {
  const created = await h.call('vault:create', { password: PASSWORD, kdf: FAST_KDF });
  if (!created.ok) throw new Error(created.error.message);
  for (const item of items) {
    const r = await h.call('item:create', { item });
    if (!r.ok) throw new Error(r.error.message);
  }
  await h.page.reload();
  await h.page.getByRole('heading', { name: 'All items' }).waitFor();
}

export interface HarnessOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Unlock-throttle policy; tests use a short delay after the first failure. */
  throttle?: { freeAttempts: number; baseDelayMs: number; maxDelayMs: number };
  /** A settable clock for the core (null: real time), to seed realistic dates. */
  clock?: { at: number | null };
}

let browser: Browser | null = null;
let server: StaticServer | null = null;
let servedCopy = '';

async function shared(exe: string): Promise<{ browser: Browser; server: StaticServer }> {
  if (!server) {
    const copy = await ensureRendererBuilt(fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-renderer-')));
    server = await serveDir(copy);
    servedCopy = copy;
  }
  browser ??= await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return { browser, server };
}

export async function stopShared(): Promise<void> {
  await browser?.close();
  await server?.close();
  browser = null;
  server = null;
  if (servedCopy) fs.rmSync(servedCopy, { recursive: true, force: true });
  servedCopy = '';
}

export async function startHarness(exe: string, opts: HarnessOptions = {}): Promise<Harness> {
  const { browser, server } = await shared(exe);
  const { dir, services, clipboard, timers, idle, opened, fileChooser } = makeTestServices('keystash-e2e-', {
    ...(opts.clock ? { now: () => opts.clock?.at ?? Date.now() } : {}),
    ...(opts.throttle ? { vaultOptions: { throttle: opts.throttle } } : {}),
  });
  const handlers = createHandlers(services);

  const context: BrowserContext = await browser.newContext({
    colorScheme: opts.colorScheme ?? 'light',
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    // The meta CSP's frame-ancestors is ignored in a meta tag; the header carries it.
    if (m.type() === 'error' && !m.text().includes('frame-ancestors')) pageErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // Replies cross as one JSON string, a plain data copy like Electron's structured clone;
  // Playwright's own value serialisation takes tens of seconds for 100,000 rows.
  await page.exposeBinding('__keystashInvoke', async (_src, channel: string, req: unknown) => {
    if (!(CHANNELS as readonly string[]).includes(channel)) return JSON.stringify({ ok: false, error: { code: 'invalid-input', message: `No channel ${channel}` } });
    const t0 = performance.now();
    const out = JSON.stringify(await handlers[channel as Channel](req));
    if (process.env.KEYSTASH_E2E_TIMING) console.log(`[ipc] ${channel} ${Math.round(performance.now() - t0)} ms, ${out.length} bytes`);
    return out;
  });
  await page.addInitScript((channels: string[]) => {
    const g = globalThis as unknown as { __keystashInvoke: (c: string, r: unknown) => Promise<string>; api: unknown };
    const api: Record<string, (req?: unknown) => Promise<unknown>> = {};
    for (const c of channels) api[c] = async (req?: unknown) => JSON.parse(await g.__keystashInvoke(c, req)) as unknown;
    g.api = Object.freeze(api);
  }, [...CHANNELS]);
  // Main reloads the window whenever the vault locks, dropping all renderer state.
  const offLock = services.onLock(() => {
    void page.reload().catch(() => undefined);
  });
  await page.goto(server.url);

  return {
    page,
    services,
    handlers,
    clipboard,
    timers,
    idle,
    opened,
    fileChooser,
    pageErrors,
    dir,
    call: (channel, req) => handlers[channel](req) as ReturnType<HandlerMap[typeof channel]>,
    async close() {
      offLock();
      await context.close();
      await services.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
