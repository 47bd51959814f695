// The walks of the fast dictionary matchers (dictionary-index.ts installs them in zxcvbn-ts
// 4.2): every dictionary word, user input and Object.prototype name found in a password, and
// in its l33t spellings, emitted in zxcvbn's order with zxcvbn's rank values.
// Follows zxcvbn-ts 4.2 (MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.;
// Copyright (c) 2021 @zxcvbn-ts; the full text ships in @zxcvbn-ts/core/LICENSE.txt).
import { PROTOTYPE_WORDS, edgeSlot, type DictionaryTrie, type Ranked, type ZxcvbnDictionaries } from './dictionary-trie';
import { cleanPasswords, l33tExtras, type CleanPassword, type L33tExtras, type L33tTrieNode } from './l33t-variants';

interface DictionaryMatch {
  pattern: 'dictionary';
  i: number;
  j: number;
  token: string;
  matchedWord: string;
  rank: unknown;
  dictionaryName: string;
  reversed: false;
  l33t: false;
}

type L33tMatch = Omit<DictionaryMatch, 'l33t' | 'i' | 'j'> & L33tExtras & { l33t: true };

interface UserInputsOptions {
  rankedDictionary: Ranked;
  rankedDictionaryMaxWordSize: number;
}

export interface MatchOptions {
  password: string;
  userInputsOptions?: UserInputsOptions;
}

/** The parts of zxcvbn-ts's Options the matchers rely on. */
export interface ZxcvbnOptions extends ZxcvbnDictionaries {
  useLevenshteinDistance: boolean;
  l33tMaxSubstitutions: number;
  l33tTable: Record<string, string[]>;
  trieNodeRoot: L33tTrieNode;
  isWordSequence(name: string): boolean;
}

/** Which substrings a walk reports: start at most `lastStart`, end at or after `firstEnd[i]`. */
interface Cover {
  lastStart: number;
  firstEnd: Int32Array;
}

/** The name zxcvbn gives the user inputs' dictionary. */
export const USER_INPUTS = 'userInputs';
/** Per check's user-input dictionary: the words worth comparing at each position. */
const candidatesOf = new WeakMap<Ranked, string[]>();
const isPrototypeWord = new Set(PROTOTYPE_WORDS);
/** Every UTF-16 code unit below 128 (lowercasing then keeps each character in its place). */
export function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 127) return false;
  return true;
}

/** Words that can match at a position without being in the trie: user inputs, Object.prototype's names. */
function candidates(user: Ranked | undefined): readonly string[] {
  if (!user) return PROTOTYPE_WORDS;
  let list = candidatesOf.get(user);
  if (!list) {
    // User inputs are lowercased by zxcvbn, and a lowercased password holds no A-Z.
    list = [...new Set([...Object.keys(user).filter((w) => w.length > 0 && !/[A-Z]/.test(w)), ...PROTOTYPE_WORDS])];
    candidatesOf.set(user, list);
  }
  return list;
}

/** What one walk over a password reads and writes (one object, not closures, per call). */
interface Walk {
  trie: DictionaryTrie;
  password: string;
  lower: string;
  user: Ranked | undefined;
  userMax: number;
  maxSearchWidth: number;
  matches: DictionaryMatch[];
}

function emit(w: Walk, i: number, j: number, rank: unknown, dictionaryName: string): void {
  w.matches.push({ pattern: 'dictionary', i, j, token: w.password.slice(i, j + 1), matchedWord: w.lower.slice(i, j + 1), rank, dictionaryName, reversed: false, l33t: false });
}

/** The trie's (dictionary, rank) pairs of the word at `node`, found at i..j. */
function emitEntries(w: Walk, i: number, j: number, node: number): void {
  const { trie } = w;
  for (let e = trie.firstEntry[node] ?? -1; e !== -1; e = trie.entryNext[e] ?? -1) emit(w, i, j, trie.entryRank[e], trie.names[trie.entryDict[e] ?? 0] as string);
}

/**
 * A special word at i..j (a user input or a prototype name): the trie's entries (or, for a
 * prototype name, zxcvbn's own lookup in each dictionary), then the user inputs', each under
 * zxcvbn's width rules.
 */
function emitSpecial(w: Walk, i: number, j: number, node: number): void {
  const { trie, user } = w;
  const word = w.lower.slice(i, j + 1);
  const width = j - i + 1;
  const full = i === 0 && j === w.password.length - 1;
  // zxcvbn's loop stops at the first substring wider than every dictionary's longest word,
  // unless that substring is the whole password.
  if (!(width <= w.maxSearchWidth || (full && width === w.maxSearchWidth + 1))) return;
  if (isPrototypeWord.has(word)) {
    for (let d = 0; d < trie.names.length; d++) {
      if (width > (trie.maxWordSize[d] ?? 0) && !full) continue;
      const rank: unknown = trie.dictionary(d)[word];
      if (rank !== undefined) emit(w, i, j, rank, trie.names[d] as string);
    }
  } else if (node >= 0) {
    emitEntries(w, i, j, node);
  }
  if (user && (width <= w.userMax || full)) {
    const rank: unknown = user[word];
    if (rank !== undefined) emit(w, i, j, rank, USER_INPUTS);
  }
}

/**
 * zxcvbn's dictionary matches of `password` (MatchDictionary.match without Levenshtein), from
 * `trie` and, unless it is the word-sequence trie, the check's user inputs; with `cover`, only
 * the substrings it covers.
 */
export function dictionaryMatches(trie: DictionaryTrie, password: string, userInputs: UserInputsOptions | undefined, cover?: Cover): DictionaryMatch[] {
  const lower = password.toLowerCase();
  const n = password.length;
  const user = userInputs?.rankedDictionary;
  const userMax = userInputs?.rankedDictionaryMaxWordSize ?? 0;
  const w: Walk = { trie, password, lower, user, userMax, maxSearchWidth: user ? Math.max(trie.maxSearchWidth, userMax) : trie.maxSearchWidth, matches: [] };
  const words = candidates(user);
  const { edgeParent, edgeChar, edgeChild, mask, firstEntry } = trie;
  const lastStart = Math.min(n - 1, cover ? cover.lastStart : n - 1);
  for (let i = 0; i <= lastStart; i++) {
    const firstEnd = cover ? (cover.firstEnd[i] ?? n) : i;
    // Where special words starting here end (rarely any: a username, "constructor").
    let specialEnds: number[] | null = null;
    const c = lower.charCodeAt(i);
    for (const word of words) {
      if (word.charCodeAt(0) !== c || !lower.startsWith(word, i)) continue;
      specialEnds ??= [];
      specialEnds.push(i + word.length - 1);
    }
    if (specialEnds && specialEnds.length > 1) specialEnds.sort((a, b) => a - b);
    const specials = specialEnds ? specialEnds.length : 0;
    let next = 0;
    let node = 0;
    for (let j = i; j < n; j++) {
      if (node >= 0) {
        const slot = edgeSlot(edgeParent, edgeChar, mask, node, lower.charCodeAt(j));
        node = edgeParent[slot] === -1 ? -1 : (edgeChild[slot] ?? -1);
      }
      if (node < 0 && next >= specials) break;
      const special = next < specials && specialEnds?.[next] === j;
      if (special) next++;
      if (j < firstEnd) continue;
      if (special) emitSpecial(w, i, j, node);
      else if (node >= 0 && firstEntry[node] !== -1) emitEntries(w, i, j, node);
    }
  }
  return w.matches;
}

/** The first position at or after each index that a l33t spelling changed (n if none). */
function changeCover(clean: CleanPassword): Cover {
  const n = clean.password.length;
  const next = new Int32Array(n + 1).fill(n);
  for (const c of clean.changes) if (c.i < n) next[c.i] = c.i;
  for (let k = n - 1; k >= 0; k--) next[k] = Math.min(next[k] ?? n, next[k + 1] ?? n);
  const last = clean.changes.reduce((m, c) => Math.max(m, c.i), -1);
  return { lastStart: last, firstEnd: next };
}

/** The whole password, as the only substring a spelling without substitutions can add. */
const wholeCover = (n: number): Cover => ({ lastStart: 0, firstEnd: Int32Array.of(n - 1) });

/**
 * Each check's l33t spellings, by the check's user-input options (one object per check, shared
 * by its matchers): worked out once for the plain and the word-sequence l33t matchers, and
 * gone with the check, so no spelling of a password outlives it.
 */
const cleanOf = new WeakMap<object, { password: string; result: CleanPassword[] }>();

function cleanPasswordsOnce(check: object | undefined, password: string, limit: number, root: L33tTrieNode): CleanPassword[] {
  const known = check && cleanOf.get(check);
  if (known?.password === password) return known.result;
  const result = cleanPasswords(password, limit, root);
  if (check) cleanOf.set(check, { password, result });
  return result;
}

/** Where the match i..j of a clean spelling lies in the password (l33tExtras' i and j, without its lists). */
function unsubbed(clean: CleanPassword, i: number, j: number): { i: number; j: number } {
  let iUnsubbed = i;
  let jUnsubbed = j;
  for (const change of clean.changes) {
    const diff = change.substitution.length - change.letter.length;
    if (change.i < i) {
      iUnsubbed += diff;
      jUnsubbed += diff;
    } else if (change.i <= j) {
      jUnsubbed += diff;
    }
  }
  return { i: iUnsubbed, j: jUnsubbed };
}

/**
 * zxcvbn's MatchL33t.match for an ASCII password, through the trie; `check` identifies the
 * check (its user-input options) for cleanPasswordsOnce.
 */
export function l33tMatches(trie: DictionaryTrie, options: ZxcvbnOptions, o: MatchOptions, check: object | undefined): L33tMatch[] {
  const { password } = o;
  const matches: L33tMatch[] = [];
  const seen = new Set<string>();
  let hasFullMatch = false;
  for (const clean of cleanPasswordsOnce(check, password, options.l33tMaxSubstitutions, options.trieNodeRoot)) {
    if (hasFullMatch) break;
    // In an ASCII spelling, a match without a substitution has token === word and is dropped:
    // only those with one are needed, or (no substitution at all) whether the whole is a word.
    let cover: Cover | undefined;
    if (isAscii(clean.password)) cover = clean.changes.length > 0 ? changeCover(clean) : wholeCover(clean.password.length);
    for (const match of dictionaryMatches(trie, clean.password, o.userInputsOptions, cover)) {
      const { i, j } = unsubbed(clean, match.i, match.j);
      if (!hasFullMatch) hasFullMatch = i === 0 && j === password.length - 1;
      // zxcvbn drops single-character l33t matches ('1' for 'i') at the end; one never keeps
      // out a longer match (its key differs), so it is dropped here already.
      if (j <= i) continue;
      const token = password.slice(i, j + 1);
      if (token.toLowerCase() === match.matchedWord) continue;
      const key = `${i} ${j} ${match.dictionaryName.length} ${match.dictionaryName} ${match.matchedWord}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // The fields of { ...match, l33t: true, token, ...extras } in that order, without the
      // spreads' copying (a large part of this matcher's time).
      const extras = l33tExtras(clean, match.i, match.j);
      matches.push({ pattern: 'dictionary', i: extras.i, j: extras.j, token, matchedWord: match.matchedWord, rank: match.rank, dictionaryName: match.dictionaryName, reversed: false, l33t: true, subs: extras.subs, subDisplay: extras.subDisplay });
    }
  }
  return matches;
}
