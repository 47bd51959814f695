// Reads stdin one line at a time, on demand, and stops reading in between, so a script can
// pipe `password\nsecret\n` and nothing beyond the lines a command asked for is consumed.
import type { Readable } from 'node:stream';

export class LineReader {
  private buffer = '';
  private ended = false;
  private waiting: (() => void) | null = null;
  private attached = false;

  constructor(private readonly stream: Readable) {}

  private attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.stream.setEncoding('utf8');
    this.stream.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.wake();
    });
    this.stream.on('end', () => {
      this.ended = true;
      this.wake();
    });
    this.stream.on('error', () => {
      this.ended = true;
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }

  /** The next line without its line ending, or null at end of input. */
  async next(): Promise<string | null> {
    this.attach();
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl !== -1) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        this.stream.pause();
        return line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      if (this.ended) {
        if (this.buffer === '') return null;
        const last = this.buffer;
        this.buffer = '';
        return last.endsWith('\r') ? last.slice(0, -1) : last;
      }
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        this.stream.resume();
      });
    }
  }

  /** Lets the process exit even though stdin was read from. */
  close(): void {
    if (this.attached) this.stream.destroy();
  }
}
