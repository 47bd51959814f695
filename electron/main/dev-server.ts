// Whether the window may load its UI from a development server instead of the app's own files.
// ELECTRON_RENDERER_URL alone is not enough: anyone who can set an environment variable for
// `npm start` or an installed app could point the window, with window.api, at a page of their
// own. It is honoured only in a main process built by `npm run dev` (electron-vite's dev server
// with `--mode development`), which electron.vite.config.ts marks by defining
// KEYSTASH_DEV_SERVER as true; every other build, `npm start`'s included, has it false, and a
// packaged app never honours it.
import { loopbackDevOrigin } from './security/csp';

// Replaced at build time by electron.vite.config.ts; absent (so false) when run unbuilt.
declare const KEYSTASH_DEV_SERVER: boolean | undefined;

/** True only in the main process `npm run dev` builds. */
export function builtForDevServer(): boolean {
  return typeof KEYSTASH_DEV_SERVER !== 'undefined' && KEYSTASH_DEV_SERVER === true;
}

export interface DevServerInputs {
  /** builtForDevServer() in the app; tests pass it. */
  devBuild: boolean;
  isPackaged: boolean;
  rendererUrl: string | undefined;
}

/** The dev server's origin when every condition holds, otherwise null (the app's own files). */
export function devServerOrigin(i: DevServerInputs): string | null {
  if (!i.devBuild || i.isPackaged) return null;
  return loopbackDevOrigin(i.rendererUrl);
}
