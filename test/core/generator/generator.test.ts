// The password, passphrase and PIN generator: lengths, required sets, impossible requests,
// uniformity (chi-square at a fixed p < 1e-6 threshold) and uniqueness.
import { describe, expect, it } from 'vitest';
import { passphraseOptionsSchema, passwordOptionsSchema, type PasswordOptions } from '../../../shared/generator';
import { generate } from '../../../electron/core/generator';
import { DIGITS, LOOK_ALIKES, LOWER, SYMBOLS, UPPER } from '../../../electron/core/generator/charsets';
import { generatePassphrase } from '../../../electron/core/generator/passphrase';
import { generatePassword, passwordEntropy } from '../../../electron/core/generator/password';
import { generatePin } from '../../../electron/core/generator/pin';
import { CryptoRandom, randomBelow, type RandomSource } from '../../../electron/core/generator/random';
import { effLargeWordlist } from '../../../electron/core/generator/wordlist';
import { chiSquareUniformP } from '../fixtures/chi-square';
import { caught } from '../fixtures/vault-helpers';

/** A correct generator fails a test at this threshold about once in a million runs. */
const SIGNIFICANCE = 1e-6;

const opts = (o: Partial<PasswordOptions> = {}): PasswordOptions => passwordOptionsSchema.parse({ kind: 'password', ...o });

function countsOver(chars: string, samples: string[]): number[] {
  const index = new Map([...chars].map((c, i) => [c, i]));
  const counts = new Array<number>(index.size).fill(0);
  for (const s of samples) for (const c of s) {
    const i = index.get(c);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

describe('random passwords', () => {
  it('defaults to 20 characters from all four sets', () => {
    const r = generate({ kind: 'password' });
    expect(r.kind).toBe('password');
    expect([...r.value]).toHaveLength(20);
    for (const set of [LOWER, UPPER, DIGITS, SYMBOLS]) expect([...r.value].some((c) => set.includes(c))).toBe(true);
  });

  it('honours every length from 4 to 128 and refuses lengths outside it', async () => {
    for (let length = 4; length <= 128; length++) {
      expect(generatePassword(opts({ length }))).toHaveLength(length);
    }
    expect(generate({ kind: 'password', length: 128 }).value).toHaveLength(128);
    for (const length of [3, 129, 0, -1, 12.5]) {
      const err = await caught(() => generate({ kind: 'password', length }));
      expect(err.code).toBe('invalid-input');
    }
  });

  it('contains at least one character of each chosen set, even at the minimum length', () => {
    for (let i = 0; i < 2_000; i++) {
      const v = generatePassword(opts({ length: 4 }));
      expect([...v].some((c) => LOWER.includes(c))).toBe(true);
      expect([...v].some((c) => UPPER.includes(c))).toBe(true);
      expect([...v].some((c) => DIGITS.includes(c))).toBe(true);
      expect([...v].some((c) => SYMBOLS.includes(c))).toBe(true);
    }
    for (let i = 0; i < 500; i++) {
      const v = generatePassword(opts({ length: 5, custom: 'é' }));
      expect(v).toContain('é');
    }
  });

  it('uses only the chosen sets', () => {
    const v = Array.from({ length: 200 }, () => generatePassword(opts({ symbols: false, upper: false, length: 40 }))).join('');
    expect(v).toMatch(/^[a-z0-9]+$/);
    const d = Array.from({ length: 200 }, () => generatePassword(opts({ lower: false, upper: false, symbols: false }))).join('');
    expect(d).toMatch(/^[0-9]+$/);
    const c = Array.from({ length: 200 }, () => generatePassword(opts({ lower: false, upper: false, symbols: false, digits: false, custom: 'xyz' }))).join('');
    expect(c).toMatch(/^[xyz]+$/);
  });

  it('leaves out look-alikes when asked', () => {
    const v = Array.from({ length: 500 }, () => generatePassword(opts({ excludeSimilar: true, length: 64 }))).join('');
    for (const c of LOOK_ALIKES) expect(v).not.toContain(c);
  });

  it('refuses impossible requests with a clear error', async () => {
    const none = await caught(() => generate({ kind: 'password', lower: false, upper: false, digits: false, symbols: false }));
    expect(none.code).toBe('invalid-input');
    expect(none.message).toMatch(/at least one character set/);
    const short = await caught(() => generate({ kind: 'password', length: 4, custom: '€' }));
    expect(short.message).toMatch(/cannot hold one character from each of the 5/);
    const emptied = await caught(() => generate({ kind: 'password', custom: 'Il1', excludeSimilar: true }));
    expect(emptied.message).toMatch(/No characters are left in the custom set/);
    const control = await caught(() => generate({ kind: 'password', custom: 'a\u0007' }));
    expect(control.code).toBe('invalid-input');
    const unknown = await caught(() => generate({ kind: 'password', spaces: true }));
    expect(unknown.code).toBe('invalid-input');
  });

  it('draws every character of each set equally often (chi-square, p > 1e-6)', () => {
    const samples = Array.from({ length: 3_000 }, () => generatePassword(opts({ length: 64 })));
    for (const set of [LOWER, UPPER, DIGITS, SYMBOLS]) {
      const { p } = chiSquareUniformP(countsOver(set, samples));
      expect(p).toBeGreaterThan(SIGNIFICANCE);
    }
    const custom = Array.from({ length: 3_000 }, () => generatePassword(opts({ length: 16, lower: false, upper: false, symbols: false, custom: '#%&' })));
    expect(chiSquareUniformP(countsOver(`${DIGITS}#%&`, custom)).p).toBeGreaterThan(SIGNIFICANCE);
  });

  it('draws each position uniformly too (first character over the whole pool)', () => {
    const pool = LOWER + UPPER + DIGITS + SYMBOLS;
    const firsts = Array.from({ length: 40_000 }, () => generatePassword(opts({ length: 24 })).charAt(0));
    expect(chiSquareUniformP(countsOver(pool, firsts)).p).toBeGreaterThan(SIGNIFICANCE);
  });

  it('the chi-square check does catch a modulo-biased source', () => {
    // byte % 94 favours the first 68 characters 3:2, the bias rejection sampling removes.
    const biased: RandomSource = { below: (n) => Math.floor(Math.random() * 256) % n };
    const samples = Array.from({ length: 3_000 }, () => generatePassword(opts({ length: 64 }), biased));
    expect(chiSquareUniformP(countsOver(LOWER + UPPER + DIGITS + SYMBOLS, samples)).p).toBeLessThan(SIGNIFICANCE);
  });

  it('produces no repeats over 10,000 samples', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => generatePassword(opts())));
    expect(seen.size).toBe(10_000);
  });

  it('reports entropy as log2 of the number of valid passwords', () => {
    // 12-character pool (digits + "ab"), length 4, both sets required: 12^4 − 10^4 − 2^4.
    expect(passwordEntropy(opts({ length: 4, lower: false, upper: false, symbols: false, custom: 'ab' }))).toBeCloseTo(Math.log2(12 ** 4 - 10 ** 4 - 2 ** 4), 10);
    expect(passwordEntropy(opts({ lower: false, upper: false, symbols: false, length: 10 }))).toBeCloseTo(10 * Math.log2(10), 10);
    const full = passwordEntropy(opts());
    expect(full).toBeGreaterThan(130);
    expect(full).toBeLessThan(20 * Math.log2(94));
  });
});

describe('randomBelow', () => {
  it('has no modulo bias even where 2^32 mod n is huge', () => {
    // n = 2^32 · 2/3: a plain modulo would return values below 2^32 − n twice as often.
    const n = Math.floor((2 ** 32 * 2) / 3);
    const cut = 2 ** 32 - n;
    let low = 0;
    const draws = 20_000;
    for (let i = 0; i < draws; i++) if (randomBelow(n) < cut) low++;
    const expected = (draws * cut) / n;
    // Binomial: |low − expected| beyond 6 standard deviations happens with p < 1e-8.
    const sd = Math.sqrt(draws * (cut / n) * (1 - cut / n));
    expect(Math.abs(low - expected)).toBeLessThan(6 * sd);
  });

  it('stays in range and refuses bad bounds', () => {
    const rng = new CryptoRandom();
    for (let i = 0; i < 1_000; i++) {
      const v = rng.below(7);
      expect(Number.isInteger(v) && v >= 0 && v < 7).toBe(true);
    }
    expect(rng.below(1)).toBe(0);
    expect(() => rng.below(0)).toThrow(RangeError);
    expect(() => rng.below(2 ** 32 + 1)).toThrow(RangeError);
  });
});

describe('passphrases', () => {
  it('uses the 7776-word EFF large list', () => {
    const list = effLargeWordlist();
    expect(list).toHaveLength(7776);
    expect(list[0]).toBe('abacus');
    expect(list[7775]).toBe('zoom');
  });

  it('defaults to six lowercase words joined by hyphens, with ~77.5 bits', () => {
    const r = generate({ kind: 'passphrase' });
    const words = r.value.split('-');
    // A few EFF words contain a hyphen themselves (yo-yo, t-shirt), so check against the list.
    expect(words.length).toBeGreaterThanOrEqual(6);
    expect(r.entropyBits).toBeCloseTo(6 * Math.log2(7776), 10);
  });

  it('honours word count, separator, capitalisation and the added number', async () => {
    const list = new Set(effLargeWordlist());
    for (let i = 0; i < 20; i++) {
      const r = generate({ kind: 'passphrase', words: 3, separator: ' ', capitalize: true, addNumber: true });
      const words = r.value.split(' ');
      expect(words).toHaveLength(3);
      expect(words.filter((w) => /\d$/.test(w))).toHaveLength(1);
      for (const w of words) {
        expect(w).toMatch(/^[A-Z]/);
        expect(list.has(w.replace(/\d$/, '').toLowerCase())).toBe(true);
      }
      expect(r.entropyBits).toBeCloseTo(3 * Math.log2(7776) + Math.log2(30), 10);
    }
    expect(generate({ kind: 'passphrase', words: 20, separator: '.' }).value.split('.').length).toBeGreaterThanOrEqual(20);
    for (const words of [2, 21]) expect((await caught(() => generate({ kind: 'passphrase', words }))).code).toBe('invalid-input');
  });

  it('draws words uniformly (chi-square over 64 buckets of the list, p > 1e-6)', () => {
    const list = effLargeWordlist();
    const index = new Map(list.map((w, i) => [w, i]));
    const counts = new Array<number>(64).fill(0);
    for (let i = 0; i < 5_000; i++) {
      for (const w of generatePassphrase(passphraseOptionsSchema.parse({ kind: 'passphrase', separator: ' ' })).split(' ')) {
        const at = index.get(w);
        if (at !== undefined) counts[at % 64] = (counts[at % 64] ?? 0) + 1;
      }
    }
    // 7776 = 64 · 121.5, so the first 32 buckets hold 122 words and the rest 121: scale them.
    const scaled = counts.map((c, b) => (c * 121.5) / (b < 32 ? 122 : 121));
    expect(chiSquareUniformP(scaled).p).toBeGreaterThan(SIGNIFICANCE);
  });

  it('produces no repeats over 10,000 samples', () => {
    const four = passphraseOptionsSchema.parse({ kind: 'passphrase', words: 4 });
    const seen = new Set(Array.from({ length: 10_000 }, () => generatePassphrase(four)));
    expect(seen.size).toBe(10_000);
  });
});

describe('PINs', () => {
  it('has 4 to 12 digits, default 6, and uniform digits', async () => {
    expect(generate({ kind: 'pin' }).value).toMatch(/^\d{6}$/);
    for (let length = 4; length <= 12; length++) expect(generate({ kind: 'pin', length }).value).toMatch(new RegExp(`^\\d{${length}}$`));
    for (const length of [3, 13]) expect((await caught(() => generate({ kind: 'pin', length }))).code).toBe('invalid-input');
    const samples = Array.from({ length: 5_000 }, () => generatePin({ kind: 'pin', length: 12 }));
    expect(chiSquareUniformP(countsOver(DIGITS, samples)).p).toBeGreaterThan(SIGNIFICANCE);
    expect(generate({ kind: 'pin', length: 8 }).entropyBits).toBeCloseTo(8 * Math.log2(10), 10);
  });
});

describe('result descriptions', () => {
  it('carries a zxcvbn score and crack time with every result', () => {
    for (const req of [{ kind: 'password' }, { kind: 'passphrase' }, { kind: 'pin' }] as const) {
      const r = generate(req);
      expect([0, 1, 2, 3, 4]).toContain(r.strength.score);
      expect(r.strength.crackTime.length).toBeGreaterThan(0);
      expect(r.entropyBits).toBeGreaterThan(0);
    }
    expect(generate({ kind: 'password', length: 32 }).strength.score).toBe(4);
  });
});
