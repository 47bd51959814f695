// A faster, equivalent dictionary matcher for zxcvbn-ts 4.2, for bulk scoring (the health
// check). zxcvbn's own matcher looks every substring of the password, up to the longest word
// (23 characters), up in each of its 20 dictionaries (a new string and a hash a lookup), and it
// runs up to a dozen times per check: plain, each l33t spelling, reversed, and all three again
// for word sequences. This version (installed here; its walks are in dictionary-matches.ts):
// - walks a character trie of the dictionaries (dictionary-trie.ts) from each start position,
//   one character a step, only while some word still starts with what it has read;
// - matches the user inputs (username, title) by comparing them at each position, instead of
//   merging them into a copy of the dictionaries each call;
// - in a l33t spelling of an ASCII password, looks only at the substrings that hold a
//   substitution: zxcvbn drops every other match of a spelling (its token equals the word), and
//   the one thing such a match can change, "the whole password is a word", is checked alone;
// - works out the l33t spellings once per check (the plain and the word-sequence l33t matchers
//   ask for the same ones), and finds repeated l33t matches with a set instead of a scan.
// It emits the same matches in the same order (positions, dictionaries in zxcvbn's order, the
// same rank values, including zxcvbn's lookups of Object.prototype's names), so scores and
// feedback stay identical: test/core/generator/dictionary-index.test.ts compares whole results
// with an unpatched factory on a broad fixture. What this does not model falls back to
// zxcvbn's own code: Levenshtein matching (off in Keystash), non-ASCII passwords in the l33t
// matcher, and factories whose options carry their own "userInputs" dictionary or a l33t table
// with multi-character letters.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { buildDictionaryTrie, sharedTrie, trieOver, type DictionaryTrie, type SharedTrie } from './dictionary-trie';
import { dictionaryMatches, isAscii, l33tMatches, USER_INPUTS, type MatchOptions, type ZxcvbnOptions } from './dictionary-matches';

/** What zxcvbn's dictionary matchers (MatchDictionary and its l33t subclass) hold. */
interface DictionaryMatcher {
  options: ZxcvbnOptions;
  /** True in the word-sequence matcher's own dictionary matchers: its dictionaries only, no user inputs. */
  wordSequenceCheck?: boolean;
  match(options: MatchOptions): unknown[];
}

/** Per factory: a trie of all its dictionaries, and one of the word-sequence dictionaries. */
interface FactoryIndex {
  all: DictionaryTrie;
  wordSequence: DictionaryTrie;
}

/** A factory's two tries in shared memory, for another thread's factory (shareDictionaryTries). */
export interface SharedTries {
  all: SharedTrie;
  wordSequence: SharedTrie;
}

const indexes = new WeakMap<object, FactoryIndex>();
let installed = false;

/** Each factory's tries in shared memory, once shared (so each thread asking gets the same copy). */
const sharedOf = new WeakMap<object, SharedTries>();

/**
 * `factory`'s tries in shared memory, for another thread's factory made with the same
 * dictionaries (indexDictionaryMatching's `shared`); this factory uses the shared copy from
 * now on, so one copy serves both. Undefined for a factory this module does not index.
 */
export function shareDictionaryTries(factory: ZxcvbnFactory): SharedTries | undefined {
  const { options } = factory as unknown as { options: ZxcvbnOptions };
  const index = indexes.get(options);
  if (!index) return undefined;
  let shared = sharedOf.get(options);
  if (!shared) {
    shared = { all: sharedTrie(index.all), wordSequence: sharedTrie(index.wordSequence) };
    sharedOf.set(options, shared);
    indexes.set(options, { all: trieOver(options, shared.all), wordSequence: trieOver(options, shared.wordSequence) });
  }
  return shared;
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((n, k) => n === b[k]);

/**
 * Makes `factory` match dictionaries through a trie of its words: built here (a fraction of a
 * second), or `shared` by another thread's factory with the same dictionaries. Other
 * factories keep zxcvbn's own matchers.
 */
export function indexDictionaryMatching(factory: ZxcvbnFactory, shared?: SharedTries): void {
  const internals = factory as unknown as { options: ZxcvbnOptions; matching: { matchers: { dictionary: object; dictionaryL33t: object } } };
  const { options } = internals;
  // What this models: no "userInputs" dictionary of the factory's own, single-letter l33t table.
  if (USER_INPUTS in options.rankedDictionaries) return;
  if (Object.keys(options.l33tTable).some((letter) => letter.length !== 1)) return;
  const names = Object.keys(options.rankedDictionaries);
  const sequenceNames = names.filter((name) => options.isWordSequence(name));
  // Shared tries are taken only when they were built from dictionaries of the same names in the same order.
  if (shared && sameNames(shared.all.names, names) && sameNames(shared.wordSequence.names, sequenceNames)) {
    indexes.set(options, { all: trieOver(options, shared.all), wordSequence: trieOver(options, shared.wordSequence) });
  } else {
    indexes.set(options, { all: buildDictionaryTrie(names, options), wordSequence: buildDictionaryTrie(sequenceNames, options) });
  }
  if (installed) return;
  // Every dictionary matcher (plain, reversed, word sequences') shares MatchDictionary's
  // prototype; the l33t ones (plain and word sequences') share MatchL33t's, its subclass.
  const l33tProto = Object.getPrototypeOf(internals.matching.matchers.dictionaryL33t) as DictionaryMatcher;
  const proto = Object.getPrototypeOf(internals.matching.matchers.dictionary) as DictionaryMatcher;
  const trieFor = (m: DictionaryMatcher): DictionaryTrie | undefined => {
    const index = m.options.useLevenshteinDistance ? undefined : indexes.get(m.options);
    return index && (m.wordSequenceCheck ? index.wordSequence : index.all);
  };
  const userInputsOf = (m: DictionaryMatcher, o: MatchOptions) => (m.wordSequenceCheck ? undefined : o.userInputsOptions);
  const original = proto.match;
  proto.match = function match(this: DictionaryMatcher, o: MatchOptions): unknown[] {
    const trie = trieFor(this);
    return trie ? dictionaryMatches(trie, o.password, userInputsOf(this, o)) : original.call(this, o);
  };
  const originalL33t = l33tProto.match;
  l33tProto.match = function match(this: DictionaryMatcher, o: MatchOptions): unknown[] {
    const trie = trieFor(this);
    return trie && isAscii(o.password) ? l33tMatches(trie, this.options, { password: o.password, userInputsOptions: userInputsOf(this, o) }, o.userInputsOptions) : originalL33t.call(this, o);
  };
  installed = true;
}
