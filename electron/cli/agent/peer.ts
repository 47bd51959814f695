// One side of an agent connection: frames in, frames out, and asking the other side a
// question (a line of stdin, a hidden prompt, a child to run) and waiting for its answer.
// Questions are asked one at a time: a command is sequential.
import net from 'node:net';
import { KeystashError } from '../../core/errors';
import { readFrames, sendFrame, type Frame } from '../../core/agent/frames';

/** Output text waiting to go out is sent once it reaches this many characters. */
const TEXT_BATCH = 64 * 1024;

export class Peer {
  private pending: { resolve: (f: Frame) => void; reject: (e: Error) => void } | null = null;
  private closed = false;
  private text: { t: 'out' | 'err'; d: string } | null = null;

  constructor(
    readonly socket: net.Socket,
    /** Frames that are not answers to a question. */
    onFrame: (frame: Frame) => void,
    answers: readonly string[],
  ) {
    readFrames(socket, (frame) => {
      if (this.pending && answers.includes(frame.t)) {
        const p = this.pending;
        this.pending = null;
        p.resolve(frame);
      } else onFrame(frame);
    });
    const end = (): void => {
      this.closed = true;
      const p = this.pending;
      this.pending = null;
      p?.reject(new KeystashError('io', 'The other end of the agent connection went away.'));
    };
    socket.on('close', end);
    socket.on('error', end);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(frame: Frame): void {
    this.flushText();
    sendFrame(this.socket, frame);
  }

  /**
   * A command's output: consecutive chunks for one stream go out as one frame, at the latest on
   * the next turn of the event loop and always before any other frame (a table of 150 lines is
   * one write and one parse, not 150). Order across stdout and stderr is kept.
   */
  sendText(t: 'out' | 'err', chunk: string): void {
    if (this.text?.t === t && this.text.d.length < TEXT_BATCH) {
      this.text.d += chunk;
      return;
    }
    this.flushText();
    this.text = { t, d: chunk };
    setImmediate(() => this.flushText());
  }

  private flushText(): void {
    const text = this.text;
    this.text = null;
    if (text) sendFrame(this.socket, text);
  }

  ask(frame: Frame): Promise<Frame> {
    if (this.closed) return Promise.reject(new KeystashError('io', 'The other end of the agent connection went away.'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.send(frame);
    });
  }
}

/** Connects to a Unix socket; null when nobody listens there (no agent, or a dead one). */
export function connect(socketPath: string): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.createConnection(socketPath);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', () => resolve(null));
  });
}
