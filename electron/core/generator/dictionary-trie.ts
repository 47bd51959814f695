// zxcvbn's dictionaries as one character trie, for dictionary-index.ts. zxcvbn looks every
// substring of a password up in each dictionary (a new string and a hash per lookup); walking
// the trie from a start position reads one character a step and stops as soon as no word
// starts with what has been read. Each word's node holds the word's (dictionary, rank) pairs
// in the dictionaries' order, so a walk yields the same matches in the same order as zxcvbn.
// The layout is flat: an edge (node, character) -> child is a slot of an open-addressing hash
// table in typed arrays, so ~0.4 M nodes take ~10 MB and build in well under a second, with
// no per-word allocation (each scoring thread builds its own).

export type Ranked = Record<string, number>;

export interface DictionaryTrie {
  /** The dictionaries' names, in zxcvbn's order (entries refer to them by position). */
  readonly names: string[];
  /**
   * Dictionary d as zxcvbn holds it (its ranked object), for exact lookups of special words;
   * read only when such a word occurs (a scoring thread builds the objects when first read,
   * lazy-dictionaries.ts).
   */
  dictionary(d: number): Ranked;
  /** Each dictionary's longest word, as zxcvbn computed it. */
  readonly maxWordSize: number[];
  /** The longest word of any of these dictionaries (zxcvbn's search width without user inputs). */
  readonly maxSearchWidth: number;
  /** Edges: slot -> parent node (-1: empty), character (UTF-16 code unit), child node. */
  readonly edgeParent: Int32Array;
  readonly edgeChar: Uint16Array;
  readonly edgeChild: Int32Array;
  /** The edge table's size minus one (a power of two). */
  readonly mask: number;
  /** Per node: its word's first entry (-1: no word); entries chain through entryNext. */
  readonly firstEntry: Int32Array;
  readonly entryNext: Int32Array;
  readonly entryDict: Uint8Array;
  readonly entryRank: Float64Array;
}

/**
 * Words a plain object answers for without holding them (Object.prototype's names): zxcvbn's
 * lookup `dictionary[word]` finds them in every dictionary, so they are matches there too. They
 * stay out of the trie and are looked up exactly as zxcvbn does (dictionary-index.ts); only
 * those a lowercased password can contain (no A-Z) can ever be looked up.
 */
export const PROTOTYPE_WORDS: readonly string[] = Object.getOwnPropertyNames(Object.prototype).filter((w) => !/[A-Z]/.test(w));
const prototypeWords = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The slot where edge (node, c) is, or the empty slot where it would go. */
export function edgeSlot(edgeParent: Int32Array, edgeChar: Uint16Array, mask: number, node: number, c: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca6b);
  h ^= h >>> 15;
  let slot = h & mask;
  for (;;) {
    const parent = edgeParent[slot] ?? -1;
    if (parent === -1 || (parent === node && edgeChar[slot] === c)) return slot;
    slot = (slot + 1) & mask;
  }
}

/** What the trie is built from: zxcvbn-ts's Options (its dictionaries as lists and as ranked objects). */
export interface ZxcvbnDictionaries {
  dictionary: Record<string, unknown[]>;
  rankedDictionaries: Record<string, Ranked>;
  rankedDictionariesMaxWordSize: Record<string, number>;
}

/** Builds the trie of `names` (in this order) from zxcvbn's dictionaries. */
export function buildDictionaryTrie(names: string[], sources: ZxcvbnDictionaries): DictionaryTrie {
  if (names.length > 255) throw new Error('Too many dictionaries for the dictionary trie.');
  // The word lists the ranked dictionaries were built from (reading them is several times
  // faster than a big object's keys): a word's rank is its position counting from 1, and a
  // word listed twice keeps its last position, as zxcvbn's buildRankedDictionary does.
  const keys = names.map((n) => (sources.dictionary[n] ?? []).map(String));
  let chars = 0;
  let entries = 0;
  for (const list of keys) {
    entries += list.length;
    for (const w of list) chars += w.length;
  }
  // At most one node per character, far fewer in practice (shared prefixes): the table starts
  // at about half the characters and doubles whenever it would be more than half full.
  let size = 1024;
  while (size < chars / 2) size *= 2;
  let mask = size - 1;
  let edgeParent = new Int32Array(size).fill(-1);
  let edgeChar = new Uint16Array(size);
  let edgeChild = new Int32Array(size);
  let edges = 0;
  const firstEntry = new Int32Array(chars + 1).fill(-1);
  const lastEntry = new Int32Array(chars + 1).fill(-1);
  const entryNext = new Int32Array(entries).fill(-1);
  const entryDict = new Uint8Array(entries);
  const entryRank = new Float64Array(entries);
  let nodes = 1;
  let entry = 0;
  const grow = () => {
    const old = { edgeParent, edgeChar, edgeChild };
    size *= 2;
    mask = size - 1;
    edgeParent = new Int32Array(size).fill(-1);
    edgeChar = new Uint16Array(size);
    edgeChild = new Int32Array(size);
    for (let s = 0; s < old.edgeParent.length; s++) {
      const parent = old.edgeParent[s] ?? -1;
      if (parent === -1) continue;
      const slot = edgeSlot(edgeParent, edgeChar, mask, parent, old.edgeChar[s] ?? 0);
      edgeParent[slot] = parent;
      edgeChar[slot] = old.edgeChar[s] ?? 0;
      edgeChild[slot] = old.edgeChild[s] ?? 0;
    }
  };
  // Dictionaries in order, so each word's entries chain in zxcvbn's order.
  keys.forEach((list, d) => {
    let rank = 0;
    for (const word of list) {
      rank++;
      // Object.prototype's names are looked up exactly instead (dictionary-index.ts).
      if (word.length === 0 || prototypeWords.has(word)) continue;
      let node = 0;
      for (let k = 0; k < word.length; k++) {
        const c = word.charCodeAt(k);
        let slot = edgeSlot(edgeParent, edgeChar, mask, node, c);
        if (edgeParent[slot] === -1) {
          if ((edges + 1) * 2 > size) {
            grow();
            slot = edgeSlot(edgeParent, edgeChar, mask, node, c);
          }
          edgeParent[slot] = node;
          edgeChar[slot] = c;
          edgeChild[slot] = nodes++;
          edges++;
        }
        node = edgeChild[slot] ?? 0;
      }
      const last = lastEntry[node] ?? -1;
      if (last !== -1 && entryDict[last] === d) {
        entryRank[last] = rank;
      } else {
        entryDict[entry] = d;
        entryRank[entry] = rank;
        if (last === -1) firstEntry[node] = entry;
        else entryNext[last] = entry;
        lastEntry[node] = entry;
        entry++;
      }
    }
  });
  const maxWordSize = names.map((n) => sources.rankedDictionariesMaxWordSize[n] ?? 0);
  return trieOver(sources, {
    names,
    maxWordSize,
    maxSearchWidth: Math.max(0, ...maxWordSize),
    edgeParent,
    edgeChar,
    edgeChild,
    mask,
    firstEntry: firstEntry.slice(0, nodes),
    entryNext: entryNext.slice(0, entry),
    entryDict: entryDict.slice(0, entry),
    entryRank: entryRank.slice(0, entry),
  });
}

/**
 * A trie's data without its dictionaries, in memory threads share: what one scoring thread
 * hands another (score-pool.ts), so only one of them builds it.
 */
export type SharedTrie = Omit<DictionaryTrie, 'dictionary'>;

/** `data` as a trie that looks special words up in `sources`' dictionaries. */
export function trieOver(sources: ZxcvbnDictionaries, data: SharedTrie): DictionaryTrie {
  const { names } = data;
  return { ...data, dictionary: (d) => sources.rankedDictionaries[names[d] ?? ''] ?? {} };
}

/** A copy of `trie`'s data in shared memory (SharedArrayBuffer): one copy can serve every thread. */
export function sharedTrie(trie: DictionaryTrie): SharedTrie {
  const shared = <T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(a: T, make: (b: SharedArrayBuffer) => T): T => {
    const copy = make(new SharedArrayBuffer(a.byteLength));
    copy.set(a);
    return copy;
  };
  return {
    names: trie.names,
    maxWordSize: trie.maxWordSize,
    maxSearchWidth: trie.maxSearchWidth,
    edgeParent: shared(trie.edgeParent, (b) => new Int32Array(b)),
    edgeChar: shared(trie.edgeChar, (b) => new Uint16Array(b)),
    edgeChild: shared(trie.edgeChild, (b) => new Int32Array(b)),
    mask: trie.mask,
    firstEntry: shared(trie.firstEntry, (b) => new Int32Array(b)),
    entryNext: shared(trie.entryNext, (b) => new Int32Array(b)),
    entryDict: shared(trie.entryDict, (b) => new Uint8Array(b)),
    entryRank: shared(trie.entryRank, (b) => new Float64Array(b)),
  };
}
