// Search over decrypted event details (title, field, note), built lazily: decrypting a
// million events takes seconds, so each search call indexes new events plus as many older
// ones as a small time budget allows (newest first) and says how far back it has searched.
// Each event maps to an interned, normalised haystack string: a few thousand distinct
// strings for a million events, so a query tests each string once and then scans a typed
// array. Lives only while the vault is unlocked; `clear()` drops it on lock.
import type { EventDetail } from '../../../shared/domain';
import { matchesAll, normalize, queryTerms } from '../search/summary-index';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';

const CHUNK = 2_000;

class GrowableInts {
  private data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i] ?? 0;
  }
}

export class DetailIndex {
  private seqs = new GrowableInts();
  private strIds = new GrowableInts();
  private strings: string[] = [];
  private ids = new Map<string, number>();
  /** Every event with low <= seq <= high is indexed. */
  private low = 1;
  private high = 0;

  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
    /** Events decrypted per step; the time budget is checked between steps. */
    private readonly chunk = CHUNK,
  ) {}

  private add(seq: number, blob: Buffer): void {
    const d = this.keys.tryOpen<EventDetail>('event', seq, blob);
    const text = d ? normalize([d.title ?? '', d.field ?? '', d.note ?? ''].join('\u0001')) : '';
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    this.seqs.push(seq);
    this.strIds.push(id);
  }

  /** Indexes new events, then older ones, a step at a time, until the budget runs out. */
  extend(budgetMs: number): { low: number; complete: boolean } {
    const started = performance.now();
    const max = (this.db.prepare('SELECT MAX(seq) AS s FROM events').get() as { s: number | null }).s ?? 0;
    if (this.high === 0) {
      this.high = max;
      this.low = max + 1;
    }
    if (max > this.high) {
      for (const r of this.db.prepare('SELECT seq, detail FROM events WHERE seq > ? ORDER BY seq').iterate(this.high) as IterableIterator<{ seq: number; detail: Buffer }>) {
        this.add(r.seq, r.detail);
      }
      this.high = max;
    }
    const older = this.db.prepare('SELECT seq, detail FROM events WHERE seq < ? ORDER BY seq DESC LIMIT ?');
    // At least one step per call, so repeated calls always make progress.
    do {
      if (this.low <= 1) break;
      const rows = older.all(this.low, this.chunk) as { seq: number; detail: Buffer }[];
      for (const r of rows) {
        this.add(r.seq, r.detail);
        this.low = r.seq;
      }
      if (rows.length < this.chunk) this.low = 1;
    } while (performance.now() - started < budgetMs);
    return { low: this.low, complete: this.low <= 1 };
  }

  /** Sequence numbers of indexed events whose details match every term, newest first. */
  matching(text: string, beforeSeq = Number.MAX_SAFE_INTEGER): number[] {
    const terms = queryTerms(text);
    const hit = new Uint8Array(this.strings.length);
    this.strings.forEach((s, i) => (hit[i] = matchesAll(s, terms) ? 1 : 0));
    const out: number[] = [];
    for (let i = 0; i < this.seqs.length; i++) {
      const seq = this.seqs.at(i);
      if (seq < beforeSeq && hit[this.strIds.at(i)] === 1) out.push(seq);
    }
    return out.sort((a, b) => b - a);
  }

  clear(): void {
    this.seqs = new GrowableInts();
    this.strIds = new GrowableInts();
    this.strings = [];
    this.ids.clear();
    this.low = 1;
    this.high = 0;
  }
}
