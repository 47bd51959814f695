// Follows zxcvbn-ts 4.2 (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.;
// Copyright (c) 2021 @zxcvbn-ts; the full text ships in @zxcvbn-ts/core/LICENSE.txt).
// zxcvbn-ts 4.2's guess estimate for a dictionary match (scoring/estimate with
// matcher/dictionary/scoring and its uppercase and l33t variations), the same arithmetic in the
// same order, for match-sequence.ts: most of a password's matches are dictionary matches, and
// zxcvbn's estimator (not exported) is only reachable through a whole update of its search.
// The result has the same fields and values as zxcvbn's estimated match;
// test/core/generator/dictionary-index.test.ts compares whole results with an unpatched factory.

interface DictionaryLikeMatch {
  pattern: string;
  token: string;
  rank?: unknown;
  reversed?: boolean;
  l33t?: boolean;
  subs?: { letter: string; substitution: string }[];
  dictionaryName?: string;
  guesses?: number | null;
}

// zxcvbn-ts 4.2's data/const.
const MIN_SUBMATCH_GUESSES_SINGLE_CHAR = 10;
const MIN_SUBMATCH_GUESSES_MULTI_CHAR = 50;
const START_UPPER = /^[A-Z\xbf-\xdf][^A-Z\xbf-\xdf]+$/;
const END_UPPER = /^[^A-Z\xbf-\xdf]+[A-Z\xbf-\xdf]$/;
const ALL_UPPER_INVERTED = /^[^a-z\xdf-\xff]+$/;
const ALL_LOWER_INVERTED = /^[^A-Z\xbf-\xdf]+$/;
const ONE_LOWER = /[a-z\xdf-\xff]/;
const ONE_UPPER = /[A-Z\xbf-\xdf]/;
const ALPHA_INVERTED = /[^A-Za-z\xbf-\xdf]/gi;
const LOG10 = Math.log(10);

/** zxcvbn's utils.nCk, by the same loop. */
function nCk(n: number, k: number): number {
  let count = n;
  if (k > count) return 0;
  if (k === 0) return 1;
  let coEff = 1;
  for (let i = 1; i <= k; i += 1) {
    coEff *= count;
    coEff /= i;
    count -= 1;
  }
  return coEff;
}

/**
 * zxcvbn's uppercaseVariant (a pure function of the token), remembered in `memo`: the same
 * token is matched in several dictionaries. The caller's memo lives for one password's search,
 * so no token of a password outlives its check.
 */
function uppercaseVariations(word: string, memo: Map<string, number>): number {
  let v = memo.get(word);
  if (v === undefined) {
    v = computeUppercaseVariations(word);
    memo.set(word, v);
  }
  return v;
}

function computeUppercaseVariations(word: string): number {
  const cleaned = word.replace(ALPHA_INVERTED, '');
  if (ALL_LOWER_INVERTED.test(cleaned) || cleaned.toLowerCase() === cleaned) return 1;
  if (START_UPPER.test(cleaned) || END_UPPER.test(cleaned) || ALL_UPPER_INVERTED.test(cleaned)) return 2;
  const chars = cleaned.split('');
  const upper = chars.filter((c) => ONE_UPPER.test(c)).length;
  const lower = chars.filter((c) => ONE_LOWER.test(c)).length;
  let variations = 0;
  const length = Math.min(upper, lower);
  for (let i = 1; i <= length; i += 1) variations += nCk(upper + lower, i);
  return variations;
}

function countSubstring(s: string, sub: string): number {
  let count = 0;
  let pos = s.indexOf(sub);
  while (pos >= 0) {
    count += 1;
    pos = s.indexOf(sub, pos + sub.length);
  }
  return count;
}

/** zxcvbn's l33tVariant. */
function l33tVariations(match: DictionaryLikeMatch): number {
  if (!match.l33t) return 1;
  let variations = 1;
  const lower = match.token.toLowerCase();
  for (const sub of match.subs ?? []) {
    const subbed = countSubstring(lower, sub.substitution);
    const unsubbed = countSubstring(lower, sub.letter);
    if (subbed === 0 || unsubbed === 0) {
      variations *= 2;
    } else {
      const p = Math.min(unsubbed, subbed);
      let possibilities = 0;
      for (let i = 1; i <= p; i += 1) possibilities += nCk(unsubbed + subbed, i);
      variations *= possibilities;
    }
  }
  return variations;
}

/** Whether `match` is one this module estimates: a dictionary match with a numeric rank, not yet estimated. */
function estimable(match: DictionaryLikeMatch): match is DictionaryLikeMatch & { rank: number } {
  return match.pattern === 'dictionary' && typeof match.rank === 'number' && !('guesses' in match && match.guesses != null);
}

/** zxcvbn's guesses from a match's variations (dictionary scoring, then estimateGuesses' minimum). */
function guessesFrom(match: DictionaryLikeMatch & { rank: number }, passwordLength: number, upper: number, l33t: number): number {
  const { token } = match;
  let minGuesses = 1;
  if (token.length < passwordLength) minGuesses = token.length === 1 ? MIN_SUBMATCH_GUESSES_SINGLE_CHAR : MIN_SUBMATCH_GUESSES_MULTI_CHAR;
  const reversed = (match.reversed && 2) || 1;
  const calculation = match.dictionaryName === 'diceware' ? 6 ** 5 / 2 : match.rank * upper * l33t * reversed;
  return Math.max(calculation, minGuesses);
}

/**
 * zxcvbn's estimated copy of a dictionary match with a numeric rank in a password of
 * `passwordLength` characters; null for any other match (zxcvbn's own estimator takes those).
 * `memo` holds uppercase variations by token for one password.
 */
export function estimateDictionaryMatch<M extends DictionaryLikeMatch>(match: M, passwordLength: number, memo: Map<string, number>): M | null {
  if (!estimable(match)) return null;
  const upper = uppercaseVariations(match.token, memo);
  const l33t = l33tVariations(match);
  const guesses = guessesFrom(match, passwordLength, upper, l33t);
  return { ...match, baseGuesses: match.rank, uppercaseVariations: upper, l33tVariations: l33t, guesses, guessesLog10: guesses === 0 ? 0 : Math.log(guesses) / LOG10 };
}

/** The `guesses` estimateDictionaryMatch would give `match` (null for the same matches), without the copy. */
export function dictionaryGuesses(match: DictionaryLikeMatch, passwordLength: number, memo: Map<string, number>): number | null {
  return estimable(match) ? guessesFrom(match, passwordLength, uppercaseVariations(match.token, memo), l33tVariations(match)) : null;
}
