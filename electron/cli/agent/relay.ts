// The client's half of one command run by the agent: send the request, print what the agent
// prints, hand its questions (a stdin line, a hidden prompt, a child to run, a file) to the
// caller, and return its exit code. Null means "nothing happened, run it here": the agent was
// gone before it answered, or ended because the vault file changed. Shared by the full client
// (client.ts, which answers every question) and the quick one (quick-client.ts, which takes
// only commands that ask none).
import type net from 'node:net';
import type { Frame } from '../../core/agent/frames';
import { Peer } from './peer';

/** Environment variables a command may read that the agent takes from the client, not from itself. */
export const FORWARDED_ENV = ['KEYSTASH_VAULT', 'KEYSTASH_DEBUG'] as const;

export interface RelayIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A line for the person (stderr), as Output.note prints it. */
  note(message: string): void;
  /** `keystash: message` on stderr, as Output.error prints it. */
  error(message: string): void;
  /** Answers a question from the agent; a `failed` frame makes the command fail there. */
  answer(question: Frame): Promise<Frame>;
}

const QUESTIONS = new Set(['read-line', 'prompt', 'spawn', 'read-file', 'write-file']);

/** The `run` request for a command line (without the command's name). */
export function runRequest(name: string, argv: string[], env: NodeJS.ProcessEnv, stdinIsTty: boolean): Frame {
  const passed: Record<string, string> = {};
  for (const k of FORWARDED_ENV) if (env[k] !== undefined) passed[k] = env[k];
  return { t: 'run', name, argv, cwd: process.cwd(), stdinIsTty, env: passed };
}

export function relayRun(socket: net.Socket, request: Frame, io: RelayIo): Promise<number | null> {
  return new Promise<number | null>((resolve) => {
    let settled = false;
    let printed = false;
    const finish = (code: number | null): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(code);
    };
    const peer = new Peer(
      socket,
      (frame) => {
        if (QUESTIONS.has(frame.t)) {
          void io.answer(frame).then((reply) => peer.send(reply));
          return;
        }
        switch (frame.t) {
          case 'out':
            printed = true;
            io.stdout(String(frame.d));
            return;
          case 'err':
            printed = true;
            io.stderr(String(frame.d));
            return;
          case 'exit':
            finish(typeof frame.code === 'number' ? frame.code : 1);
            return;
          case 'gone':
            io.note(`Notice: ${String(frame.reason)}`);
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
      // Died before answering (or refused our token): nothing happened yet, so running here is
      // safe. Died midway: the command may have done part of its work, so say so rather than
      // run it twice.
      if (!printed) finish(null);
      else {
        io.error('The agent stopped during the command; check its result before running it again.');
        finish(1);
      }
    });
    peer.send(request);
  });
}
