// The desktop app as the CLI's agent, as the 1Password app is for `op`: while the app is
// unlocked, `keystash read`, `inject`, `run` and `env` in a terminal can get their values from
// it instead of asking for the master password. The first request from a terminal session
// asks the person in a native dialog naming the process and its working directory: "Allow for
// 10 minutes" or "Deny". The values come from the same core functions the CLI runs
// (core/api-keys/secret-source.ts), each use logged with source `cli` (the app's vault logs
// its own uses as `app`; these are the terminal's), noted "through the app". The socket is the agent's kind: mode 0600
// in the private per-user directory (core/agent/runtime-dir.ts), one per vault file.
import fs from 'node:fs';
import net from 'node:net';
import { ERROR_CODES } from '../../../shared/errors';
import { readFrames, sendFrame, type Frame } from '../../core/agent/frames';
import { ensurePrivateDir, socketPath } from '../../core/agent/runtime-dir';
import { envVarsFrom, resolveRefs } from '../../core/api-keys/secret-source';
import { toErrorInfo } from '../../core/errors';
import type { Confirmations } from './confirmations';
import type { VaultService } from './vault.service';

/** How long an allowed terminal session may ask again without a dialog. */
export const CLI_ALLOW_MS = 10 * 60_000;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export class CliBridge {
  private server: net.Server | null = null;
  /** Terminal session → allowed until (ms). */
  private readonly allowed = new Map<string, number>();
  readonly socket: string;

  constructor(
    private readonly dir: string,
    private readonly vault: VaultService,
    private readonly confirm: Confirmations,
    private readonly now: () => number,
  ) {
    this.socket = socketPath(dir, vault.path, 'app');
  }

  /** Starts answering on the socket; refuses (throws) when the directory is not private. */
  async start(): Promise<void> {
    if (this.server) return;
    ensurePrivateDir(this.dir);
    fs.rmSync(this.socket, { force: true });
    const server = net.createServer((s) => this.accept(s));
    const umask = process.umask(0o177);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.socket, () => resolve());
      });
    } finally {
      process.umask(umask);
    }
    fs.chmodSync(this.socket, 0o600);
    this.server = server;
  }

  stop(): void {
    this.server?.close();
    this.server = null;
    fs.rmSync(this.socket, { force: true });
  }

  /** Forgets every allowed terminal (on lock: the next unlock asks again). */
  forget(): void {
    this.allowed.clear();
  }

  private accept(socket: net.Socket): void {
    let welcomed = false;
    let busy = Promise.resolve();
    readFrames(socket, (frame) => {
      // One request at a time per connection, in order.
      busy = busy.then(async () => {
        if (!welcomed) {
          welcomed = await this.hello(socket, frame);
          if (!welcomed) socket.end();
          return;
        }
        this.answer(socket, frame);
      });
    });
    socket.on('error', () => socket.destroy());
  }

  private async hello(socket: net.Socket, frame: Frame): Promise<boolean> {
    const { process: proc, cwd, pid, terminal } = frame;
    if (frame.t !== 'hello' || typeof proc !== 'string' || typeof cwd !== 'string' || typeof pid !== 'number' || typeof terminal !== 'string') {
      sendFrame(socket, { t: 'failed', code: 'invalid-input', message: 'The app received a malformed request.' });
      return false;
    }
    if (!this.vault.isUnlocked) {
      sendFrame(socket, { t: 'locked' });
      return false;
    }
    const until = this.allowed.get(terminal) ?? 0;
    if (until <= this.now()) {
      const yes = await this.confirm.cliAccess({ process: proc, cwd, pid, terminal });
      if (!yes) {
        sendFrame(socket, { t: 'denied', message: 'The Keystash app refused this terminal access to the vault.' });
        return false;
      }
      this.allowed.set(terminal, this.now() + CLI_ALLOW_MS);
    }
    sendFrame(socket, { t: 'welcome' });
    return true;
  }

  private answer(socket: net.Socket, frame: Frame): void {
    const note = `${typeof frame.note === 'string' ? frame.note : 'cli'} (keystash CLI, through the app)`;
    try {
      const vault = this.vault.unlocked();
      if (frame.t === 'resolve' && isStrings(frame.refs)) {
        sendFrame(socket, { t: 'values', values: resolveRefs(vault, frame.refs, note, 'cli') });
      } else if (frame.t === 'env' && isStrings(frame.specs)) {
        const name = typeof frame.name === 'string' ? frame.name : undefined;
        sendFrame(socket, { t: 'vars', vars: envVarsFrom(vault, frame.specs, name, note, 'cli') });
      } else if (frame.t === 'profile' && typeof frame.name === 'string') {
        sendFrame(socket, { t: 'vars', vars: vault.profiles.get(frame.name) });
      } else {
        sendFrame(socket, { t: 'failed', code: 'invalid-input', message: 'The app received a malformed request.' });
      }
    } catch (err) {
      const info = toErrorInfo(err);
      sendFrame(socket, { t: 'failed', code: (ERROR_CODES as readonly string[]).includes(info.code) ? info.code : 'internal', message: info.message });
    }
  }
}
