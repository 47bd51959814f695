// The health check's fast scoring (generator/dictionary-index.ts: the dictionary trie, user
// inputs, l33t spellings; generator/match-sequence.ts and dictionary-guesses.ts: the sequence
// search and its estimates; score-only.ts: the score without the rest of check(); and
// lazy-dictionaries.ts: ranked dictionaries built when first read) gives exactly zxcvbn's
// results: every match zxcvbn finds (raw matcher output, in order), whole results (score,
// guesses, match sequence, feedback) and the score-only path's scores and guesses, compared
// with an unpatched factory on a broad fixture of passwords and user inputs and on the health
// bench's kinds of passwords; and a factory without the patches keeps zxcvbn's code.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { describe, expect, it } from 'vitest';
import { indexDictionaryMatching, shareDictionaryTries } from '../../../electron/core/generator/dictionary-index';
import { useDictionariesLazily } from '../../../electron/core/generator/lazy-dictionaries';
import { fastMatchSequence, leastGuesses } from '../../../electron/core/generator/match-sequence';
import { scoreOnly } from '../../../electron/core/generator/score-only';

const options = () => ({
  translations: en.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
  maxLength: 128,
  l33tMaxSubstitutions: 4,
});

interface RawMatch {
  pattern: string;
  dictionaryName?: string;
  l33t?: boolean;
  reversed?: boolean;
  rank?: unknown;
}

/** zxcvbn's raw matcher output (every candidate match, before the sequence search). */
const rawMatches = (f: ZxcvbnFactory, password: string, inputs: string[] | undefined) => (f as unknown as { main(p: string, u?: string[]): (RawMatch & { i: number; j: number; token: string })[] }).main(password, inputs);

const WORDS = ['tundra', 'velvet', 'orbit', 'monkey', 'dragon', 'sunshine', 'princess', 'football', 'jennifer', 'january', 'constructor', 'one', 'two', 'three', 'monday'];
const CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789!@#$%^&*-_|()[]<>/\\+7';
/** 'İ' lowercases to two code units: a user input longer as a word than zxcvbn measured it. */
const WIDE_INPUT = `İ${'a'.repeat(22)}`;

/** Passwords of every shape: named cases (each with every set of user inputs) and generated ones. */
function fixture(): { named: string[]; generated: string[] } {
  let seed = 7;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const out = [
    'password', 'P@ssw0rd', 'p4$$w0rd123', 'drowssap', 'Tr0ub4dor&3', 'correcthorsebatterystaple', 'onetwothreefour',
    'mondaytuesday', 'qwertyuiop', 'zaq12wsx', '1q2w3e4r', 'aaaaaaa', 'abcabcabc', '13579', '19840512', '05/12/1984',
    'constructor', 'toString1', '__proto__', '__PROTO__x', 'hasOwnProperty!', 'alice.wonder', 'alicewonder1984', 'ECILA', '',
    'a', 'Z9', 'iloveyou', 'j3nn1f3r', 'd0g$', 'sunshine!!', 'redgreenblue', 'northsoutheast', 'one-two-three', 'OneTwoThree',
    'abcdefgh', 'zyxwvu', '13579bdf', 'asdfghjkl;', 'p|_|ppy', '\\/\\/ater', 'nnonkey', '|<ing', '()rbit', 'vv0rd',
    'İstanbul2020', 'Straße!', 'ΣΑΣ-σας', 'naïve-café', '€uro€', 'ñandú', 'x'.repeat(140), `${'correcthorse'.repeat(11)}!`,
    'rotcurtsnoc', 'yeknom!', '4l1c3', 'tundra-velvet-orbit-42', 'tundravelvetorbit', 'Tundra.Velvet_Orbit',
    WIDE_INPUT.toLowerCase(), `x${WIDE_INPUT.toLowerCase()}`, 'site 12', 'user12@example.com', 'USER12@EXAMPLE.COM',
    'PaSsWoRd', 'mOnKeY123', 'DrAgOn!', 'pAssWORD', 'SunShine', 'j3NN1f3R', 'P4SSw0rd',
    // Keyboard walks of one length with and without shifted keys and turns (the spatial estimates score-only remembers).
    'qwerty', 'QWERTY', 'qwERty', 'zxcvbn', 'asdfgh', '1qaz2w', '!QAZ@W', 'xqwerty', 'qwerty7', 'poiuyt', 'Q!w@e#r$',
  ];
  const generated: string[] = [];
  for (let i = 0; i < 180; i++) {
    const kind = i % 6;
    if (kind === 0) generated.push(Array.from({ length: 8 + (i % 17) }, () => pick([...CHARS])).join(''));
    else if (kind === 1) generated.push(`${pick(WORDS)}-${pick(WORDS)}-${i}`);
    else if (kind === 2) generated.push(`${pick(WORDS).replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3').replace(/i/g, '1')}${i}`);
    else if (kind === 3) generated.push(`${pick(WORDS)}${pick(WORDS)}`.split('').reverse().join(''));
    else if (kind === 4) generated.push(`${pick(WORDS)}${pick(['', '.', '_', ' '])}${pick(WORDS).toUpperCase()}${pick(['!', '1984', '$$', ''])}`);
    else generated.push(Array.from({ length: 24 + (i % 40) }, () => pick([...CHARS, ...WORDS])).join(''));
  }
  return { named: out, generated };
}

/** User inputs of every shape: none, the app's (username, title), prototype names, wide and odd ones. */
const INPUTS: (string[] | undefined)[] = [
  undefined,
  [],
  ['alice.wonder', 'Alice Site', 'tundra'],
  ['user12@example.com', 'Site 12'],
  ['constructor', '__proto__', ''],
  [WIDE_INPUT, 'x', 'STRASSE'],
];

describe('fast scoring', () => {
  it('gives zxcvbn the same matches and results as its own code', () => {
    const plain = new ZxcvbnFactory(options());
    // Made as a scoring thread makes it: its ranked dictionaries built when first read.
    const { dictionary, ...settings } = options();
    const fast = new ZxcvbnFactory(settings);
    useDictionariesLazily(fast, dictionary);
    const { named, generated } = fixture();
    const cases = [
      ...INPUTS.flatMap((inputs) => named.map((p) => [p, inputs] as const)),
      ...generated.map((p, k) => [p, INPUTS[k % INPUTS.length]] as const),
    ];
    const strip = (r: ReturnType<ZxcvbnFactory['check']>) => ({ ...r, calcTime: 0 });
    const before = cases.map(([p, inputs]) => strip(plain.check(p, inputs)));
    const rawBefore = cases.map(([p, inputs]) => rawMatches(plain, p, inputs));
    indexDictionaryMatching(fast);
    fastMatchSequence(fast);
    expect(cases.map(([p, inputs]) => rawMatches(fast, p, inputs))).toEqual(rawBefore);
    expect(cases.map(([p, inputs]) => strip(fast.check(p, inputs)))).toEqual(before);
    // The score-only path (the health check's workers) gives check()'s score, from the same guesses.
    expect(cases.map(([p, inputs]) => scoreOnly(fast, p, inputs))).toEqual(before.map((r) => r.score));
    expect(cases.map(([p, inputs]) => leastGuesses(fast, p.slice(0, 128), rawMatches(fast, p.slice(0, 128), inputs)))).toEqual(before.map((r) => r.guesses));
    // What zxcvbn would have built (the l33t matcher's fallback for non-ASCII passwords read it all).
    const dictionariesOf = (f: ZxcvbnFactory) => {
      const o = (f as unknown as { options: { dictionary: unknown; rankedDictionaries: Record<string, unknown>; rankedDictionariesMaxWordSize: unknown } }).options;
      return { dictionary: o.dictionary, ranked: { ...o.rankedDictionaries }, maxWordSize: o.rankedDictionariesMaxWordSize };
    };
    expect(dictionariesOf(fast)).toEqual(dictionariesOf(plain));
    // The factory without the patches still uses zxcvbn's own matchers and search.
    expect(cases.slice(0, named.length).map(([p, inputs]) => strip(plain.check(p, inputs)))).toEqual(before.slice(0, named.length));
    // The fixture reaches every path the fast code changes.
    const raw = rawBefore.flat();
    expect(new Set(before.map((r) => r.score)).size).toBe(5);
    expect(raw.some((m) => m.dictionaryName === 'userInputs')).toBe(true);
    expect(raw.some((m) => m.dictionaryName === 'userInputs' && m.rank === 1 && (m as { token?: string }).token === WIDE_INPUT.toLowerCase())).toBe(true);
    expect(raw.some((m) => typeof m.rank === 'function')).toBe(true);
    expect(raw.some((m) => m.l33t === true)).toBe(true);
    expect(raw.some((m) => m.l33t === true && m.dictionaryName === 'userInputs')).toBe(true);
    expect(raw.some((m) => m.reversed === true)).toBe(true);
    expect(raw.some((m) => m.pattern === 'wordSequence')).toBe(true);
    for (const pattern of ['bruteforce', 'date', 'repeat', 'sequence', 'spatial', 'separator', 'regex']) {
      expect(before.some((r) => r.sequence.some((m) => m.pattern === pattern))).toBe(true);
    }
  });

  it("gives check()'s score and guesses for the health check's kinds of passwords, score-only", () => {
    const plain = new ZxcvbnFactory(options());
    // Patched after zxcvbn built its ranked dictionaries (useFastScoring in a thread that had used strength()).
    const fast = new ZxcvbnFactory(options());
    indexDictionaryMatching(fast);
    fastMatchSequence(fast);
    // The shapes bench/health.ts scores (random strings, passphrases, word and digits, l33t
    // with digits, PINs), each with the app's context (username, title).
    let seed = 15;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    const cases = Array.from({ length: 400 }, (_, i) => {
      const kind = i % 5;
      const password =
        kind === 0 ? Array.from({ length: 16 + (i % 9) }, () => pick([...CHARS])).join('')
        : kind === 1 ? `${pick(WORDS)}-${pick(WORDS)}-${pick(WORDS)}-${i}`
        : kind === 2 ? `${pick(WORDS)}${i}`
        : kind === 3 ? `P@ssw0rd${i}!`
        : String(100000 + i * 37);
      return [password, [`user${i}@example.com`, `Site ${i}`]] as const;
    });
    const before = cases.map(([p, inputs]) => plain.check(p, [...inputs]));
    // A third factory made as a second scoring thread makes it: with the tries the first built, in shared memory.
    const { dictionary, ...settings } = options();
    const second = new ZxcvbnFactory(settings);
    useDictionariesLazily(second, dictionary);
    indexDictionaryMatching(second, shareDictionaryTries(fast));
    fastMatchSequence(second);
    for (const f of [fast, second]) {
      expect(cases.map(([p, inputs]) => scoreOnly(f, p, [...inputs]))).toEqual(before.map((r) => r.score));
      expect(cases.map(([p, inputs]) => leastGuesses(f, p, rawMatches(f, p, [...inputs])))).toEqual(before.map((r) => r.guesses));
      expect(cases.map(([p, inputs]) => rawMatches(f, p, [...inputs]))).toEqual(cases.map(([p, inputs]) => rawMatches(plain, p, [...inputs])));
    }
    expect(shareDictionaryTries(second)?.all.edgeChild.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(new Set(before.map((r) => r.score)).size).toBeGreaterThanOrEqual(4);
  });
});
