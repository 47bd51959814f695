// Follows zxcvbn-ts 4.2 (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.;
// Copyright (c) 2021 @zxcvbn-ts; the full text ships in @zxcvbn-ts/core/LICENSE.txt).
// zxcvbn-ts builds a ranked object (word -> rank) of every dictionary when a factory is made
// (Options.setRankedDictionaries): for Keystash's ~236,000 words, about 0.3 s of CPU and most
// of a scoring thread's start. With the fast matchers (dictionary-index.ts) a thread reads them
// only for a password holding an Object.prototype name (e.g. "constructor") or, in the l33t
// matcher, a non-ASCII character. So a scoring thread's factory gets the same dictionaries
// whose ranked objects are built on first read, each by zxcvbn's own loop (helper.
// buildRankedDictionary), and the longest-word sizes zxcvbn computes (by its own
// getRankedDictionariesMaxWordSize). test/core/generator/dictionary-index.test.ts compares a
// factory made this way with an unpatched one.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

type Ranked = Record<string, number>;

/** The parts of zxcvbn-ts's Options this sets (what setRankedDictionaries sets). */
interface Options {
  dictionary: Record<string, unknown[]>;
  rankedDictionaries: Record<string, Ranked>;
  rankedDictionariesMaxWordSize: Record<string, number>;
  getRankedDictionariesMaxWordSize(list: unknown[]): number;
}

/** zxcvbn's helper.buildRankedDictionary: rank from 1, a word listed twice keeps its last rank. */
function buildRankedDictionary(list: unknown[]): Ranked {
  const result: Ranked = {};
  let counter = 1;
  for (const word of list) {
    result[word as string] = counter;
    counter += 1;
  }
  return result;
}

/**
 * Gives `factory` (made without a `dictionary` option) these dictionaries as zxcvbn's
 * setOptions({ dictionary }) would, except that each ranked object is built when first read.
 */
export function useDictionariesLazily(factory: ZxcvbnFactory, dictionary: Record<string, unknown[]>): void {
  const options = (factory as unknown as { options: Options }).options;
  const ranked: Record<string, Ranked> = {};
  const maxWordSize: Record<string, number> = {};
  for (const [name, list] of Object.entries(dictionary)) {
    let built: Ranked | undefined;
    Object.defineProperty(ranked, name, { enumerable: true, configurable: true, get: () => (built ??= buildRankedDictionary(list)) });
    maxWordSize[name] = options.getRankedDictionariesMaxWordSize(list);
  }
  options.dictionary = dictionary;
  options.rankedDictionaries = ranked;
  options.rankedDictionariesMaxWordSize = maxWordSize;
}
