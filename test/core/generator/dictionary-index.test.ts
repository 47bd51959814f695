// The indexed dictionary matcher (generator/dictionary-index.ts) gives zxcvbn exactly the
// matches its own matcher gives: whole results (score, guesses, match sequence, feedback)
// compared on a fixture of passwords of every shape, with user inputs, and a factory without
// the index keeps zxcvbn's own matcher.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { describe, expect, it } from 'vitest';
import { indexDictionaryMatching } from '../../../electron/core/generator/dictionary-index';

const options = () => ({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
  maxLength: 128,
  l33tMaxSubstitutions: 4,
});

const WORDS = ['tundra', 'velvet', 'orbit', 'monkey', 'dragon', 'sunshine', 'princess', 'football', 'jennifer', 'january'];
const CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789!@#$%^&*-_|';

function fixture(): string[] {
  let seed = 7;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const out = [
    'password', 'P@ssw0rd', 'p4$$w0rd123', 'drowssap', 'Tr0ub4dor&3', 'correcthorsebatterystaple', 'onetwothreefour',
    'mondaytuesday', 'qwertyuiop', 'zaq12wsx', '1q2w3e4r', 'aaaaaaa', 'abcabcabc', '13579', '19840512', '05/12/1984',
    'constructor', 'toString1', '__proto__', 'hasOwnProperty!', 'alice.wonder', 'alicewonder1984', 'ECILA', '',
    'a', 'Z9', 'iloveyou', 'j3nn1f3r', 'd0g$', 'sunshine!!', 'redgreenblue', 'northsoutheast',
  ];
  for (let i = 0; i < 160; i++) {
    const kind = i % 4;
    if (kind === 0) out.push(Array.from({ length: 8 + (i % 17) }, () => pick([...CHARS])).join(''));
    else if (kind === 1) out.push(`${pick(WORDS)}-${pick(WORDS)}-${i}`);
    else if (kind === 2) out.push(`${pick(WORDS).replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3')}${i}`);
    else out.push(`${pick(WORDS)}${pick(WORDS)}`.split('').reverse().join(''));
  }
  return out;
}

describe('indexed dictionary matching', () => {
  it('gives zxcvbn the same results as its own matcher', () => {
    const plain = new ZxcvbnFactory(options());
    const indexed = new ZxcvbnFactory(options());
    const inputs = ['alice.wonder', 'Alice Site', 'tundra'];
    const before = fixture().map((p) => plain.check(p, inputs));
    indexDictionaryMatching(indexed);
    const strip = (r: ReturnType<ZxcvbnFactory['check']>) => ({ ...r, calcTime: 0 });
    const after = fixture().map((p) => indexed.check(p, inputs));
    expect(after.map(strip)).toEqual(before.map(strip));
    // The plain factory still uses zxcvbn's own matcher after the index is installed.
    expect(fixture().map((p) => strip(plain.check(p, inputs)))).toEqual(before.map(strip));
    expect(new Set(before.map((r) => r.score)).size).toBe(5);
  });
});
