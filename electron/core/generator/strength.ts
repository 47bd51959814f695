// Password strength as zxcvbn-ts estimates it (score 0–4 and a crack time), with the common
// and English dictionaries. The estimator is built once, on first use, because loading its
// dictionaries takes a noticeable moment.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { Strength } from '../../../shared/generator';
import { indexDictionaryMatching, shareDictionaryTries, type SharedTries } from './dictionary-index';
import { useDictionariesLazily } from './lazy-dictionaries';
import { fastMatchSequence } from './match-sequence';
import { scoreOnly } from './score-only';

/** zxcvbn slows down sharply on very long input; beyond this a password is strong anyway. */
const MAX_CHECKED = 128;
/**
 * The l33t matcher's cost grows with the number of substitutable characters: at the default
 * (100) a random 32-character password takes ~0.7 s, at 4 about 40 ms, and common l33t
 * passwords (P@ssw0rd1) still score 1.
 */
const L33T_MAX_SUBSTITUTIONS = 4;

/**
 * Names the estimator and its settings. Scores stored between sessions (the health check's
 * cache, health/score-cache.ts) carry it, and are dropped when it changes: a new zxcvbn-ts
 * release or setting can score the same password differently. strength.test.ts checks it
 * against the installed zxcvbn-ts version.
 */
export const STRENGTH_ESTIMATOR = `zxcvbn-ts 4.2, common+en dictionaries, maxLength ${MAX_CHECKED}, l33tMaxSubstitutions ${L33T_MAX_SUBSTITUTIONS}`;

let factory: ZxcvbnFactory | null = null;
let fast = false;

/** The estimator's settings, but for its dictionaries. */
const settings = () => ({ translations: en.translations, graphs: common.adjacencyGraphs, maxLength: MAX_CHECKED, l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS });
const dictionaries = () => ({ ...common.dictionary, ...en.dictionary });

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ ...settings(), dictionary: dictionaries() });
  return factory;
}

/**
 * For bulk scoring (the health check's workers): build a trie of the dictionaries once
 * (~0.3 s) and search for the most guessable match sequence without zxcvbn's per-step
 * allocations, so each password is scored several times faster, with identical results
 * (dictionary-index.ts, match-sequence.ts); zxcvbn's ranked dictionaries, which the trie
 * makes rarely needed, are built only if read (lazy-dictionaries.ts). The app's main process
 * does not call this; it scores one password at a time.
 */
export function useFastScoring(shared?: SharedTries): void {
  if (fast) return;
  if (!factory) {
    factory = new ZxcvbnFactory(settings());
    useDictionariesLazily(factory, dictionaries());
  }
  // Another scoring thread's tries (sharedScoringTries) spare this one building its own.
  indexDictionaryMatching(factory, shared);
  fastMatchSequence(factory);
  fast = true;
}

/** This thread's dictionary tries in shared memory, for another scoring thread's useFastScoring. */
export function sharedScoringTries(): SharedTries | undefined {
  return fast && factory ? shareDictionaryTries(factory) : undefined;
}

/**
 * zxcvbn's score (0–4) alone, for the health check: same estimator and input as strength().
 * After useFastScoring(), without the match sequence, crack times and feedback check() also
 * builds (score-only.ts).
 */
export function strengthScore(password: string, userInputs: string[] = []): number {
  const reduced = password.slice(0, MAX_CHECKED);
  return fast ? scoreOnly(estimator(), reduced, userInputs) : estimator().check(reduced, userInputs).score;
}

/**
 * The crack time shown is zxcvbn's offline slow-hashing case (10^4 guesses per second), the
 * attack a stolen password database protected by a proper KDF would face.
 */
export function strength(password: string, userInputs: string[] = []): Strength {
  const r = estimator().check(password.slice(0, MAX_CHECKED), userInputs);
  const t = r.crackTimes.offlineSlowHashingXPerSecond;
  return { score: r.score, guessesLog10: r.guessesLog10, crackTime: t.display, crackTimeSeconds: t.seconds, warning: r.feedback.warning };
}
