// The CLI side of the agent: when an agent holds this vault, send it the command and act as
// its terminal (print what it prints, answer its stdin and prompt questions, run `run`'s
// child here with the secrets it hands over) and return its exit code. Returns null when
// there is no live agent, so the command runs in-process and asks for the password as usual:
// no socket, a dead agent's socket, or an agent that ended because the vault file changed.
import fs from 'node:fs';
import { quote } from '../../../shared/input-text';
import { KeystashError, toErrorInfo } from '../../core/errors';
import { agentDir, checkPrivateDir, socketPath } from '../../core/agent/runtime-dir';
import type { Frame } from '../../core/agent/frames';
import type { Lines } from '../input';
import type { Output } from '../output';
import { promptHidden } from '../tty-prompt';
import { connect, Peer } from './peer';

export interface AgentRun {
  name: string;
  /** The command line without the command's name. */
  argv: string[];
  vaultPath: string;
  out: Output;
  lines: Lines;
}

/** The agent socket for this vault, or null when there is none (or it is not private). */
export function agentSocket(vaultPath: string, out: Output): string | null {
  let dir: string;
  try {
    dir = agentDir();
  } catch {
    return null;
  }
  const sock = socketPath(dir, vaultPath);
  if (!fs.existsSync(sock)) return null;
  try {
    checkPrivateDir(dir);
  } catch (err) {
    out.note(`Warning: ${toErrorInfo(err).message}`);
    return null;
  }
  return sock;
}

/** Does what the agent asks of this process (its terminal, files, children), through the local host. */
async function doHere(frame: Frame): Promise<Frame> {
  const { localHost } = await import('../local-host');
  const host = localHost();
  try {
    switch (frame.t) {
      case 'spawn':
        return {
          t: 'done',
          code: await host.runChild({ command: String(frame.command), args: frame.args as string[], secrets: frame.secrets as Record<string, string>, plain: frame.plain as Record<string, string>, mask: frame.mask === true }),
        };
      case 'read-file':
        return { t: 'done', text: await host.readText(String(frame.file)) };
      case 'write-file':
        await host.writePrivate(String(frame.file), String(frame.text), frame.overwrite === true);
        return { t: 'done' };
      default:
        throw new KeystashError('internal', `Unknown request ${quote(frame.t)} from the agent.`);
    }
  } catch (err) {
    const info = toErrorInfo(err);
    return { t: 'failed', code: info.code, message: info.message };
  }
}

export async function runThroughAgent(run: AgentRun): Promise<number | null> {
  const sock = agentSocket(run.vaultPath, run.out);
  if (!sock) return null;
  const socket = await connect(sock);
  if (!socket) return null;
  return new Promise<number | null>((resolve) => {
    let settled = false;
    let printed = false;
    const finish = (code: number | null): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(code);
    };
    const reply = (work: Promise<Frame>): void => void work.then((f) => peer.send(f));
    const peer = new Peer(
      socket,
      (frame) => {
        switch (frame.t) {
          case 'out':
            printed = true;
            process.stdout.write(String(frame.d));
            return;
          case 'err':
            printed = true;
            process.stderr.write(String(frame.d));
            return;
          case 'read-line':
            reply(run.lines.next().then((value) => ({ t: 'line', value })));
            return;
          case 'prompt':
            reply(
              promptHidden(String(frame.label)).then(
                (value) => ({ t: 'done', value }),
                (err: unknown) => ({ t: 'failed', code: toErrorInfo(err).code, message: toErrorInfo(err).message }),
              ),
            );
            return;
          case 'spawn':
          case 'read-file':
          case 'write-file':
            reply(doHere(frame));
            return;
          case 'exit':
            finish(typeof frame.code === 'number' ? frame.code : 1);
            return;
          case 'gone':
            run.out.note(`Notice: ${String(frame.reason)}`);
            finish(null);
            return;
          default:
            finish(null);
        }
      },
      [],
    );
    socket.on('close', () => {
      if (settled) return;
      // Died before answering: nothing happened yet, so running here is safe. Died midway:
      // the command may have done part of its work, so say so rather than run it twice.
      if (!printed) finish(null);
      else {
        run.out.error('The agent stopped during the command; check its result before running it again.');
        finish(1);
      }
    });
    peer.send({ t: 'run', name: run.name, argv: run.argv, cwd: process.cwd(), stdinIsTty: process.stdin.isTTY === true });
  });
}

/** Ends the agent of this vault; false when none was running. */
export async function lockAgent(vaultPath: string, out: Output): Promise<boolean> {
  const sock = agentSocket(vaultPath, out);
  if (!sock) return false;
  const socket = await connect(sock);
  if (!socket) {
    // A dead agent's socket: the directory is private, so removing it is safe.
    fs.rmSync(sock, { force: true });
    return false;
  }
  return new Promise<boolean>((resolve, reject) => {
    const peer = new Peer(socket, (frame) => resolve(frame.t === 'locked'), []);
    socket.on('close', () => resolve(false));
    socket.on('error', () => reject(new KeystashError('io', 'Could not reach the agent.')));
    peer.send({ t: 'lock' });
  });
}

/** Whether a live agent answers on this vault's socket. */
export async function agentRunning(vaultPath: string, out: Output): Promise<boolean> {
  const sock = agentSocket(vaultPath, out);
  if (!sock) return false;
  const socket = await connect(sock);
  socket?.destroy();
  return socket !== null;
}
