// Secret references, .env files and output masking, without a vault: the reference syntax
// (parsing, escapes, the round trip fuzzed with fast-check), template placeholders, the .env
// reader's quoting rules, and masking that holds whatever the chunk boundaries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../../electron/core/api-keys/dotenv-file';
import { CONCEALED, Masker } from '../../../electron/core/api-keys/mask';
import { fillTemplate, parseReference, percentDecode, templateReferences } from '../../../electron/core/api-keys/references';
import { formatReference } from '../../../shared/references';

describe('references', () => {
  it('split at the last slash: titles may contain slashes', () => {
    expect(parseReference('keystash://Stripe live/secret')).toEqual({ item: 'Stripe live', field: 'secret' });
    expect(parseReference('  keystash://Dev/Backend DB/password ')).toEqual({ item: 'Dev/Backend DB', field: 'password' });
    expect(parseReference('keystash://AWS/API%2FToken')).toEqual({ item: 'AWS', field: 'API/Token' });
    expect(parseReference('keystash://50% off/code')).toEqual({ item: '50% off', field: 'code' });
    expect(parseReference('keystash://100%25 sure/x')).toEqual({ item: '100% sure', field: 'x' });
  });

  it('refuse what is not ITEM/FIELD', () => {
    for (const bad of ['op://vault/item/field', 'keystash://', 'keystash://onlyitem', 'keystash:///secret', 'keystash://item/', 'Stripe/secret']) {
      expect(() => parseReference(bad), bad).toThrow(/reference|ITEM\/FIELD/);
    }
  });

  it('decode only valid %XX escapes', () => {
    expect(percentDecode('%41%zz%%2F%E2%82%AC%E2')).toBe('A%zz%/€%E2');
  });

  it('round-trip any item and field through formatReference (fast-check)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(text, text, (item, field) => {
        expect(parseReference(formatReference({ item, field }))).toEqual({ item, field });
        // Inside a template too: the placeholder ends at the first }} and the escapes keep } out.
        const template = `a {{ ${formatReference({ item, field })} }} b`;
        expect(templateReferences(template).map(parseReference)).toEqual([{ item, field }]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throw anything but a clear error on arbitrary input (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          const r = parseReference(`keystash://${s}`);
          expect(r.item.length).toBeGreaterThan(0);
          expect(r.field.length).toBeGreaterThan(0);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('invalid-input');
        }
      }),
    );
  });

  it('fill every placeholder, each distinct reference once, and leave other text alone', () => {
    const seen: string[] = [];
    const out = fillTemplate('k={{keystash://A/secret}} again={{  keystash://A/secret  }} {{ other }} {single}', (ref) => {
      seen.push(ref);
      return 'VALUE';
    });
    expect(out).toBe('k=VALUE again=VALUE {{ other }} {single}');
    expect(seen).toEqual(['keystash://A/secret']);
  });
});

describe('.env files', () => {
  it('read plain, quoted and exported values, comments and blank lines', () => {
    const text = [
      '# comment',
      '',
      'A=plain value  # trailing comment',
      'export B="line\\nbreak \\"q\\" \\$HOME"',
      "C='literal \\n $X'",
      'D=keystash://Stripe live/secret',
      'E=',
    ].join('\n');
    expect(parseEnvFile(text, '.env').map(({ name, value }) => [name, value])).toEqual([
      ['A', 'plain value'],
      ['B', 'line\nbreak "q" $HOME'],
      ['C', 'literal \\n $X'],
      ['D', 'keystash://Stripe live/secret'],
      ['E', ''],
    ]);
  });

  it('name the line of each mistake', () => {
    expect(() => parseEnvFile('A=1\nnot a line', 'x.env')).toThrow('x.env, line 2: expected NAME=value');
    expect(() => parseEnvFile('1A=1', 'x.env')).toThrow('line 1');
    expect(() => parseEnvFile('A="open', 'x.env')).toThrow('not closed');
    expect(() => parseEnvFile("A='x' y", 'x.env')).toThrow('after the closing quote');
  });
});

describe('masking', () => {
  const run = (secrets: string[], chunks: string[]): string => {
    const m = new Masker(secrets);
    return Buffer.concat([...chunks.map((c) => m.push(Buffer.from(c))), m.flush()]).toString();
  };

  it('mask a secret split across chunks, and pass other output on at once', () => {
    expect(run(['sk_live_123'], ['key: sk_li', 've_1', '23 done'])).toBe(`key: ${CONCEALED} done`);
    const m = new Masker(['sk_live_123']);
    // "prompt> " cannot start a secret: it is not held back.
    expect(m.push(Buffer.from('prompt> ')).toString()).toBe('prompt> ');
    expect(m.push(Buffer.from('sk_')).toString()).toBe('');
    expect(m.push(Buffer.from('x')).toString()).toBe('sk_x');
  });

  it('mask the longer of two overlapping secrets whole, and skip values under 4 characters', () => {
    expect(run(['abcd', 'abcdefgh'], ['xxabcdefghyy abcd'])).toBe(`xx${CONCEALED}yy ${CONCEALED}`);
    expect(run(['on', '123'], ['on 123'])).toBe('on 123');
  });

  it('give the same output whatever the chunk boundaries, with no secret left (fast-check)', () => {
    const secret = fc.stringMatching(/^[a-z0-9]{4,12}$/);
    fc.assert(
      fc.property(fc.array(secret, { minLength: 1, maxLength: 3 }), fc.array(fc.oneof(fc.stringMatching(/^[a-z0-9 ]{0,8}$/), fc.constant('SECRET')), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 10 }), (secrets, parts, cuts) => {
        const text = parts.map((p, i) => (p === 'SECRET' ? (secrets[i % secrets.length] ?? '') : p)).join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points, text.length].slice(1).map((end, i, ends) => text.slice(i === 0 ? 0 : (ends[i - 1] ?? 0), end));
        const whole = run(secrets, [text]);
        expect(run(secrets, chunks)).toBe(whole);
        for (const s of secrets) expect(whole.replaceAll(CONCEALED, '|')).not.toContain(s);
      }),
      { numRuns: 400 },
    );
  });
});
