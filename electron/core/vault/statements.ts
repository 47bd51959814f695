// Prepared statements kept per connection. better-sqlite3 compiles the SQL on every prepare()
// (0.05–0.3 ms each), and saving one item runs about a dozen of the same statements: the
// write path asks here instead. Only for plain get/run/all use: a statement that is iterated
// stays busy until the loop ends, and pluck()/raw() would change it for every other caller.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const byConnection = new WeakMap<Db, Map<string, Statement>>();

/** `sql` prepared once on `db`; later calls with the same text return the same statement. */
export function statement(db: Db, sql: string): Statement {
  let cache = byConnection.get(db);
  if (!cache) {
    cache = new Map();
    byConnection.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
