// vault.imports: runs an import on a connection of its own, so it can await between batches
// (the app answers its window meanwhile) without any other write joining its transaction:
// those are refused as `busy` until it ends (session.ts). Locking the vault abandons the
// import and rolls it back.
import type { EventSource } from '../../../shared/domain';
import { KeystashError } from '../errors';
import { EventLog } from '../history/event-log';
import { IndexBuckets } from '../items/bucket-store';
import { importBatches, type ItemRecordInput } from '../items/import-batches';
import { openDb, type OpenDbOptions } from './db';
import type { SessionGate } from './session';

export class Imports {
  constructor(
    private readonly file: string,
    private readonly dbOptions: OpenDbOptions,
    private readonly gate: SessionGate,
    private readonly now: () => number,
    private readonly source: EventSource,
  ) {}

  /** True while an import holds the vault's write lock. */
  get running(): boolean {
    return this.gate.importing;
  }

  /** Saves the records in batches inside one transaction (see importBatches); returns how many. */
  async run(batches: AsyncIterable<ItemRecordInput[]>, note: string): Promise<number> {
    const { keys } = this.gate.write();
    const db = openDb(this.file, this.dbOptions);
    const run = this.gate.beginImport(db);
    try {
      const target = { db, keys, buckets: new IndexBuckets(db, keys), events: new EventLog(db, keys, this.now), now: this.now, source: this.source };
      const count = await importBatches(target, batches, note, () => {
        if (run.abandoned) throw new KeystashError('locked', 'The vault was locked during the import; nothing was imported.');
      });
      // Reloads the item list: the file changed under the vault's own connection.
      this.gate.read();
      return count;
    } finally {
      this.gate.endImport();
      db.close();
    }
  }
}
