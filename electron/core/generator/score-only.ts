// Follows zxcvbn-ts 4.2 (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.;
// Copyright (c) 2021 @zxcvbn-ts; the full text ships in @zxcvbn-ts/core/LICENSE.txt).
// zxcvbn's score alone, for the health check's workers: check() also builds the whole match
// sequence (an estimated copy of every match it keeps), the crack times with their display
// strings and the feedback, none of which a score needs. This runs the same steps as check()
// for the score: the same truncation, zxcvbn's matching (with the fast matchers the factory
// has), the same search by numbers only (match-sequence.ts leastGuesses), and zxcvbn's own
// guesses-to-score thresholds. test/core/generator/dictionary-index.test.ts compares it with
// an unpatched factory's check().
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { leastGuesses } from './match-sequence';

/** The parts of zxcvbn-ts's ZxcvbnFactory this relies on. */
interface Factory {
  options: { maxLength: number };
  main(password: string, userInputs?: (string | number)[]): unknown;
  timeEstimates: { guessesToScore(guesses: number): number };
}

/** `factory.check(password, userInputs).score`, for a factory with fastMatchSequence installed. */
export function scoreOnly(factory: ZxcvbnFactory, password: string, userInputs?: (string | number)[]): number {
  const f = factory as unknown as Factory;
  const reduced = password.substring(0, f.options.maxLength);
  const matches = f.main(reduced, userInputs);
  if (!Array.isArray(matches)) throw new Error('scoreOnly needs synchronous matchers (zxcvbn check(), not checkAsync()).');
  return f.timeEstimates.guessesToScore(leastGuesses(factory, reduced, matches as Parameters<typeof leastGuesses>[2]));
}
