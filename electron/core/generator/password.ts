// Random passwords: a length, chosen character sets (each must appear at least once) and an
// optional look-alike filter. A candidate is drawn uniformly over the union of the sets and
// redrawn whole until every set appears, so every valid password is equally likely.
import type { PasswordOptions } from '../../../shared/generator';
import { KeystashError } from '../errors';
import { DIGITS, LOWER, SYMBOLS, UPPER, uniqueChars, withoutLookAlikes } from './charsets';
import { cryptoRandom, type RandomSource } from './random';

/** Redraws allowed before giving up; even the least likely valid option set succeeds ~1 in 300. */
const MAX_ATTEMPTS = 100_000;

export interface CharSet {
  name: string;
  chars: string[];
}

/** The sets these options require, after the look-alike filter; throws for impossible requests. */
export function chosenSets(opts: PasswordOptions): CharSet[] {
  const raw: [boolean, string, string][] = [
    [opts.lower, 'lowercase letters', LOWER],
    [opts.upper, 'uppercase letters', UPPER],
    [opts.digits, 'digits', DIGITS],
    [opts.symbols, 'symbols', SYMBOLS],
    [opts.custom !== '', 'the custom set', opts.custom],
  ];
  const sets: CharSet[] = [];
  for (const [on, name, chars] of raw) {
    if (!on) continue;
    const list = opts.excludeSimilar ? withoutLookAlikes(uniqueChars(chars)) : uniqueChars(chars);
    if (list.length === 0) throw new KeystashError('invalid-input', `No characters are left in ${name} once look-alikes are excluded.`);
    sets.push({ name, chars: list });
  }
  if (sets.length === 0) throw new KeystashError('invalid-input', 'Choose at least one character set: the password would have no characters to draw from.');
  if (opts.length < sets.length) {
    throw new KeystashError('invalid-input', `A ${opts.length}-character password cannot hold one character from each of the ${sets.length} chosen sets.`);
  }
  return sets;
}

export function generatePassword(opts: PasswordOptions, rng: RandomSource = cryptoRandom): string {
  const sets = chosenSets(opts);
  const pool = uniqueChars(sets.map((s) => s.chars.join('')).join(''));
  const members = sets.map((s) => new Set(s.chars));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const chars: string[] = [];
    for (let i = 0; i < opts.length; i++) chars.push(pool[rng.below(pool.length)] as string);
    if (members.every((m) => chars.some((c) => m.has(c)))) return chars.join('');
  }
  throw new KeystashError('internal', 'Could not generate a password with these options; try a longer one.');
}

function log2Big(x: bigint): number {
  if (x <= 0n) return 0;
  const bits = x.toString(2).length;
  if (bits <= 53) return Math.log2(Number(x));
  const shift = BigInt(bits - 53);
  return bits - 53 + Math.log2(Number(x >> shift));
}

/**
 * log2 of the number of valid passwords (inclusion–exclusion over the sets that could be
 * missing), which is the entropy because every valid password is equally likely.
 */
export function passwordEntropy(opts: PasswordOptions): number {
  const sets = chosenSets(opts);
  const pool = new Set(sets.flatMap((s) => s.chars));
  const len = BigInt(opts.length);
  let total = 0n;
  for (let mask = 0; mask < 1 << sets.length; mask++) {
    const missing = new Set<string>();
    let size = 0;
    sets.forEach((s, i) => {
      if (mask & (1 << i)) {
        size++;
        for (const c of s.chars) missing.add(c);
      }
    });
    const left = BigInt(pool.size - missing.size) ** len;
    total += size % 2 === 0 ? left : -left;
  }
  return log2Big(total);
}
