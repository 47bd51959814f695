// Uniform random choices for the generator, drawn from the OS CSPRNG (node:crypto).
//
// We use our own rejection-sampling helper rather than `x % n` because a modulo of a random
// 32-bit word favours small results whenever 2^32 is not a multiple of n (modulo bias).
// `crypto.randomInt` is also rejection-sampled and would be correct; this helper exists so the
// generator draws many values from one randomFillSync call and so the rule is written down
// and tested here, next to the code that relies on it.
import { randomFillSync } from 'node:crypto';

const RANGE = 2 ** 32;
const BATCH = 64;

export interface RandomSource {
  /** A uniformly distributed integer in [0, n). */
  below(n: number): number;
}

/** Rejection sampling over 32-bit words from the OS CSPRNG. */
export class CryptoRandom implements RandomSource {
  private buf = new Uint32Array(BATCH);
  private pos = BATCH;

  private word(): number {
    if (this.pos >= BATCH) {
      randomFillSync(this.buf);
      this.pos = 0;
    }
    const w = this.buf[this.pos] ?? 0;
    this.buf[this.pos++] = 0;
    return w;
  }

  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > RANGE) throw new RangeError(`randomBelow needs 1 ≤ n ≤ 2^32, got ${n}`);
    // The largest multiple of n that fits in 2^32 words; words at or above it are redrawn so
    // that every residue class has exactly the same number of preimages.
    const limit = RANGE - (RANGE % n);
    for (;;) {
      const w = this.word();
      if (w < limit) return w % n;
    }
  }
}

const shared = new CryptoRandom();

/** A uniformly distributed integer in [0, n) from the OS CSPRNG, without modulo bias. */
export function randomBelow(n: number): number {
  return shared.below(n);
}

export const cryptoRandom: RandomSource = shared;

/** One element of `items`, uniformly. */
export function pick<T>(items: readonly T[], rng: RandomSource = shared): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[rng.below(items.length)] as T;
}
