// vault.items: the items of an unlocked vault. One item has four views, each named for what
// it returns:
//   listedItem(id)  → ListedItem: the list entry in memory (title, flags, a note's first line,
//                     no notes); nothing is decrypted. For titles and flags.
//   summary(id)     → ItemSummary: everything but the secrets, notes included (read from the
//                     item's record). What the window's detail pane shows.
//   withSecrets(id) → Item: the whole item. It stays in this process.
//   record(id)      → ItemRecord: the item with its password history, for exports (and
//                     records(ids) for many at a time, for the health check).
// A secret value leaves only through useField and revealPasswordHistory, and each is logged.
// Every call goes through the session gate: reads see the file as it is now, changes are
// refused as `busy` during an import, and everything fails with `locked` after lock.
import type { EventSource, Item, ItemCounts, ItemQuery, ItemSummary, ListedItem, RevealableField } from '../../../shared/domain';
import type { BulkAction, BulkResult } from '../../../shared/bulk';
import { KeystashError } from '../errors';
import type { EventLog } from '../history/event-log';
import type { EntryKind, ListedReader, SummaryIndex } from '../search/summary-index';
import type { Db } from '../vault/db';
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import { truncateWal } from '../vault/wal';
import type { IndexBuckets } from './bucket-store';
import { applyBulk } from './bulk';
import type { ItemWrites } from './item-writes';
import { fieldValue, type ItemRecord } from './model';
import { readRecord } from './records';

/** What items need from the unlocked session (vault/session.ts). */
export interface ItemsSession {
  readonly keys: SessionKeys;
  readonly events: EventLog;
  readonly index: SummaryIndex;
  readonly writes: ItemWrites;
  /** Checks each record read against the authenticated index (a replayed or planted record fails). */
  readonly buckets: Pick<IndexBuckets, 'checkRecord'>;
  readonly damaged: readonly string[];
}

/** Why a secret left the vault: shown, copied to the clipboard, or used by the CLI (env, run, totp). */
export type SecretUse = 'reveal' | 'copy' | 'cli-use';

export class Items {
  private readRecords: ((s: ItemsSession, ids: readonly string[]) => ItemRecord[]) | null = null;

  constructor(
    private readonly db: Db,
    private readonly gate: Gate<ItemsSession>,
    private readonly now: () => number,
    private readonly source: EventSource,
  ) {}

  /** Items as the list shows them: filtered, searched and sorted in memory. */
  list(q: ItemQuery = {}): ListedItem[] {
    return this.gate.read().index.list(q);
  }

  /** One window of the list (`q.offset`, `q.limit`) and how many items match in all. */
  page(q: ItemQuery = {}): { items: ListedItem[]; total: number } {
    return this.gate.read().index.page(q);
  }

  /** The list items of the items `keep` takes, built a few at a time as they are read (SummaryIndex.reader). */
  reader(keep: (kind: EntryKind) => boolean): ListedReader {
    return this.gate.read().index.reader(keep);
  }

  /** Counts per sidebar view. */
  counts(): ItemCounts {
    return this.gate.read().index.counts();
  }

  /** Items whose record failed its integrity check when the list was last loaded. */
  damagedIds(): string[] {
    return [...this.gate.read().damaged];
  }

  listedItem(id: string): ListedItem {
    return listedIn(this.gate.read(), id);
  }

  summary(id: string): ItemSummary {
    const s = this.gate.read();
    const { noteLine: _, ...listed } = listedIn(s, id);
    return { ...listed, notes: this.recordIn(s, id).item.notes };
  }

  withSecrets(id: string): Item {
    return this.recordIn(this.gate.read(), id).item;
  }

  record(id: string): ItemRecord {
    return this.recordIn(this.gate.read(), id);
  }

  /**
   * The records of `ids`, in order, through one pass of the session gate (whose check for
   * another process's writes costs about as much as a record's decryption) and in one read
   * transaction (SQLite then takes its WAL snapshot once, not per row): for the health check,
   * which reads every record a slice at a time.
   */
  records(ids: readonly string[]): ItemRecord[] {
    const s = this.gate.read();
    // Made once: the health check calls this every few records.
    this.readRecords ??= this.db.transaction((session: ItemsSession, want: readonly string[]) => want.map((id) => this.recordIn(session, id)));
    return this.readRecords(s, ids);
  }

  /**
   * Finds an item by id, unique id prefix, or exact title (case-insensitively when no exact
   * match exists). Titles shared by several items are refused with the candidates' ids.
   */
  resolve(ref: string, opts: { includeTrash?: boolean } = {}): string {
    const s = this.gate.read();
    const all = s.index.ids();
    if (all.includes(ref)) return ref;
    const byPrefix = ref.length >= 4 ? all.filter((id) => id.startsWith(ref)) : [];
    if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0];
    const visible = all.map((id) => listedIn(s, id)).filter((x) => opts.includeTrash || x.deletedAt === null);
    let hits = visible.filter((x) => x.title === ref);
    if (hits.length === 0) hits = visible.filter((x) => x.title.toLowerCase() === ref.toLowerCase());
    if (hits.length === 1 && hits[0]) return hits[0].id;
    if (hits.length > 1) {
      throw new KeystashError('ambiguous', `${hits.length} items are titled “${ref}”; use an id: ${hits.map((h) => h.id).join(', ')}.`);
    }
    if (byPrefix.length > 1) {
      throw new KeystashError('ambiguous', `${byPrefix.length} item ids start with “${ref}”; give more of the id.`);
    }
    throw new KeystashError('not-found', `No item matches “${ref}”.`);
  }

  create(input: unknown): ItemSummary {
    return this.gate.write().writes.create(input);
  }

  /** Creates already-complete items in one transaction (all or none), logged as one import. */
  createMany(inputs: unknown[], note: string): ItemSummary[] {
    return this.gate.write().writes.createMany(inputs, note);
  }

  update(id: string, patch: unknown): ItemSummary {
    return this.gate.write().writes.update(id, patch);
  }

  trash(id: string): ItemSummary {
    return this.gate.write().writes.trash(id);
  }

  restore(id: string): ItemSummary {
    return this.gate.write().writes.restore(id);
  }

  purge(id: string): void {
    this.gate.write().writes.purge(id);
    // The purged ciphertext must not stay readable in the -wal (see vault/wal.ts).
    truncateWal(this.db);
  }

  /** One action on many items, in one transaction (see items/bulk.ts). */
  bulk(ids: readonly string[], action: BulkAction): BulkResult {
    const s = this.gate.write();
    const result = applyBulk(s.writes, ids, action, this.now(), (id) => (s.index.get(id)?.deletedAt ?? null) !== null);
    // Purged ciphertexts must not stay readable in the -wal (see vault/wal.ts).
    if (action.kind === 'purge' && result.changed.length > 0) truncateWal(this.db);
    return result;
  }

  /**
   * Returns one secret value and records why it left the vault. The event and the item's
   * last-used time are one write.
   */
  /** `source` is the vault's own unless given: the app logs what it hands the CLI as `cli`. */
  useField(id: string, field: RevealableField, use: SecretUse, note?: string, source: EventSource = this.source): string {
    const s = this.gate.write();
    const item = this.recordIn(s, id).item;
    const { value } = fieldValue(item, field);
    const at = this.now();
    this.db.transaction(() => {
      s.events.append({ kind: use, source, itemId: id, at, detail: { field, title: item.title, ...(note ? { note } : {}) } });
      s.writes.markUsed(id, at);
    }).immediate();
    return value;
  }

  /** Previous values of the password or secret, newest first, without the values. */
  passwordHistory(id: string): { index: number; field: string; changedAt: number }[] {
    return this.recordIn(this.gate.read(), id).passwordHistory.map((h, index) => ({ index, field: h.field, changedAt: h.changedAt }));
  }

  /** Reveals one previous value; logged like any reveal. */
  revealPasswordHistory(id: string, index: number): string {
    const s = this.gate.write();
    const entry = this.recordIn(s, id).passwordHistory[index];
    if (!entry) throw new KeystashError('not-found', `This item has no previous value #${index}.`);
    s.events.append({ kind: 'reveal', source: this.source, itemId: id, detail: { field: `history:${entry.field}`, title: listedIn(s, id).title } });
    return entry.value;
  }

  private recordIn(s: ItemsSession, id: string): ItemRecord {
    return readRecord(this.db, s.keys, s.buckets.checkRecord, id, s.index.get(id)?.title).record;
  }
}

function listedIn(s: ItemsSession, id: string): ListedItem {
  const listed = s.index.get(id);
  if (!listed) throw new KeystashError('not-found', `No item with id ${id}.`);
  return listed;
}
