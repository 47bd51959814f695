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

/** What occurrence() looks for: a term from its rarest letter on, and the part before that. */
interface Needle {
  term: string;
  anchor: number;
  tail: string;
  head: string;
}

function needleFor(term: string): Needle {
  const anchor = rarestChar(term);
  return { term, anchor, tail: term.slice(anchor), head: term.slice(0, anchor) };
}

/**
 * The next occurrence of the needle's term in `text` starting at or after `from`, or -1. The
 * native scan stops at every occurrence of the first character it looks for, so it looks for
 * the term from its rarest letter on and checks the part before it only at those stops.
 */
function occurrence(text: string, n: Needle, from: number): number {
  let p = text.indexOf(n.tail, from + n.anchor);
  while (p !== -1) {
    if (n.anchor === 0 || text.startsWith(n.head, p - n.anchor)) return p - n.anchor;
    p = text.indexOf(n.tail, p + 1);
  }
  return -1;
}

/** The last of the entries starting at `starts[lo..]` that starts at or before `pos`: galloping from `lo`, then bisecting. */
function entryAt(starts: Int32Array, last: number, lo: number, pos: number): number {
  let step = 1;
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
  return lo;
}

/**
 * Scans `text`, where item k's text starts at starts[k] and is followed by `gap` separator
 * characters (starts[n] is the end), for the needle's term. Writes each matching item's index
 * to `items` and where the term first occurs in its text to `at`, from position 0, in text
 * order; returns how many items match.
 */
function scan(text: string, starts: Int32Array, gap: number, needle: Needle, items: Int32Array, at: Int32Array): number {
  const last = starts.length - 1;
  const length = needle.term.length;
  let count = 0;
  let k = 0;
  let pos = occurrence(text, needle, 0);
  while (pos !== -1) {
    // The item holding `pos` is the last one starting at or before it. Hits come in order and
    // are often close together, so gallop forward from the previous one, then bisect.
    k = entryAt(starts, last, k, pos);
    const end = (starts[k + 1] ?? text.length + gap) - gap;
    if (pos + length <= end) {
      items[count] = k;
      at[count] = pos - (starts[k] ?? 0);
      count++;
      // One hit is enough: carry on from the next item.
      if (end + gap >= text.length) break;
      pos = occurrence(text, needle, end + gap);
    } else {
      // This occurrence runs on into the next item's text; it does not count.
      pos = occurrence(text, needle, pos + 1);
    }
  }
  return count;
}

/**
 * The items a scan found, in title order: `ranks[h]` is hit h's position in the title order and
 * `at[h]` where the term first occurs in its search text, for h < count. The arrays belong to
 * the corpus and are overwritten by its next scan: a broad term matches nearly every item, and
 * arrays of entries and offsets made per keystroke cost more than the scan itself.
 */
export interface Hits {
  count: number;
  ranks: Int32Array;
  at: Int32Array;
}

/** Finds the items whose search text contains a term, in title order. */
export interface SearchCorpus {
  matching(term: string): Hits;
}

/** Every haystack in one string, in title order, with the offset where each one starts. */
export class Corpus implements SearchCorpus {
  private readonly text: string;
  /** starts[k] is where entry k begins; starts[n] is one past the end, like a final separator. */
  private readonly starts: Int32Array;
  /** The scans' results, made at the first search. */
  private hits: Hits | null = null;

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

  /** The items whose haystack contains `term`, with where it first occurs in each. */
  matching(term: string): Hits {
    const n = this.starts.length - 1;
    this.hits ??= { count: 0, ranks: new Int32Array(n), at: new Int32Array(n) };
    // Positions in the joined text are positions in the title order.
    this.hits.count = scan(this.text, this.starts, SEPARATOR.length, needleFor(term), this.hits.ranks, this.hits.at);
    return this.hits;
  }
}


/** One decoded index bucket's search texts, back to back, and each one's place in the title order. */
export interface CorpusSegment {
  text: string;
  /** starts[k] is where item k's text begins; starts[n] is the end of the last one (no separators). */
  starts: Int32Array;
  /** Item k's position in the title order. */
  ranks: Int32Array;
}

/**
 * The corpus an unlock leaves: each bucket's search texts as the bucket held them, so nothing
 * is joined. Joining 100,000 texts (16 MB) into one string in title order cost 110–140 ms of
 * a 100,000-item unlock. Hits are found bucket by bucket and put back in title order through
 * a mark per position. Valid for the title order it was made with: the index drops it at the
 * first write and joins a Corpus when next searched.
 */
export class SegmentedCorpus implements SearchCorpus {
  private readonly hit: Uint8Array;
  /** Per position in the title order while marking; then compacted in place into the hits' `at`. */
  private readonly hitAt: Int32Array;
  private readonly hitRanks: Int32Array;
  /** One segment's scan, by item of the segment (a bucket: at most a few hundred items). */
  private readonly segmentItems: Int32Array;
  private readonly segmentAt: Int32Array;

  constructor(
    private readonly segments: readonly CorpusSegment[],
    size: number,
  ) {
    this.hit = new Uint8Array(size);
    this.hitAt = new Int32Array(size);
    this.hitRanks = new Int32Array(size);
    const largest = segments.reduce((m, s) => Math.max(m, s.starts.length - 1), 0);
    this.segmentItems = new Int32Array(largest);
    this.segmentAt = new Int32Array(largest);
  }

  matching(term: string): Hits {
    const { hit, hitAt, hitRanks, segmentItems, segmentAt } = this;
    const needle = needleFor(term);
    let count = 0;
    for (const { text, starts, ranks } of this.segments) {
      // No separators: an occurrence running on into the next item's text does not count.
      const found = scan(text, starts, 0, needle, segmentItems, segmentAt);
      for (let h = 0; h < found; h++) {
        const rank = ranks[segmentItems[h] ?? 0] ?? 0;
        hit[rank] = 1;
        hitAt[rank] = segmentAt[h] ?? 0;
      }
      count += found;
    }
    // Into title order. hitAt is compacted in place: hit h is written at h, never after its own mark.
    let h = 0;
    for (let rank = 0; h < count && rank < hit.length; rank++) {
      if (hit[rank] === 0) continue;
      hit[rank] = 0;
      hitRanks[h] = rank;
      hitAt[h] = hitAt[rank] ?? 0;
      h++;
    }
    return { count, ranks: hitRanks, at: hitAt };
  }
}
