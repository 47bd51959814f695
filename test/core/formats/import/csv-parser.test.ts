// The parser layer: csv-spectrum's cases, delimiter detection, encodings and line numbers.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../electron/core/formats/csv/decode';
import { detectDelimiter, readCsv, type CsvRow } from '../../../../electron/core/formats/csv/read';
import { csvLine, guardFormula, unguardFormula } from '../../../../electron/core/formats/csv/write';
import { KeystashError } from '../../../../electron/core/errors';

const SPECTRUM = path.join(path.dirname(require.resolve('csv-spectrum/package.json')), 'csvs');

function rows(text: string): CsvRow[] {
  const out: CsvRow[] = [];
  readCsv(text, detectDelimiter(text), (r) => out.push(r));
  return out;
}

/** csv-spectrum's JSON gives objects keyed by header; build the same from our rows. */
function asObjects(text: string): Record<string, string>[] {
  const [header, ...data] = rows(text);
  return data.map((r) => Object.fromEntries((header?.fields ?? []).map((h, i) => [h, r.fields[i] ?? ''])));
}

describe('csv-spectrum', () => {
  const names = fs.readdirSync(SPECTRUM).map((f) => path.basename(f, '.csv'));
  it('has the cases we expect to run', () => {
    expect(names).toEqual(expect.arrayContaining(['comma_in_quotes', 'escaped_quotes', 'newlines', 'newlines_crlf', 'quotes_and_newlines', 'utf8', 'json', 'empty_crlf']));
  });
  for (const name of names) {
    it(`parses ${name} like the reference`, () => {
      const text = decodeText(fs.readFileSync(path.join(SPECTRUM, `${name}.csv`))).text;
      const expected = JSON.parse(fs.readFileSync(path.join(SPECTRUM, '..', 'json', `${name}.json`), 'utf8')) as unknown;
      // One reference file holds a bare object where the others hold an array of rows.
      const want = (Array.isArray(expected) ? expected : [expected]) as Record<string, string>[];
      const got = asObjects(text);
      if (name === 'location_coordinates') {
        // csv-spectrum's JSON for this case has a phone number its own CSV does not contain.
        expect(got[0]?.['Contact Phone Number']).toBe('2095257564');
        for (const r of [...want, ...got]) delete r['Contact Phone Number'];
      }
      expect(got).toEqual(want);
    });
  }
});

describe('line numbers and broken rows', () => {
  it('numbers each row by the line it starts on, across quoted newlines and blank lines', () => {
    for (const nl of ['\r\n', '\n']) {
      const text = ['a,b', '1,"x\r\ny"', '', '2,3', '"multi\n\nline",4', '5,6'].join(nl);
      expect(rows(text).map((r) => [r.line, r.fields])).toEqual([
        [1, ['a', 'b']],
        [2, ['1', 'x\r\ny']],
        [5, ['2', '3']],
        [6, ['multi\n\nline', '4']],
        [9, ['5', '6']],
      ]);
    }
  });

  it('reports an unterminated quote on the line where it starts and keeps the rows before', () => {
    const r = rows('a,b\n1,2\n"3,4\n5,6\n');
    expect(r[1]?.error).toBeUndefined();
    expect(r[2]?.line).toBe(3);
    expect(r[2]?.error).toMatch(/unterminated/);
  });

  it('flags a stray quote inside a field', () => {
    const r = rows('a,b\n"x"y",2\n');
    expect(r[1]?.error).toMatch(/malformed quotes/);
  });
});

describe('delimiters and encodings', () => {
  it('detects comma, semicolon and tab from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('a,b,c\n')).toBe(',');
    expect(detectDelimiter('"a,1";"b,2";c\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc,d\n')).toBe('\t');
  });

  it('decodes UTF-8 with and without BOM, and UTF-16 LE/BE with BOM', () => {
    const text = 'naïve,日本,🔑';
    const utf8 = Buffer.from(text, 'utf8');
    expect(decodeText(utf8)).toMatchObject({ text, encoding: 'utf-8', bom: false });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toMatchObject({ text, bom: true });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(le)).toMatchObject({ text, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be)).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('refuses bytes that are not UTF-8 instead of guessing', () => {
    expect(() => decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toThrow(KeystashError);
  });
});

describe('formula guard', () => {
  it('prefixes cells a spreadsheet would run, and undoes it exactly in the lossless form', () => {
    for (const v of ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx']) expect(guardFormula(v, false)).toBe(`'${v}`);
    expect(guardFormula("'plain", false)).toBe("'plain");
    for (const v of ['=1', "'", "'=1", "''x", 'plain', '']) expect(unguardFormula(guardFormula(v, true))).toBe(v);
  });

  it('quotes cells with commas, quotes, newlines and outer spaces', () => {
    expect(csvLine(['a,b', 'say "hi"', 'l1\nl2', ' pad', 'ok'], false)).toBe('"a,b","say ""hi""","l1\nl2"," pad",ok\r\n');
  });
});

describe('reading in slices', () => {
  const sliced = (text: string, max: number): CsvRow[] => {
    const out: CsvRow[] = [];
    let from: ReturnType<typeof readCsv> = { offset: 0, line: 1 };
    let calls = 0;
    while (from) {
      let seen = 0;
      from = readCsv(text, detectDelimiter(text), (r, stop) => {
        out.push(r);
        if (++seen >= max) stop();
      }, from);
      if (++calls > 10_000) throw new Error('no progress');
    }
    return out;
  };

  it('gives the same rows, line numbers and offsets as one read, whatever the slice size', () => {
    const texts = [
      'a,b\r\n1,"two\r\nlines"\r\n\r\n3,"x,y"\r\n4,""""\r\n',
      'a;b\n"multi\n\nline";2\n\n\nlast;row',
      'h\n1\n2\n3\n4\n5\n6\n7\n',
      'title,notes\n"unterminated,1\nnext,2\n',
    ];
    for (const text of texts) {
      const whole = rows(text);
      for (const max of [1, 2, 3, 5]) expect(sliced(text, max), `${JSON.stringify(text)} by ${max}`).toEqual(whole);
    }
  });

  it('agrees with one read on random CSV with quotes, delimiters and line breaks in fields', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '日'), maxLength: 6 });
    const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (table, max, crlf) => {
        const nl = crlf ? '\r\n' : '\n';
        const text = `x,y${nl}${table.map(([a, b]) => `${quote(a)},${quote(b)}`).join(nl)}${nl}`;
        expect(sliced(text, max)).toEqual(rows(text));
      }),
      { numRuns: 300 },
    );
  });
});
