// The search corpus: every item's normalised haystack joined into one string in title order,
// so a query is one native scan instead of 100,000 small ones. Entries keep slices of it.
import type { ItemSummary } from '../../shared/domain';
import { haystackFor, normalize } from './search-text';

const SEPARATOR = '\u0000';
const BULK_CHUNK = 2048;

/** What the corpus reads from and writes back to an index entry. */
export interface CorpusEntry {
  readonly summary: ItemSummary;
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

/** `xs.join(' ')` without the call for the usual zero or one element. */
function words(xs: readonly string[]): string {
  return xs.length === 0 ? '' : xs.length === 1 ? (xs[0] as string) : xs.join(' ');
}

/** Every haystack in one string, in title order, with the offset where each one starts. */
export class Corpus {
  private readonly text: string;
  /** starts[k] is where entry k begins; starts[n] is one past the end, like a final separator. */
  private readonly starts: Int32Array;

  /**
   * Joins the entries' haystacks, or with `fromSummaries` builds them: one join of every raw
   * field and one normalize() over the whole text instead of 100,000 small ones. Either way each
   * entry's haystack then becomes a slice of the new text, so the text is held only once.
   */
  constructor(order: readonly CorpusEntry[], fromSummaries: boolean) {
    let text: string | null = null;
    if (fromSummaries) {
      // In chunks, so the temporary copies normalize() makes stay small (peak memory is RSS).
      const chunks: string[] = [];
      for (let i = 0; i < order.length; i += BULK_CHUNK) {
        // Same fields and separators as haystackFor. `+=` only links the pieces (a rope);
        // normalize() flattens the chunk once, which beats collecting them in an array.
        let chunk = '';
        for (let k = i; k < Math.min(order.length, i + BULK_CHUNK); k++) {
          const h = (order[k] as CorpusEntry).summary;
          if (k > i) chunk += SEPARATOR;
          chunk += h.title + '\u0001' + h.username + '\u0001' + words(h.urls) + '\u0001' + h.service + '\u0001' + h.keyId;
          chunk += '\u0001' + h.environment + '\u0001' + words(h.tags) + '\u0001' + h.folder + '\u0001' + h.notes;
        }
        chunks.push(normalize(chunk));
      }
      text = chunks.join(SEPARATOR);
    }
    this.starts = new Int32Array(order.length + 1);
    // A separator typed into a field (or one that normalize changed) would shift the slices:
    // then fall back to building each haystack on its own.
    if (text === null || !this.findStarts(text, order.length)) {
      for (const e of order) if (fromSummaries) e.haystack = haystackFor(e.summary);
      text = order.map((e) => e.haystack).join(SEPARATOR);
      let at = 0;
      order.forEach((e, k) => {
        this.starts[k] = at;
        at += e.haystack.length + 1;
      });
      this.starts[order.length] = at;
    }
    this.text = text;
    order.forEach((e, k) => {
      e.haystack = text.substring(this.starts[k] ?? 0, (this.starts[k + 1] ?? 1) - 1);
    });
  }

  private findStarts(text: string, n: number): boolean {
    let at = 0;
    for (let k = 0; k < n; k++) {
      this.starts[k] = at;
      const sep = text.indexOf(SEPARATOR, at);
      if (sep === -1) {
        if (k !== n - 1) return false;
        at = text.length + 1;
      } else {
        if (k === n - 1) return false;
        at = sep + 1;
      }
    }
    this.starts[n] = at;
    return n === 0 ? text.length === 0 : true;
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

