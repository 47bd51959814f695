// The CLI side of the agent: when an agent holds this vault, send it the command and act as
// its terminal (print what it prints, answer its stdin and prompt questions, run `run`'s
// child here with the secrets it hands over) and return its exit code. Returns null when
// there is no live agent, so the command runs in-process and asks for the password as usual:
// no socket, a dead agent's socket, or an agent that ended because the vault file changed.
import { quote } from '../../../shared/input-text';
import { KeystashError, toErrorInfo } from '../../core/errors';
import type { Frame } from '../../core/agent/frames';
import type { Lines } from '../input';
import type { Output } from '../output';
import { promptHidden } from '../tty-prompt';
import { locateAgent, openAgent, removeEndpoint, type Located } from './locate';
import { Peer } from './peer';
import { relayRun, runRequest } from './relay';

export interface AgentRun {
  name: string;
  /** The command line without the command's name. */
  argv: string[];
  vaultPath: string;
  out: Output;
  lines: Lines;
  env: NodeJS.ProcessEnv;
}

/** This vault's agent, or null when there is none (or it is not private: warned on stderr). */
export function agentEndpoint(vaultPath: string, out: Output): Located | null {
  return locateAgent(vaultPath, (m) => out.note(m));
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
  const found = agentEndpoint(run.vaultPath, run.out);
  if (!found) return null;
  const socket = await openAgent(found.endpoint);
  if (!socket) return null;
  return relayRun(socket, runRequest(run.name, run.argv, run.env, process.stdin.isTTY === true), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    note: (message) => run.out.note(message),
    error: (message) => run.out.error(message),
    answer: async (frame) => {
      switch (frame.t) {
        case 'read-line':
          return { t: 'line', value: await run.lines.next() };
        case 'prompt':
          return promptHidden(String(frame.label)).then(
            (value) => ({ t: 'done', value }),
            (err: unknown) => ({ t: 'failed', code: toErrorInfo(err).code, message: toErrorInfo(err).message }),
          );
        default:
          return doHere(frame);
      }
    },
  });
}

/** Ends the agent of this vault; false when none was running. */
export async function lockAgent(vaultPath: string, out: Output): Promise<boolean> {
  const found = agentEndpoint(vaultPath, out);
  if (!found) return false;
  const socket = await openAgent(found.endpoint);
  if (!socket) {
    // A dead agent's socket and file: the directory is private, so removing them is safe.
    removeEndpoint(found);
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
  const found = agentEndpoint(vaultPath, out);
  if (!found) return false;
  const socket = await openAgent(found.endpoint);
  socket?.destroy();
  return socket !== null;
}
