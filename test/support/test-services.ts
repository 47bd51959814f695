// The main-process services as the tests run them (main handler tests and the Chromium
// end-to-end harness alike): a real vault file in a temp dir and the real core, with only the
// OS adapters replaced: an in-memory clipboard, hand-fired timers, a settable idle time, a
// list that records URLs instead of opening a browser, an open-file dialog that answers
// with the path the test has set, and native confirmations the test answers (and reads back).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Timers } from '../../electron/main/services/clipboard.service';
import type { CliAccessRequest, Confirmations } from '../../electron/main/services/confirmations';
import { MemoryClipboard } from './kit';
import { createServices, type ServiceInputs, type Services } from '../../electron/main/services';

export { FAST_KDF } from './kit';

/** The health check's worker entry as the tests run it: the source, loaded through tsx. */
export const HEALTH_WORKER_SOURCE = {
  file: path.resolve(__dirname, '../../electron/core/health/score-worker.ts'),
  loader: require.resolve('tsx/cjs'),
};

/**
 * Timers that fire only when the test says so, so "the clipboard is cleared after the timeout"
 * is checked without waiting for, or racing against, the wall clock.
 */
export class ManualTimers implements Timers {
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  private next = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays of the timers waiting to fire. */
  delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }

  /**
   * Fires every pending timer at once (timers they schedule wait for the next call). The
   * callbacks run before this returns; await it to also let the async work they started
   * (clipboard reads and clears) finish.
   */
  fireAll(): Promise<void> {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, t] of due) t.fn();
    return new Promise((r) => setTimeout(r, 0)).then(() => new Promise((r) => setTimeout(r, 0)));
  }
}

/**
 * The native dialogs' stand-in (services/confirmations.ts): each answer is the one the test
 * set (yes by default, like a person who agrees), and every question asked is recorded.
 */
export class ConfirmStandIn implements Confirmations {
  moreSecretsAnswer = true;
  openOriginAnswer = true;
  cliAccessAnswer = true;
  readonly asked: string[] = [];

  moreSecrets(recent: number, windowSeconds: number): Promise<boolean> {
    this.asked.push(`more-secrets ${recent}/${windowSeconds}s`);
    return Promise.resolve(this.moreSecretsAnswer);
  }

  openOrigin(origin: string): Promise<boolean> {
    this.asked.push(`open ${origin}`);
    return Promise.resolve(this.openOriginAnswer);
  }

  cliAccess(request: CliAccessRequest): Promise<boolean> {
    this.asked.push(`cli ${request.process} in ${request.cwd} (${request.terminal})`);
    return Promise.resolve(this.cliAccessAnswer);
  }
}

/**
 * The file dialogs' stand-in: the import dialog picks `path`, the key-file dialog `keyFile`,
 * the attach dialog `attachment` and the attachment save dialog `saveTo`; each is cancelled
 * while its value is null.
 */
export interface FileChooser {
  path: string | null;
  keyFile?: string | null;
  attachment?: string | null;
  saveTo?: string | null;
  syncFolder?: string | null;
}

export interface TestServices {
  dir: string;
  services: Services;
  clipboard: MemoryClipboard;
  timers: ManualTimers;
  idle: { seconds: number };
  opened: string[];
  fileChooser: FileChooser;
  confirm: ConfirmStandIn;
}

/** Services over a fresh vault path in a new temp dir; `extra` adds or overrides inputs. */
export function makeTestServices(prefix: string, extra: Partial<ServiceInputs> = {}): TestServices {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const clipboard = new MemoryClipboard();
  const timers = new ManualTimers();
  const idle = { seconds: 0 };
  const opened: string[] = [];
  const fileChooser: FileChooser = { path: null };
  const confirm = new ConfirmStandIn();
  const services = createServices({
    userDataDir: dir,
    vaultPath: path.join(dir, 'vault.keystash'),
    clipboard,
    openExternal: async (url) => {
      opened.push(url);
    },
    idleSeconds: () => idle.seconds,
    timers,
    chooseOpenPath: async () => fileChooser.path,
    chooseKeyFile: async () => fileChooser.keyFile ?? null,
    chooseAttachment: async () => fileChooser.attachment ?? null,
    chooseAttachmentTarget: async () => fileChooser.saveTo ?? null,
    chooseSyncFolder: async () => fileChooser.syncFolder ?? null,
    confirm,
    // Main's scoring threads, run from the TypeScript source through tsx (the app runs the built file).
    healthWorker: HEALTH_WORKER_SOURCE,
    ...extra,
  });
  return { dir, services, clipboard, timers, idle, opened, fileChooser, confirm };
}
