// Follows zxcvbn-ts 4.2 (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.;
// Copyright (c) 2021 @zxcvbn-ts; the full text ships in @zxcvbn-ts/core/LICENSE.txt).
// The guess estimates match-sequence.ts's search needs, each exactly as zxcvbn-ts 4.2 makes
// it: a dictionary match's by dictionary-guesses.ts's copy of its arithmetic, any other taken
// from zxcvbn's own estimator (not exported: reached through one of its own updates on empty
// scratch state). Estimates that depend only on a match's shape are taken once: a bruteforce
// match's per length, a keyboard walk's per graph, length, turns and shifted keys.
import { estimateDictionaryMatch } from './dictionary-guesses';

export interface Match {
  pattern: string;
  i: number;
  j: number;
  token: string;
  guesses?: number | null;
  guessesLog10?: number;
}

type Slots = Record<number, Record<number, unknown>>;

/** The parts of zxcvbn-ts's Scoring (dist/scoring/index) this relies on. */
export interface Scoring {
  password: string;
  excludeAdditive: boolean;
  optimal: { bestMatches: Slots; guessesProduct: Slots; totalGuesses: Slots };
  update(match: Match, sequenceLength: number): void;
  mostGuessableMatchSequence(password: string, matches: Match[], excludeAdditive?: boolean): MatchSequence;
}

export interface MatchSequence {
  password: string;
  guesses: number;
  guessesLog10: number;
  sequence: Match[];
}

/**
 * zxcvbn's estimate of `match`: for a dictionary match, dictionary-guesses.ts's copy of its
 * arithmetic; for any other, taken from one of zxcvbn's own updates on empty scratch state.
 */
export function estimate(scoring: Scoring, update: Scoring['update'], match: Match, memo: Map<string, number>): Match {
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

/**
 * zxcvbn's estimate of a spatial match (a keyboard walk) depends only on its graph, its
 * length, its turns and shifted keys, and whether it is the whole password, but zxcvbn works
 * out the graph's average degree anew each time: taken from zxcvbn's estimator once per such
 * key, per scoring object (numbers and a graph name, nothing of any password's characters).
 */
const spatialEstimates = new WeakMap<object, Map<string, number>>();

export function spatialGuesses(scoring: Scoring, update: Scoring['update'], m: Match, memo: Map<string, number>): number | null {
  if (m.pattern !== 'spatial' || m.guesses != null) return null;
  const { graph, turns, shiftedCount } = m as Match & { graph?: unknown; turns?: unknown; shiftedCount?: unknown };
  if (typeof graph !== 'string' || typeof turns !== 'number' || typeof shiftedCount !== 'number') return null;
  let known = spatialEstimates.get(scoring);
  if (!known) {
    known = new Map();
    spatialEstimates.set(scoring, known);
  }
  const key = `${graph} ${m.token.length} ${turns} ${shiftedCount} ${m.token.length < scoring.password.length}`;
  let guesses = known.get(key);
  if (guesses === undefined) {
    guesses = estimate(scoring, update, m, memo).guesses as number;
    known.set(key, guesses);
  }
  return guesses;
}

export interface Estimate {
  guesses: number;
  guessesLog10: number;
}

/**
 * zxcvbn's estimate of a bruteforce match depends only on its length and on whether it is the
 * whole password: taken from zxcvbn's estimator once per (length, whole) in this process (at
 * most 256 numbers, nothing of any password's characters).
 */
const bruteforceEstimates = new Map<number, Estimate>();

export function bruteforceEstimate(scoring: Scoring, update: Scoring['update'], password: string, i: number, j: number): Estimate {
  const width = j - i + 1;
  const key = width === password.length ? -width : width;
  let e = bruteforceEstimates.get(key);
  if (!e) {
    const m = estimate(scoring, update, { pattern: 'bruteforce', token: password.slice(i, j + 1), i, j }, new Map());
    e = { guesses: m.guesses as number, guessesLog10: m.guessesLog10 as number };
    bruteforceEstimates.set(key, e);
  }
  return e;
}

/** The estimated bruteforce match i..j, as zxcvbn's estimator returns it. */
export function bruteforceMatch(like: Estimate, password: string, i: number, j: number): Match {
  return { pattern: 'bruteforce', token: password.slice(i, j + 1), i, j, guesses: like.guesses, guessesLog10: like.guessesLog10 };
}
