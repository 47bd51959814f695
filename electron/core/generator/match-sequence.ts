// Follows zxcvbn-ts 4.2 (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.;
// Copyright (c) 2021 @zxcvbn-ts; the full text ships in @zxcvbn-ts/core/LICENSE.txt).
// zxcvbn-ts 4.2's search for the most guessable match sequence (Scoring.
// mostGuessableMatchSequence), the same dynamic program with the same arithmetic in the same
// order, without its per-step allocations: zxcvbn makes and estimates a new bruteforce match
// object for every substring at every step (O(n^2) objects per password), copies a match on
// every estimate, and keeps its state in objects keyed by sequence length that it re-reads
// with Object.keys and parseInt. Here the state is arrays indexed by sequence length, a
// bruteforce match is a number until it ends up in the result, and each match is estimated
// once: a dictionary match by dictionary-guesses.ts (zxcvbn's arithmetic), any other by
// zxcvbn's own estimator (not exported: taken from one of zxcvbn's own updates on empty
// scratch state). Scores, guesses
// and sequences are identical (test/core/generator/dictionary-index.test.ts compares whole
// results with an unpatched factory); only object identity differs: an estimated match sits
// once in the result where zxcvbn would have made one copy per place.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { estimateDictionaryMatch } from './dictionary-guesses';

interface Match {
  pattern: string;
  i: number;
  j: number;
  token: string;
  guesses?: number | null;
  guessesLog10?: number;
}

type Slots = Record<number, Record<number, unknown>>;

/** The parts of zxcvbn-ts's Scoring (dist/scoring/index) this relies on. */
interface Scoring {
  password: string;
  excludeAdditive: boolean;
  optimal: { bestMatches: Slots; guessesProduct: Slots; totalGuesses: Slots };
  update(match: Match, sequenceLength: number): void;
  mostGuessableMatchSequence(password: string, matches: Match[], excludeAdditive?: boolean): MatchSequence;
}

interface MatchSequence {
  password: string;
  guesses: number;
  guessesLog10: number;
  sequence: Match[];
}

/** zxcvbn-ts 4.2's MIN_GUESSES_BEFORE_GROWING_SEQUENCE (data/const). */
const MIN_GUESSES_BEFORE_GROWING_SEQUENCE = 10000;

const fast = new WeakSet<object>();
const factorials: number[] = [1];
let installed = false;

/** zxcvbn's utils.factorial, by the same loop. */
function factorial(n: number): number {
  let f = factorials[n];
  if (f === undefined) {
    f = 1;
    for (let i = 2; i <= n; i += 1) f *= i;
    factorials[n] = f;
  }
  return f;
}

/**
 * zxcvbn's estimate of `match`: for a dictionary match, dictionary-guesses.ts's copy of its
 * arithmetic; for any other, taken from one of zxcvbn's own updates on empty scratch state.
 */
function estimate(scoring: Scoring, update: Scoring['update'], match: Match, memo: Map<string, number>): Match {
  if ('guesses' in match && match.guesses != null) return match;
  const dictionary = estimateDictionaryMatch(match, scoring.password.length, memo);
  if (dictionary) return dictionary;
  const saved = scoring.optimal;
  const k = match.j;
  const scratch: Scoring['optimal'] = { bestMatches: [], guessesProduct: [], totalGuesses: [] };
  scratch.bestMatches[k] = {};
  scratch.guessesProduct[k] = {};
  scratch.totalGuesses[k] = {};
  scoring.optimal = scratch;
  try {
    // A length-1 update with no competitor always stores its estimated match.
    update.call(scoring, match, 1);
  } finally {
    scoring.optimal = saved;
  }
  const estimated = scratch.bestMatches[k]?.[1] as Match | undefined;
  if (!estimated) throw new Error('zxcvbn did not estimate a match (unexpected zxcvbn-ts version).');
  return estimated;
}

/** zxcvbn's mostGuessableMatchSequence, by arrays (see the file comment). */
function search(scoring: Scoring, update: Scoring['update'], password: string, matches: Match[], excludeAdditive: boolean): MatchSequence {
  scoring.password = password;
  scoring.excludeAdditive = excludeAdditive;
  // Uppercase variations by token, for this password only.
  const memo = new Map<string, number>();
  const n = password.length;
  // Matches by end position, each list by start (a stable sort, as zxcvbn's).
  const byEnd: Match[][] = Array.from({ length: n }, () => []);
  for (const m of matches) byEnd[m.j]?.push(m);
  for (const list of byEnd) list.sort((a, b) => a.i - b.i);
  // Per end position k, per sequence length l: the best sequence's total guesses, its guess
  // product, and its last match (an estimated match, or null for a bruteforce match, whose
  // start is in bestStart).
  const total: number[][] = Array.from({ length: n }, () => []);
  const product: number[][] = Array.from({ length: n }, () => []);
  const best: (Match | null)[][] = Array.from({ length: n }, () => []);
  const bestStart: number[][] = Array.from({ length: n }, () => []);
  // Bruteforce guesses by token length (partial, and the whole password), from zxcvbn's estimator.
  const bruteforce = new Map<number, Match>();
  const bruteforceEstimate = (i: number, j: number): Match => {
    const key = j - i + 1 === n ? -1 : j - i + 1;
    let e = bruteforce.get(key);
    if (!e) {
      e = estimate(scoring, update, { pattern: 'bruteforce', token: password.slice(i, j + 1), i, j }, memo);
      bruteforce.set(key, e);
    }
    return e;
  };
  // zxcvbn's update: the length-l sequence ending with this match (i..k), kept if no sequence
  // of l or fewer matches ending at k has as few guesses.
  const consider = (guesses: number, i: number, k: number, l: number, match: Match | null) => {
    let pi = guesses;
    if (l > 1) pi *= product[i - 1]?.[l - 1] as number;
    let g = factorial(l) * pi;
    if (!excludeAdditive) g += MIN_GUESSES_BEFORE_GROWING_SEQUENCE ** (l - 1);
    const competing = total[k] as number[];
    for (let cl = 1; cl <= l && cl < competing.length; cl++) {
      const c = competing[cl];
      if (c !== undefined && c <= g) return;
    }
    competing[l] = g;
    (best[k] as (Match | null)[])[l] = match;
    (bestStart[k] as number[])[l] = i;
    (product[k] as number[])[l] = pi;
  };
  for (let k = 0; k < n; k += 1) {
    for (const m of byEnd[k] as Match[]) {
      const e = estimate(scoring, update, m, memo);
      const guesses = e.guesses as number;
      if (m.i > 0) {
        const prev = total[m.i - 1] as number[];
        for (let l = 1; l < prev.length; l++) if (prev[l] !== undefined) consider(guesses, e.i, k, l + 1, e);
      } else {
        consider(guesses, e.i, k, 1, e);
      }
    }
    // zxcvbn's bruteforceUpdate: a bruteforce match i..k alone, or after a non-bruteforce match.
    consider(bruteforceEstimate(0, k).guesses as number, 0, k, 1, null);
    for (let i = 1; i <= k; i += 1) {
      const prev = best[i - 1] as (Match | null)[];
      const prevTotal = total[i - 1] as number[];
      let guesses: number | undefined;
      for (let l = 1; l < prevTotal.length; l++) {
        if (prevTotal[l] === undefined || prev[l] === null) continue;
        guesses ??= bruteforceEstimate(i, k).guesses as number;
        consider(guesses, i, k, l + 1, null);
      }
    }
  }
  // zxcvbn's unwind: the best length at the end, then back through each match's start.
  const sequence: Match[] = [];
  let k = n - 1;
  let length = 0;
  // zxcvbn starts from 2e308, which is Infinity.
  let g = Infinity;
  const last = total[k];
  if (last) {
    for (let l = 1; l < last.length; l++) {
      const c = last[l];
      if (c !== undefined && c < g) {
        length = l;
        g = c;
      }
    }
  }
  while (k >= 0) {
    const start = bestStart[k]?.[length] as number;
    const m = best[k]?.[length] ?? bruteforceMatch(bruteforceEstimate(start, k), password, start, k);
    sequence.unshift(m);
    k = m.i - 1;
    length -= 1;
  }
  const guesses = n === 0 ? 1 : (total[n - 1]?.[sequence.length] as number);
  // zxcvbn would keep the last password on its scoring object; nothing reads it after the search.
  scoring.password = '';
  return { password, guesses, guessesLog10: guessesLog10(guesses), sequence };
}

/** The estimated bruteforce match i..j, as zxcvbn's estimator returns it. */
function bruteforceMatch(like: Match, password: string, i: number, j: number): Match {
  return { pattern: 'bruteforce', token: password.slice(i, j + 1), i, j, guesses: like.guesses, guessesLog10: like.guessesLog10 as number };
}

const LOG10 = Math.log(10);
/** zxcvbn's utils.log10. */
function guessesLog10(n: number): number {
  return n === 0 ? 0 : Math.log(n) / LOG10;
}

/** Makes `factory`'s scoring search this way. Other factories (and zxcvbn's own inner searches) are unchanged. */
export function fastMatchSequence(factory: ZxcvbnFactory): void {
  const scoring = (factory as unknown as { scoring: Scoring }).scoring;
  fast.add(scoring);
  if (installed) return;
  const proto = Object.getPrototypeOf(scoring) as Scoring;
  const original = proto.mostGuessableMatchSequence;
  const update = proto.update;
  proto.mostGuessableMatchSequence = function mostGuessableMatchSequence(this: Scoring, password: string, matches: Match[], excludeAdditive = false): MatchSequence {
    return fast.has(this) ? search(this, update, password, matches, excludeAdditive) : original.call(this, password, matches, excludeAdditive);
  };
  installed = true;
}
