// Follows zxcvbn-ts 4.2 (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.;
// Copyright (c) 2021 @zxcvbn-ts; the full text ships in @zxcvbn-ts/core/LICENSE.txt).
// zxcvbn's score alone, for the health check's workers: check() also builds the whole match
// sequence (an estimated copy of every match it keeps), the crack times with their display
// strings and the feedback, none of which a score needs. This runs the same steps as check()
// for the score: the same truncation, zxcvbn's matchers (with the fast ones the factory has),
// the same search by numbers only (match-sequence.ts leastGuesses), and zxcvbn's own
// guesses-to-score thresholds. test/core/generator/dictionary-index.test.ts compares it with
// an unpatched factory's check().
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { leastGuesses } from './match-sequence';

interface Matcher {
  match(o: { password: string; omniMatch: unknown; userInputsOptions: unknown }): unknown;
}

/** The parts of zxcvbn-ts's ZxcvbnFactory this relies on. */
interface Factory {
  options: { maxLength: number; getUserInputsOptions(userInputs?: (string | number)[]): unknown };
  matching: { matchers: Record<string, Matcher> };
  timeEstimates: { guessesToScore(guesses: number): number };
}

/**
 * zxcvbn's matches of `password` (its main(): Matching.match with the user inputs' options),
 * without Matching.match's final sort by position: the search files matches by end and sorts
 * each list by start (stably, as zxcvbn does), which gives the same lists in the same order.
 */
function matchesOf(f: Factory, password: string, userInputs?: (string | number)[]): Parameters<typeof leastGuesses>[2] {
  const userInputsOptions = f.options.getUserInputsOptions(userInputs);
  const matches: Parameters<typeof leastGuesses>[2] = [];
  for (const matcher of Object.values(f.matching.matchers)) {
    const found = matcher.match({ password, omniMatch: f.matching, userInputsOptions });
    if (!Array.isArray(found)) throw new Error('scoreOnly needs synchronous matchers (zxcvbn check(), not checkAsync()).');
    for (const m of found) matches.push(m as (typeof matches)[number]);
  }
  return matches;
}

/** `factory.check(password, userInputs).score`, for a factory with fastMatchSequence installed. */
export function scoreOnly(factory: ZxcvbnFactory, password: string, userInputs?: (string | number)[]): number {
  const f = factory as unknown as Factory;
  const reduced = password.substring(0, f.options.maxLength);
  return f.timeEstimates.guessesToScore(leastGuesses(factory, reduced, matchesOf(f, reduced, userInputs)));
}
