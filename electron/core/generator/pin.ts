// Numeric PINs: each digit drawn uniformly, leading zeros allowed.
import type { PinOptions } from '../../../shared/generator';
import { DIGITS } from './charsets';
import { cryptoRandom, type RandomSource } from './random';

export function generatePin(opts: PinOptions, rng: RandomSource = cryptoRandom): string {
  let out = '';
  for (let i = 0; i < opts.length; i++) out += DIGITS[rng.below(10)];
  return out;
}

export function pinEntropy(opts: PinOptions): number {
  return opts.length * Math.log2(10);
}
