// The history alarm: findings whose evidence a later write would erase (a deleted or altered
// head, a cut-off tail, an older head copied back) are kept until the user acknowledges them.
// The findings are a sealed meta record; the head record carries the alarm bit, bound into its
// MAC, so deleting the findings still leaves the alarm standing ("alarm-lost"), and a head
// without the bit can only be an older copy, which the chain walk and this machine's witness
// catch. Acknowledging clears both in one transaction.
import type { ChainProblem, HistoryAlarm } from '../../../shared/history';
import type { Db } from '../vault/db';
import { metaStore } from '../vault/meta-records';
import type { SessionKeys } from '../vault/session-keys';
import type { ChainPoint } from './chain-records';
import type { EventLog } from './event-log';
import { GENESIS_MAC } from './event-mac';

const NAME = 'history-alarm';
const MAX_PROBLEMS = 50;

// Through the meta-record store, so the manifest covers the findings like every meta record.
function stored(db: Db, keys: SessionKeys): Buffer | undefined {
  return metaStore(db, keys).inspect(NAME).blob;
}

/** The standing alarm, or null. A head with the bit but no readable findings still counts. */
export function readAlarm(db: Db, keys: SessionKeys, events: EventLog): HistoryAlarm | null {
  const head = events.head();
  const blob = stored(db, keys);
  const value = blob ? metaStore(db, keys).tryRead<HistoryAlarm>(NAME) : null;
  if (value && Array.isArray(value.problems) && value.problems.length > 0) return value;
  const flagged = head.state === 'ok' && head.alarm;
  if (!flagged && !blob) return null;
  const seq = head.state === 'ok' ? head.point.seq : 0;
  return {
    raisedAt: 0,
    problems: [{ kind: 'alarm-lost', seq, message: 'An earlier problem with the history was recorded, and the record of what it was has since been removed.' }],
  };
}

/** Where the head should point when it has to be rewritten: the stored head, else the newest event. */
function headPoint(db: Db, events: EventLog): ChainPoint {
  const head = events.head();
  if (head.state === 'ok') return head.point;
  const last = db.prepare('SELECT seq, mac FROM events ORDER BY seq DESC LIMIT 1').get() as ChainPoint | undefined;
  return last ?? { seq: 0, mac: GENESIS_MAC };
}

/** Adds `problems` to the standing alarm and sets the head's alarm bit, in one transaction. */
export function raiseAlarm(db: Db, keys: SessionKeys, events: EventLog, problems: readonly ChainProblem[], now: number): void {
  db.transaction(() => {
    const current = readAlarm(db, keys, events);
    const seen = new Set(current?.problems.map((p) => p.message));
    const merged = [...(current?.problems ?? []), ...problems.filter((p) => !seen.has(p.message))].slice(0, MAX_PROBLEMS);
    const alarm: HistoryAlarm = { raisedAt: current && current.raisedAt > 0 ? current.raisedAt : now, problems: merged };
    metaStore(db, keys).write(NAME, alarm);
    events.records.write('history-head', headPoint(db, events), true);
  }).immediate();
}

/** The user has seen the findings: drop them and clear the head's alarm bit. */
export function clearAlarm(db: Db, keys: SessionKeys, events: EventLog): ChainPoint {
  return db.transaction(() => {
    metaStore(db, keys).delete(NAME);
    const point = headPoint(db, events);
    if (point.seq > 0) events.records.write('history-head', point, false);
    return point;
  }).immediate();
}
