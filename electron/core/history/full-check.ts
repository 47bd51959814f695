// The whole-chain check in slices, for the app to run in the background after unlock without
// blocking anything: each step() walks the next stretch of events, from the chain's start (the
// pruning anchor) to the newest event there was when the check began, verifying every MAC and
// link, and returns when its time budget is spent. Each slice reads in its own transaction, so
// writes go on between slices; a prune meanwhile moves the start, and the walk picks up from
// the new anchor. The finish is done by the owner (Activity.finishFullCheck): an intact walk
// becomes the checkpoint and an incremental check covers the rest and the head; a broken one
// is described by the full walk in chain-verify.ts.
import { timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../vault/db';
import type { ChainPoint, ChainRecords } from './chain-records';
import { eventMac, GENESIS_MAC, type MacInput } from './event-mac';

interface Row extends MacInput {
  mac: Buffer;
}

const CHUNK = 200;
const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);

export type WalkState = 'running' | 'intact' | 'broken';

export class FullCheckWalk {
  private prev: ChainPoint = { seq: 0, mac: GENESIS_MAC };
  private anchorSeq = -1;
  private readonly endSeq: number;
  private readonly rows: Database.Statement<[number, number, number]>;
  private walked = 0;
  state: WalkState = 'running';

  constructor(
    private readonly db: Db,
    private readonly key: Uint8Array,
    private readonly records: ChainRecords,
  ) {
    this.endSeq = (db.prepare('SELECT MAX(seq) AS s FROM events').get() as { s: number | null }).s ?? 0;
    this.rows = db.prepare('SELECT seq, at, kind, source, item_id, detail, mac FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
  }

  /** Events walked so far, and how many there were from the start to the newest when it began. */
  get progress(): { checked: number; total: number } {
    return { checked: this.walked, total: Math.max(this.walked, this.endSeq - Math.max(0, this.anchorSeq)) };
  }

  /** The newest event the walk covers; valid once it is intact. */
  get end(): ChainPoint {
    return this.prev;
  }

  /** Walks on for about `budgetMs`; returns the state afterwards. */
  step(budgetMs: number): WalkState {
    if (this.state !== 'running') return this.state;
    const until = performance.now() + budgetMs;
    this.db.transaction(() => {
      const anchor = this.records.read('history-anchor');
      if (anchor.state === 'invalid') {
        this.state = 'broken';
        return;
      }
      const start: ChainPoint = anchor.state === 'ok' ? anchor.point : { seq: 0, mac: GENESIS_MAC };
      // First slice, or pruning moved the chain's start past where the walk stands.
      if (this.anchorSeq !== start.seq && this.prev.seq <= start.seq) this.prev = start;
      this.anchorSeq = start.seq;
      while (this.state === 'running' && performance.now() < until) {
        const batch = this.rows.all(this.prev.seq, this.endSeq, CHUNK) as Row[];
        for (const row of batch) {
          if (row.seq !== this.prev.seq + 1 || !same(eventMac(this.key, this.prev.mac, row), row.mac)) {
            this.state = 'broken';
            return;
          }
          this.prev = { seq: row.seq, mac: row.mac };
          this.walked++;
        }
        if (batch.length < CHUNK) this.state = this.prev.seq >= this.endSeq ? 'intact' : 'broken';
      }
    })();
    return this.state;
  }
}
