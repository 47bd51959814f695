// electron-vite build for the desktop app: main, the sandboxed preload (one CommonJS file
// with no requires but `electron`, given the contract's channel list as a constant), and the
// React renderer from renderer/index.html.
// Native modules stay external: main loads better-sqlite3 with an Electron-ABI binding.
// Only `npm run dev` (the dev server, `--mode development`) builds a main process that may load
// the UI from ELECTRON_RENDERER_URL (electron/main/dev-server.ts); every build says false.
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CHANNELS } from './shared/contract';
import { relaxHtmlCspForDev } from './electron/main/security/csp';

const root = __dirname;

/** In `electron-vite dev` only: let the page's meta CSP admit Vite's HMR client. */
function devCsp(): Plugin {
  return { name: 'keystash-dev-csp', apply: 'serve', transformIndexHtml: (html) => relaxHtmlCspForDev(html) };
}

/** The whole config for one electron-vite run: `serve` is `electron-vite dev`, `build` every build. */
export function keystashConfig(env: { command: 'build' | 'serve'; mode: string }): UserConfig {
  const devServer = env.command === 'serve' && env.mode === 'development';
  return {
    main: {
      define: { KEYSTASH_DEV_SERVER: JSON.stringify(devServer) },
      build: {
        outDir: resolve(root, 'out/main'),
        externalizeDeps: true,
        rollupOptions: {
          // The health check's scoring thread is a second entry: out/main/health-worker.js.
          input: { index: resolve(root, 'electron/main/index.ts'), 'health-worker': resolve(root, 'electron/core/health/score-worker.ts') },
          external: ['better-sqlite3', 'argon2'],
        },
      },
    },
    preload: {
      // The list the preload iterates, taken from the contract's keys at build time.
      define: { KEYSTASH_CHANNELS: JSON.stringify(CHANNELS) },
      build: {
        outDir: resolve(root, 'out/preload'),
        // A sandboxed preload can only require `electron`: bundle shared/ into it.
        externalizeDeps: false,
        rollupOptions: {
          input: { index: resolve(root, 'electron/preload/index.ts') },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].js' },
        },
      },
    },
    renderer: {
      root: resolve(root, 'renderer'),
      base: './',
      plugins: [react(), devCsp()],
      build: {
        outDir: resolve(root, 'out/renderer'),
        rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
      },
    },
  };
}

export default defineConfig(keystashConfig);
