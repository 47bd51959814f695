// Shared setup for the main-process tests: services over a real vault file in a temp dir,
// an in-memory clipboard and timers the test fires by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KdfParams } from '../../shared/domain';
import type { Timers } from '../../electron/main/services/clipboard.service';
import { MemoryClipboard } from '../../electron/main/services/memory-clipboard';
import { createServices, type Services } from '../../electron/main/services';
import { createHandlers, type HandlerMap } from '../../electron/main/ipc/handlers';

export const FAST_KDF: KdfParams = { memoryMiB: 19, iterations: 2, parallelism: 1 };
export const PASSWORD = 'correct horse battery';

/** Timers that only fire when the test says so. */
export class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();

  setTimeout(fn: () => void, ms: number): number {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Runs every pending callback once (those scheduled meanwhile wait for the next call). */
  fireAll(): void {
    const due = [...this.pending.entries()];
    for (const [id, t] of due) {
      this.pending.delete(id);
      t.fn();
    }
  }
}

export interface Harness {
  dir: string;
  services: Services;
  api: HandlerMap;
  clipboard: MemoryClipboard;
  timers: ManualTimers;
  opened: string[];
  idle: { seconds: number };
  cleanup(): Promise<void>;
}

export function makeHarness(): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-main-'));
  const clipboard = new MemoryClipboard();
  const timers = new ManualTimers();
  const opened: string[] = [];
  const idle = { seconds: 0 };
  const services = createServices({
    userDataDir: dir,
    vaultPath: path.join(dir, 'vault.keystash'),
    clipboard,
    openExternal: async (url) => {
      opened.push(url);
    },
    idleSeconds: () => idle.seconds,
    timers,
  });
  return {
    dir,
    services,
    api: createHandlers(services),
    clipboard,
    timers,
    opened,
    idle,
    async cleanup() {
      await services.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Unwraps an ok Result, failing the test with the error otherwise. */
export function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Waits for promise callbacks scheduled by a fired timer (the clear reads the clipboard). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
