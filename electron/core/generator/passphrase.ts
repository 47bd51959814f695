// Diceware passphrases: words drawn uniformly from the EFF large wordlist, joined by a
// separator, optionally capitalised and with one random digit appended to one random word.
import type { PassphraseOptions } from '../../../shared/generator';
import { cryptoRandom, type RandomSource } from './random';
import { effLargeWordlist } from './wordlist';

export function generatePassphrase(opts: PassphraseOptions, rng: RandomSource = cryptoRandom): string {
  const list = effLargeWordlist();
  const words: string[] = [];
  for (let i = 0; i < opts.words; i++) {
    const w = list[rng.below(list.length)] as string;
    words.push(opts.capitalize ? w.charAt(0).toUpperCase() + w.slice(1) : w);
  }
  if (opts.addNumber) {
    const at = rng.below(words.length);
    words[at] = `${words[at] ?? ''}${rng.below(10)}`;
  }
  return words.join(opts.separator);
}

/**
 * Bits of entropy: each word adds log2(7776) ≈ 12.9; the digit adds log2(10) and its position
 * log2(words). EFF words contain no digits, so the positions never collide. Capitalising every
 * word is deterministic and adds nothing.
 */
export function passphraseEntropy(opts: PassphraseOptions): number {
  const perWord = Math.log2(effLargeWordlist().length);
  return opts.words * perWord + (opts.addNumber ? Math.log2(10 * opts.words) : 0);
}
