// Unit tests for the CLI's text output and stdin line reading (no vault involved).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineReader } from '../../electron/cli/line-reader';
import { formatPairs, formatTable, printable } from '../../electron/cli/output';

describe('formatTable', () => {
  it('aligns every column to its widest cell and trims trailing spaces', () => {
    const rows = [
      { a: 'x', b: 'short', c: 'end' },
      { a: 'longer', b: 'b', c: '' },
    ];
    const lines = formatTable(
      [
        { header: 'A', value: (r: (typeof rows)[number]) => r.a },
        { header: 'BEE', value: (r) => r.b },
        { header: 'C', value: (r) => r.c },
      ],
      rows,
    );
    expect(lines).toEqual(['A       BEE    C', 'x       short  end', 'longer  b']);
  });

  it('cuts long cells, flattens newlines and neutralises control characters', () => {
    const lines = formatTable([{ header: 'T', value: (r: string) => r, max: 8 }], ['abcdefghijkl', 'a\nb', 'x\u001b[31my']);
    expect(lines[1]).toBe('abcdefg…');
    expect(lines[2]).toBe('a ↵ b');
    expect(lines[3]).not.toContain('\u001b');
  });
});

describe('formatPairs', () => {
  it('pads labels and indents continuation lines under the value', () => {
    expect(formatPairs([['URLs', 'a\nb'], ['Title', 'T']])).toEqual(['URLs:  a\n       b', 'Title: T']);
  });

  it('printable keeps tabs, newlines and non-ASCII text', () => {
    expect(printable('é\t✓\n')).toBe('é\t✓\n');
  });
});

describe('LineReader', () => {
  it('returns lines one at a time across chunk boundaries, with CRLF stripped', async () => {
    const s = new PassThrough();
    const r = new LineReader(s);
    s.write('first pass');
    s.write('word\r\nsec');
    s.end('ond\nlast-without-newline');
    expect(await r.next()).toBe('first password');
    expect(await r.next()).toBe('second');
    expect(await r.next()).toBe('last-without-newline');
    expect(await r.next()).toBeNull();
  });

  it('keeps an empty line distinct from the end of input', async () => {
    const s = new PassThrough();
    const r = new LineReader(s);
    s.end('\n');
    expect(await r.next()).toBe('');
    expect(await r.next()).toBeNull();
  });
});
