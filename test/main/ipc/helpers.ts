// Shared setup for the main-process tests: services over a real vault file in a temp dir,
// an in-memory clipboard and timers the test fires by hand.
import fs from 'node:fs';
import type { Services } from '../../../electron/main/services';
import type { MemoryClipboard } from '../../support/kit';
import { createHandlers, type HandlerMap } from '../../../electron/main/ipc/handlers';
import { FAST_KDF, makeTestServices, type ConfirmStandIn, type FileChooser, type ManualTimers } from '../../support/test-services';

export { FAST_KDF, ManualTimers } from '../../support/test-services';
import { PASSWORD } from '../../support/kit';

export { PASSWORD };

export interface Harness {
  dir: string;
  services: Services;
  api: HandlerMap;
  clipboard: MemoryClipboard;
  timers: ManualTimers;
  opened: string[];
  idle: { seconds: number };
  /** What the open-file dialog picks next (null: the person cancels). */
  fileChooser: FileChooser;
  /** The native dialogs' answers, and the questions asked. */
  confirm: ConfirmStandIn;
  cleanup(): Promise<void>;
}

export function makeHarness(): Harness {
  const { dir, services, clipboard, timers, opened, idle, fileChooser, confirm } = makeTestServices('keystash-main-');
  return {
    dir,
    services,
    api: createHandlers(services),
    clipboard,
    timers,
    opened,
    idle,
    fileChooser,
    confirm,
    async cleanup() {
      await services.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A harness with a new vault, created and unlocked through the handlers. */
export async function makeUnlockedHarness(): Promise<Harness> {
  const h = makeHarness();
  ok(await h.api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
  return h;
}

/** Unwraps an ok Result, failing the test with the error otherwise. */
export function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Waits for promise callbacks scheduled by a fired timer (the clear reads the clipboard). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
