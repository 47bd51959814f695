// The CLI side of the desktop app as agent (electron/main/services/cli-bridge.service.ts):
// when the app is running and unlocked, `read`, `inject`, `run` and `env` get their values
// from it. The app asks the person once per terminal session; the answer is kept there.
import fs from 'node:fs';
import { ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import { agentDir, checkPrivateDir, socketPath } from '../../core/agent/runtime-dir';
import type { Frame } from '../../core/agent/frames';
import type { SecretSource } from '../../core/api-keys/secret-source';
import { KeystashError, toErrorInfo } from '../../core/errors';
import type { Output } from '../output';
import { connect, Peer } from './peer';

/** This terminal: its tty device, else the parent process (a script's shell). */
export function terminalSession(): string {
  try {
    const tty = fs.readlinkSync('/proc/self/fd/0');
    if (/^\/dev\/(pts\/\d+|tty\w*)$/.test(tty)) return tty;
  } catch {
    // No /proc (macOS): fall through to the parent process.
  }
  return `parent process ${process.ppid}`;
}

const errorCode = (code: unknown): ErrorCode => ((ERROR_CODES as readonly string[]).includes(code as string) ? (code as ErrorCode) : 'internal');

export interface AppConnection {
  source: SecretSource;
  close(): void;
}

/**
 * Connects to the app answering for this vault. Null when there is none, or it is locked (the
 * command then runs by itself); throws when the person denied this terminal.
 */
export async function connectToApp(vaultPath: string, commandLine: string, out: Output): Promise<AppConnection | null> {
  let dir: string;
  try {
    dir = agentDir();
  } catch {
    return null;
  }
  const sock = socketPath(dir, vaultPath, 'app');
  if (!fs.existsSync(sock)) return null;
  try {
    checkPrivateDir(dir);
  } catch (err) {
    out.note(`Warning: ${toErrorInfo(err).message}`);
    return null;
  }
  const socket = await connect(sock);
  if (!socket) return null;
  const peer = new Peer(socket, () => socket.destroy(), ['welcome', 'locked', 'denied', 'values', 'vars', 'failed']);
  let reply: Frame;
  try {
    reply = await peer.ask({ t: 'hello', process: commandLine, cwd: process.cwd(), pid: process.pid, terminal: terminalSession() });
  } catch {
    return null;
  }
  if (reply.t === 'denied') {
    socket.destroy();
    throw new KeystashError('locked', `${String(reply.message)} Run with --no-agent to use the master password instead.`);
  }
  if (reply.t !== 'welcome') {
    socket.destroy();
    return null;
  }
  const ask = async (frame: Frame, want: string): Promise<Frame> => {
    const r = await peer.ask(frame);
    if (r.t === 'failed') throw new KeystashError(errorCode(r.code), String(r.message));
    if (r.t !== want) throw new KeystashError('internal', 'The app gave an unexpected answer.');
    return r;
  };
  return {
    source: {
      resolve: async (refs, note) => (await ask({ t: 'resolve', refs, note }, 'values')).values as string[],
      envVars: async (specs, name, note) => (await ask({ t: 'env', specs, note, ...(name !== undefined ? { name } : {}) }, 'vars')).vars as Record<string, string>,
      profile: async (name) => (await ask({ t: 'profile', name }, 'vars')).vars as Record<string, string>,
    },
    close: () => socket.destroy(),
  };
}
