// A faster, equivalent dictionary matcher for zxcvbn-ts, for bulk scoring (the health check).
// zxcvbn's own matcher looks every substring of the password, up to the longest word (23
// characters), up in each of its 20 dictionaries: thousands of lookups a password, and it runs
// six times per check (plain, l33t variants, reversed, and again for word sequences). Most of a
// password's substrings are not the start of any word, so this version walks each start
// position only while the substring is still a prefix of some word, and looks in the
// dictionaries only when the substring is a word of one of them. It emits the same matches in
// the same order (same positions, dictionaries in the same order), so scores and feedback stay
// identical (test/core/generator/dictionary-index.test.ts compares the two on a fixture).
// Levenshtein matching (off in Keystash) falls back to zxcvbn's own code.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

type Ranked = Record<string, number>;

interface DictionaryMatch {
  pattern: 'dictionary';
  i: number;
  j: number;
  token: string;
  matchedWord: string;
  rank: number;
  dictionaryName: string;
  reversed: false;
  l33t: false;
}

interface MatchOptions {
  password: string;
  userInputsOptions?: { rankedDictionary: Ranked };
}

/** The parts of zxcvbn-ts's MatchDictionary (dist/matcher/dictionary/matching) this relies on. */
interface DictionaryMatcher {
  options: { useLevenshteinDistance: boolean };
  getRangedDictionaries(userInputsOptions: unknown): { rankedDictionaries: Record<string, Ranked>; rankedDictionariesMaxWordSize: Record<string, number> };
  match(options: MatchOptions): DictionaryMatch[];
}

/** Words that can answer a lookup; prefixes up to PREFIX_CHARS long, to stop a walk early. */
interface WordIndex {
  words: Set<string>;
  prefixes: Set<string>;
}

/**
 * Prefixes kept per word: all of them (the longest word has 23 characters), so a walk stops as
 * soon as no word starts with the substring (6 kept ~25% fewer entries but walked on to the
 * widest word after any 6-letter word start, and was slower per password).
 */
const PREFIX_CHARS = 32;

const indexes = new WeakMap<object, WordIndex>();
const userIndexes = new WeakMap<Ranked, WordIndex>();
let installed = false;

function indexOf(words: Iterable<string>): WordIndex {
  const index: WordIndex = { words: new Set(), prefixes: new Set() };
  for (const w of words) {
    index.words.add(w);
    for (let k = 1; k <= Math.min(w.length, PREFIX_CHARS); k++) index.prefixes.add(w.slice(0, k));
  }
  return index;
}

/** Whether `sub` may still start a word: known prefix, or past the prefix length kept. */
const mayStartWord = (index: WordIndex | undefined, sub: string): boolean =>
  index !== undefined && (sub.length > PREFIX_CHARS || index.prefixes.has(sub));

function indexedMatch(this: DictionaryMatcher, index: WordIndex, o: MatchOptions): DictionaryMatch[] {
  const user = o.userInputsOptions?.rankedDictionary;
  let userIndex = user ? userIndexes.get(user) : undefined;
  if (user && !userIndex) {
    userIndex = indexOf(Object.keys(user));
    userIndexes.set(user, userIndex);
  }
  const { password } = o;
  const lower = password.toLowerCase();
  const { rankedDictionaries, rankedDictionariesMaxWordSize } = this.getRangedDictionaries(o.userInputsOptions);
  const names = Object.keys(rankedDictionaries);
  const maxSearchWidth = Math.max(0, ...Object.values(rankedDictionariesMaxWordSize));
  const matches: DictionaryMatch[] = [];
  for (let i = 0; i < password.length; i++) {
    for (let j = i; j < password.length; j++) {
      const width = j - i + 1;
      const isFullPassword = i === 0 && j === password.length - 1;
      if (width > maxSearchWidth && !isFullPassword) break;
      const sub = lower.slice(i, j + 1);
      if (!mayStartWord(index, sub) && !mayStartWord(userIndex, sub)) break;
      if (!index.words.has(sub) && !(userIndex?.words.has(sub) ?? false)) continue;
      // From here on exactly zxcvbn's loop: every dictionary, in order, by plain lookup.
      for (const name of names) {
        if (width > (rankedDictionariesMaxWordSize[name] ?? 0) && !isFullPassword) continue;
        const rank = rankedDictionaries[name]?.[sub];
        if (rank !== undefined) {
          matches.push({ pattern: 'dictionary', i, j, token: password.slice(i, j + 1), matchedWord: sub, rank, dictionaryName: name, reversed: false, l33t: false });
        }
      }
    }
  }
  return matches;
}

/**
 * Makes `factory` match dictionaries through an index of its words (built here, ~0.5 s and
 * ~40 MB for the English and common dictionaries). Other factories keep zxcvbn's own matcher.
 */
export function indexDictionaryMatching(factory: ZxcvbnFactory): void {
  const internals = factory as unknown as { options: { rankedDictionaries: Record<string, Ranked> }; matching: { matchers: { dictionary: object } } };
  const { options } = internals;
  // Plain-object dictionaries also answer for Object.prototype's names ("constructor"):
  // zxcvbn counts those as words, so the index must too.
  const words: string[] = Object.getOwnPropertyNames(Object.prototype);
  for (const dictionary of Object.values(options.rankedDictionaries)) words.push(...Object.keys(dictionary));
  indexes.set(options, indexOf(words));
  if (installed) return;
  // Every dictionary matcher (plain, l33t, reversed, word sequences) shares this prototype.
  const proto = Object.getPrototypeOf(internals.matching.matchers.dictionary) as DictionaryMatcher;
  const original = proto.match;
  proto.match = function match(this: DictionaryMatcher, o: MatchOptions): DictionaryMatch[] {
    const index = indexes.get(this.options);
    return index && !this.options.useLevenshteinDistance ? indexedMatch.call(this, index, o) : original.call(this, o);
  };
  installed = true;
}
