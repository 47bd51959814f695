// The agent's wire format: one JSON object per line over the Unix socket, both ways. A frame
// larger than MAX_FRAME ends the connection, so a broken peer cannot make the other side
// buffer without end.
import type { Socket } from 'node:net';

export const MAX_FRAME = 32 * 1024 * 1024;

export type Frame = Record<string, unknown> & { t: string };

export function sendFrame(socket: Socket, frame: Frame): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
}

/** Calls `onFrame` for each complete line; anything that is not a JSON object with `t` closes the socket. */
export function readFrames(socket: Socket, onFrame: (frame: Frame) => void): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > MAX_FRAME) {
      socket.destroy();
      return;
    }
    let nl = buffer.indexOf('\n');
    while (nl !== -1) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let frame: unknown;
      try {
        frame = JSON.parse(line);
      } catch {
        socket.destroy();
        return;
      }
      if (typeof frame !== 'object' || frame === null || typeof (frame as { t?: unknown }).t !== 'string') {
        socket.destroy();
        return;
      }
      onFrame(frame as Frame);
      nl = buffer.indexOf('\n');
    }
  });
}
