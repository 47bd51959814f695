// Asks for a password on the terminal without echoing it. Uses stdin when it is a terminal,
// otherwise the controlling terminal (/dev/tty), so `echo KEY | keystash add ... --secret-stdin`
// can still ask for the master password. Fails with a clear message when there is no terminal.
import fs from 'node:fs';
import tty from 'node:tty';
import { KeystashError } from '../core/errors';

interface Terminal {
  input: tty.ReadStream;
  output: NodeJS.WritableStream;
  close(): void;
}

function openTerminal(): Terminal | null {
  if (process.stdin.isTTY) {
    return { input: process.stdin as tty.ReadStream, output: process.stderr, close: () => process.stdin.pause() };
  }
  if (process.platform === 'win32') return null;
  try {
    const fd = fs.openSync('/dev/tty', 'r+');
    const input = new tty.ReadStream(fd);
    const output = new tty.WriteStream(fd);
    return {
      input,
      output,
      close: () => {
        input.destroy();
      },
    };
  } catch {
    return null;
  }
}

export function noTerminalError(): KeystashError {
  return new KeystashError('invalid-input', 'There is no terminal to ask for the password on; pass it on stdin with --password-stdin.');
}

/** Reads one line from the terminal with echo off. Ctrl-C aborts the whole command. */
export async function promptHidden(prompt: string): Promise<string> {
  const term = openTerminal();
  if (!term) throw noTerminalError();
  const { input, output } = term;
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = '';
      const onData = (chunk: string): void => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            input.off('data', onData);
            resolve(value);
            return;
          }
          if (ch === '\u0003') {
            input.off('data', onData);
            reject(new KeystashError('invalid-input', 'Cancelled.'));
            return;
          }
          if (ch === '\u0004' && value === '') {
            input.off('data', onData);
            reject(new KeystashError('invalid-input', 'No password was entered.'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
          else if (ch === '\u0015') value = '';
          else if (ch >= ' ') value += ch;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    output.write('\n');
    term.close();
  }
}
