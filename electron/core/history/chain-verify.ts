// Checks the tamper-evident chain of usage events and says, in plain words, what is wrong:
// an edited event, a moved (reordered) one, deleted ones in the middle, a cut-off tail, or a
// damaged bookkeeping record, or a head older than this machine last saw. `incremental` starts at the last verified checkpoint, so unlock
// stays fast with a million events; `full` walks everything from the chain's start.
import { timingSafeEqual } from 'node:crypto';
import type { ChainProblem, ChainReport } from '../../../shared/history';
import type { Db } from '../vault/db';
import type { ChainPoint, ChainRecords } from './chain-records';
import { eventMac, GENESIS_MAC, type MacInput } from './event-mac';

interface Row extends MacInput {
  mac: Buffer;
}

export interface VerifyOptions {
  mode: 'incremental' | 'full';
  now: () => number;
  /** The head this machine last saw (history-witness.ts); an older head in the file is a rollback. */
  witness?: ChainPoint | null;
}

const MAX_PROBLEMS = 50;
/** How far from its place a reordered event is looked for. */
const MOVE_WINDOW = 16;
const COLUMNS = 'seq, at, kind, source, item_id, detail, mac';

const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);
const range = (a: number, b: number): string => (a === b ? `#${a}` : `#${a}–#${b}`);
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

function nearbyMacs(db: Db, seq: number): Buffer[] {
  return (db.prepare('SELECT mac FROM events WHERE seq BETWEEN ? AND ?').all(seq - MOVE_WINDOW - 1, seq + MOVE_WINDOW) as { mac: Buffer }[]).map((r) => r.mac);
}

/** An intact event whose predecessor was moved away still links to that predecessor nearby: not its fault. */
function linksToNeighbour(db: Db, key: Uint8Array, row: Row): boolean {
  return nearbyMacs(db, row.seq).some((p) => same(eventMac(key, p, row), row.mac));
}

/** When a row's MAC fails, tries whether it is an intact event recorded at another position. */
function originalSeq(db: Db, key: Uint8Array, row: Row, start: ChainPoint): number | null {
  const prevs = [start.mac, GENESIS_MAC, ...nearbyMacs(db, row.seq)];
  for (let s = Math.max(1, row.seq - MOVE_WINDOW); s <= row.seq + MOVE_WINDOW; s++) {
    if (s === row.seq) continue;
    for (const p of prevs) if (same(eventMac(key, p, { ...row, seq: s }), row.mac)) return s;
  }
  return null;
}

export function verifyChain(db: Db, key: Uint8Array, records: ChainRecords, opts: VerifyOptions): ChainReport {
  const started = performance.now();
  const problems: ChainProblem[] = [];
  const add = (p: ChainProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  let mode = opts.mode;
  let checked = 0;
  let last: ChainPoint = { seq: 0, mac: GENESIS_MAC };
  let prunedThrough = 0;

  // One read transaction: a consistent snapshot even while the CLI appends in parallel.
  db.transaction(() => {
    let start: ChainPoint = { seq: 0, mac: GENESIS_MAC };
    let trustStart = true;
    const anchor = records.read('history-anchor');
    if (anchor.state === 'ok') {
      start = anchor.point;
      prunedThrough = anchor.point.seq;
    } else if (anchor.state === 'invalid') {
      trustStart = false;
      add({ kind: 'anchor-invalid', seq: 1, message: 'The record of where pruned history ends was altered, so the oldest remaining event cannot be checked.' });
    }

    if (mode === 'incremental' && trustStart) {
      const cp = records.read('history-checkpoint');
      const resumed = cp.state === 'ok' && cp.point.seq > start.seq ? resumeAt(db, key, cp.point, start) : null;
      // A checkpoint that no longer matches means verified history changed: walk it all to say where.
      if (resumed) start = resumed;
      else if (cp.state === 'ok' && cp.point.seq > start.seq) mode = 'full';
      else if (cp.state === 'invalid') mode = 'full';
    }

    let prev = start.mac;
    let prevSeq = start.seq;
    let first = true;
    for (const row of db.prepare(`SELECT ${COLUMNS} FROM events WHERE seq > ? ORDER BY seq`).iterate(start.seq) as IterableIterator<Row>) {
      checked++;
      if (first && !trustStart) {
        first = false;
        prev = row.mac;
        prevSeq = row.seq;
        continue;
      }
      first = false;
      const gap = row.seq !== prevSeq + 1;
      if (gap) {
        const n = row.seq - prevSeq - 1;
        add({ kind: 'missing', seq: prevSeq + 1, toSeq: row.seq - 1, message: `${n} ${plural(n, 'event', 'events')} (${range(prevSeq + 1, row.seq - 1)}) ${plural(n, 'was', 'were')} deleted from the history.` });
      }
      // After a gap the predecessor's MAC is gone, so the link cannot be checked; the gap is the finding.
      if (!gap && !same(eventMac(key, prev, row), row.mac) && !linksToNeighbour(db, key, row)) {
        const from = originalSeq(db, key, row, start);
        const when = new Date(row.at).toISOString().replace('T', ' ').slice(0, 19);
        add(
          from !== null
            ? { kind: 'moved', seq: row.seq, message: `Event #${row.seq} is out of place: it was recorded as event #${from}.` }
            : { kind: 'edited', seq: row.seq, message: `Event #${row.seq} (${when} UTC, ${row.kind}) was changed after it was recorded.` },
        );
      }
      prev = row.mac;
      prevSeq = row.seq;
    }
    last = { seq: prevSeq, mac: prev };

    const head = records.read('history-head');
    if (head.state === 'absent') {
      if (prevSeq > 0) add({ kind: 'head-missing', seq: prevSeq, message: 'The record of the newest event is missing, so deleted recent events cannot be ruled out.' });
    } else if (head.state === 'invalid') {
      add({ kind: 'head-invalid', seq: prevSeq, message: 'The record of the newest event was altered, so deleted recent events cannot be ruled out.' });
    } else if (head.point.seq > prevSeq) {
      const n = head.point.seq - prevSeq;
      add({ kind: 'truncated', seq: prevSeq + 1, toSeq: head.point.seq, message: `The newest ${n} ${plural(n, 'event', 'events')} (${range(prevSeq + 1, head.point.seq)}) ${plural(n, 'was', 'were')} deleted.` });
    } else if (head.point.seq < prevSeq) {
      add({ kind: 'unexpected', seq: head.point.seq + 1, toSeq: prevSeq, message: `Events ${range(head.point.seq + 1, prevSeq)} were added outside Keystash.` });
    } else if (!same(head.point.mac, prev)) {
      add({ kind: 'edited', seq: prevSeq, message: `The newest event (#${prevSeq}) was replaced.` });
    }
    const w = opts.witness;
    if (w && head.state === 'ok' && (head.point.seq < w.seq || (head.point.seq === w.seq && !same(head.point.mac, w.mac)))) {
      add({
        kind: 'head-older',
        seq: head.point.seq,
        message: `The history ends at event #${head.point.seq}, but this computer already saw it reach #${w.seq}: newer events were removed and an older copy of the history's records was put back.`,
      });
    }
  })();

  if (problems.length === 0 && last.seq > 0) {
    try {
      records.write('history-checkpoint', last);
    } catch {
      // Busy in another process: the next check simply starts from the older checkpoint.
    }
  }
  return { ok: problems.length === 0, mode, checkedEvents: checked, lastSeq: last.seq, prunedThrough, problems, alarm: null, checkedAt: opts.now(), ms: performance.now() - started };
}

/**
 * The checkpoint's event must still be there, unchanged, and still link to its predecessor.
 * Returns where to resume, or null when the verified part no longer matches.
 */
function resumeAt(db: Db, key: Uint8Array, cp: ChainPoint, start: ChainPoint): ChainPoint | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM events WHERE seq = ?`).get(cp.seq) as Row | undefined;
  if (!row || !same(row.mac, cp.mac)) return null;
  const pred =
    cp.seq - 1 === start.seq ? start.mac : (db.prepare('SELECT mac FROM events WHERE seq = ?').get(cp.seq - 1) as { mac: Buffer } | undefined)?.mac;
  if (!pred || !same(eventMac(key, pred, row), row.mac)) return null;
  return cp;
}
