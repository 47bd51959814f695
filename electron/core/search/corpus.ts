// The search corpus: every item's normalised haystack joined into one string in title order,
// so a query is one native scan instead of 100,000 small ones. Entries keep slices of it.

const SEPARATOR = '\u0000';

/** What the corpus reads from and writes back to an index entry. */
export interface CorpusEntry {
  haystack: string;
}

// Letters from most to least frequent in English-like text; anything else counts as rare.
const LETTER_FREQUENCY = 'etaoinsrhldcumfpgwybvkxjqz';

/**
 * Index of the character of `term` that the scan should stop at least often. The last one is
 * never chosen: a one-character needle makes the native scan return to JavaScript at every
 * occurrence of that letter, which for "ins" or "air" cost more than the rarer letter saved.
 */
function rarestChar(term: string): number {
  let best = 0;
  let bestRank = -1;
  for (let i = 0; i < Math.max(1, term.length - 1); i++) {
    const c = term[i] ?? '';
    const f = c === ' ' ? -2 : LETTER_FREQUENCY.indexOf(c);
    const rank = f === -1 ? 100 : f;
    if (rank > bestRank) {
      best = i;
      bestRank = rank;
    }
  }
  return best;
}

/** Every haystack in one string, in title order, with the offset where each one starts. */
export class Corpus {
  private readonly text: string;
  /** starts[k] is where entry k begins; starts[n] is one past the end, like a final separator. */
  private readonly starts: Int32Array;

  /** Joins the entries' haystacks; each entry's haystack then becomes a slice of the new text. */
  constructor(order: readonly CorpusEntry[]) {
    const text = order.map((e) => e.haystack).join(SEPARATOR);
    // Offsets come from the lengths, so a separator typed into a field cannot shift them.
    this.starts = new Int32Array(order.length + 1);
    let at = 0;
    order.forEach((e, k) => {
      this.starts[k] = at;
      at += e.haystack.length + 1;
    });
    this.starts[order.length] = at;
    this.text = text;
    // Slices share the joined text instead of keeping a second copy of every haystack.
    order.forEach((e, k) => {
      e.haystack = text.substring(this.starts[k] ?? 0, (this.starts[k + 1] ?? 1) - 1);
    });
  }

  /**
   * The next occurrence of `term` starting at or after `from`, or -1. The native scan stops at
   * every occurrence of the first character it looks for, so it looks for the term from its
   * rarest letter on and checks the part before it only at those stops.
   */
  private find(term: string, anchor: number, from: number): number {
    const { text } = this;
    const needle = anchor === 0 ? term : term.slice(anchor);
    const prefix = term.slice(0, anchor);
    let p = text.indexOf(needle, from + anchor);
    while (p !== -1) {
      if (anchor === 0 || text.startsWith(prefix, p - anchor)) return p - anchor;
      p = text.indexOf(needle, p + 1);
    }
    return -1;
  }

  /**
   * The entries (in title order) whose haystack contains `term`. With `firstAt`, also where the
   * term first occurs in each one's haystack, so ranking need not search the title again.
   */
  matching<T>(term: string, order: readonly T[], firstAt?: number[]): T[] {
    const out: T[] = [];
    const { text, starts } = this;
    const last = starts.length - 1;
    const anchor = rarestChar(term);
    let k = 0;
    let pos = this.find(term, anchor, 0);
    while (pos !== -1) {
      // The entry holding `pos` is the last one starting at or before it. Hits come in order
      // and are often close together, so gallop forward from the previous one, then bisect.
      let step = 1;
      let lo = k;
      while (lo + step <= last && (starts[lo + step] ?? 0) <= pos) {
        lo += step;
        step *= 2;
      }
      let hi = Math.min(last, lo + step);
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= pos) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
      const end = (starts[k + 1] ?? text.length + 1) - 1;
      if (pos + term.length <= end) {
        out.push(order[k] as T);
        firstAt?.push(pos - (starts[k] ?? 0));
        // One hit is enough: carry on from the next entry.
        if (end + 1 >= text.length) break;
        pos = this.find(term, anchor, end + 1);
      } else {
        // This occurrence runs across the separator into the next entry; it does not count.
        pos = this.find(term, anchor, pos + 1);
      }
    }
    return out;
  }
}

