// Follows zxcvbn-ts 4.2 (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.;
// Copyright (c) 2021 @zxcvbn-ts; the full text ships in @zxcvbn-ts/core/LICENSE.txt).
// zxcvbn-ts 4.2's search for the most guessable match sequence (Scoring.
// mostGuessableMatchSequence), the same dynamic program with the same arithmetic in the same
// order, without its per-step allocations: zxcvbn makes and estimates a new bruteforce match
// object for every substring at every step (O(n^2) objects per password), copies a match on
// every estimate, and keeps its state in objects keyed by sequence length that it re-reads
// with Object.keys and parseInt. Here the state is arrays of numbers indexed by sequence
// length, and each match is estimated once (match-estimates.ts: zxcvbn's arithmetic for a
// dictionary match, zxcvbn's own estimator for any other). The
// search runs in two modes: whole results (check()), or the guesses alone (leastGuesses, for
// score-only.ts), which makes no estimated copy of any match. Scores, guesses and sequences
// are identical (test/core/generator/dictionary-index.test.ts compares whole results with an
// unpatched factory); only object identity differs: an estimated match sits once in the
// result where zxcvbn would have made one copy per place.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { dictionaryGuesses } from './dictionary-guesses';
import { bruteforceEstimate, bruteforceMatch, estimate, spatialGuesses, type Match, type MatchSequence, type Scoring } from './match-estimates';

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
 * zxcvbn's dynamic program, per end position k and sequence length l: the best sequence's
 * total guesses, its guess product, its last match (its index in byEnd[k], or -1 for a
 * bruteforce match) and that match's start.
 */
interface Optimal {
  total: number[][];
  product: number[][];
  last: number[][];
  start: number[][];
}

/**
 * zxcvbn's search over `byEnd` (matches by end position, each list by start), with each
 * match's guesses from `guessesOf` (asked once per match, in zxcvbn's order) and a bruteforce
 * match's from `bruteforceGuesses`.
 */
function optimise(byEnd: Match[][], guessesOf: (k: number, index: number) => number, bruteforceGuesses: (i: number, k: number) => number, excludeAdditive: boolean): Optimal {
  const n = byEnd.length;
  const total: number[][] = Array.from({ length: n }, () => []);
  const product: number[][] = Array.from({ length: n }, () => []);
  const last: number[][] = Array.from({ length: n }, () => []);
  const start: number[][] = Array.from({ length: n }, () => []);
  // zxcvbn's update: the length-l sequence ending with this match (i..k), kept if no sequence
  // of l or fewer matches ending at k has as few guesses.
  const consider = (guesses: number, i: number, k: number, l: number, index: number) => {
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
    (last[k] as number[])[l] = index;
    (start[k] as number[])[l] = i;
    (product[k] as number[])[l] = pi;
  };
  for (let k = 0; k < n; k += 1) {
    const ending = byEnd[k] as Match[];
    for (let x = 0; x < ending.length; x++) {
      const { i } = ending[x] as Match;
      const guesses = guessesOf(k, x);
      if (i > 0) {
        const prev = total[i - 1] as number[];
        for (let l = 1; l < prev.length; l++) if (prev[l] !== undefined) consider(guesses, i, k, l + 1, x);
      } else {
        consider(guesses, i, k, 1, x);
      }
    }
    // zxcvbn's bruteforceUpdate: a bruteforce match i..k alone, or after a non-bruteforce match.
    consider(bruteforceGuesses(0, k), 0, k, 1, -1);
    for (let i = 1; i <= k; i += 1) {
      const prev = last[i - 1] as number[];
      const prevTotal = total[i - 1] as number[];
      let guesses: number | undefined;
      for (let l = 1; l < prevTotal.length; l++) {
        if (prevTotal[l] === undefined || prev[l] === -1) continue;
        guesses ??= bruteforceGuesses(i, k);
        consider(guesses, i, k, l + 1, -1);
      }
    }
  }
  return { total, product, last, start };
}

/**
 * zxcvbn's unwind: the best length at the end, then back through each match's start. The
 * steps (end position, sequence length) of the best sequence, last first.
 */
function unwind(optimal: Optimal, n: number): [number, number][] {
  const steps: [number, number][] = [];
  let k = n - 1;
  let length = 0;
  // zxcvbn starts from 2e308, which is Infinity.
  let g = Infinity;
  const final = optimal.total[k];
  if (final) {
    for (let l = 1; l < final.length; l++) {
      const c = final[l];
      if (c !== undefined && c < g) {
        length = l;
        g = c;
      }
    }
  }
  while (k >= 0) {
    steps.push([k, length]);
    k = (optimal.start[k]?.[length] as number) - 1;
    length -= 1;
  }
  return steps;
}

/** Matches by end position, each list by start (a stable sort, as zxcvbn's). */
function byEndOf(n: number, matches: Match[]): Match[][] {
  const byEnd: Match[][] = Array.from({ length: n }, () => []);
  for (const m of matches) byEnd[m.j]?.push(m);
  for (const list of byEnd) list.sort((a, b) => a.i - b.i);
  return byEnd;
}

/** zxcvbn's result guesses: 1 for an empty password, else the best sequence's total. */
function resultGuesses(optimal: Optimal, n: number, length: number): number {
  return n === 0 ? 1 : (optimal.total[n - 1]?.[length] as number);
}

/** zxcvbn's mostGuessableMatchSequence, by arrays (see the file comment). */
function search(scoring: Scoring, update: Scoring['update'], password: string, matches: Match[], excludeAdditive: boolean): MatchSequence {
  scoring.password = password;
  scoring.excludeAdditive = excludeAdditive;
  // Uppercase variations by token, for this password only.
  const memo = new Map<string, number>();
  const n = password.length;
  const byEnd = byEndOf(n, matches);
  const estimated: Match[][] = Array.from({ length: n }, () => []);
  const optimal = optimise(
    byEnd,
    (k, x) => {
      const e = estimate(scoring, update, byEnd[k]?.[x] as Match, memo);
      (estimated[k] as Match[])[x] = e;
      return e.guesses as number;
    },
    (i, k) => bruteforceEstimate(scoring, update, password, i, k).guesses,
    excludeAdditive,
  );
  const sequence = unwind(optimal, n)
    .reverse()
    .map(([k, l]): Match => {
      const x = optimal.last[k]?.[l] as number;
      const start = optimal.start[k]?.[l] as number;
      return x === -1 ? bruteforceMatch(bruteforceEstimate(scoring, update, password, start, k), password, start, k) : (estimated[k]?.[x] as Match);
    });
  const guesses = resultGuesses(optimal, n, sequence.length);
  // zxcvbn would keep the last password on its scoring object; nothing reads it after the search.
  scoring.password = '';
  return { password, guesses, guessesLog10: guessesLog10(guesses), sequence };
}

/**
 * The guesses zxcvbn's search gives (its result's `guesses`), by the same search with numbers
 * only: no estimated copy of a match and no match sequence are made.
 */
function searchGuesses(scoring: Scoring, update: Scoring['update'], password: string, matches: Match[]): number {
  scoring.password = password;
  scoring.excludeAdditive = false;
  const memo = new Map<string, number>();
  const n = password.length;
  const byEnd = byEndOf(n, matches);
  const optimal = optimise(
    byEnd,
    (k, x) => {
      const m = byEnd[k]?.[x] as Match;
      return dictionaryGuesses(m, n, memo) ?? spatialGuesses(scoring, update, m, memo) ?? (estimate(scoring, update, m, memo).guesses as number);
    },
    (i, k) => bruteforceEstimate(scoring, update, password, i, k).guesses,
    false,
  );
  const guesses = resultGuesses(optimal, n, unwind(optimal, n).length);
  scoring.password = '';
  return guesses;
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

/**
 * The guesses `factory`'s search would give for `matches` of `password` (zxcvbn's
 * mostGuessableMatchSequence(password, matches).guesses), by numbers only; the factory must
 * search this way (fastMatchSequence).
 */
export function leastGuesses(factory: ZxcvbnFactory, password: string, matches: Match[]): number {
  const scoring = (factory as unknown as { scoring: Scoring }).scoring;
  if (!fast.has(scoring)) throw new Error('leastGuesses needs fastMatchSequence(factory) first.');
  return searchGuesses(scoring, (Object.getPrototypeOf(scoring) as Scoring).update, password, matches);
}
