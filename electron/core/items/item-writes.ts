// Changes to items: create (one or many), update, trash, restore, purge, and the last-used
// time. Each change writes the item's record with its next version, re-encrypts the one bucket
// that lists it (and so the manifest) and appends its usage event in a single transaction,
// then brings the in-memory list up to date.
// One per unlocked session; the caller (vault.items) has already refused a locked or busy vault.
import { randomUUID } from 'node:crypto';
import {
  itemInputSchema,
  itemPatchSchema,
  type EventSource,
  type Item,
  type ItemSummary,
} from '../../../shared/domain';
import { KeystashError } from '../errors';
import type { EventLog } from '../history/event-log';
import { haystackFor } from '../search/search-text';
import type { SummaryIndex } from '../search/summary-index';
import { parseOrThrow } from '../validation';
import type { Db } from '../vault/db';
import { digestOf } from '../vault/manifest';
import type { SessionKeys } from '../vault/session-keys';
import type { IndexBuckets } from './bucket-store';
import { ROW_ID, toRow, type BucketRow } from './index-bucket';
import { changedFields, listedOf, nextPasswordHistory, summarize, type ItemRecord } from './model';
import { INSERT_ITEM, readRecord, sealRecord } from './records';
import { assertValidTotp } from './totp';
import { statement } from '../vault/statements';

export class ItemWrites {
  constructor(
    private readonly db: Db,
    private readonly keys: SessionKeys,
    private readonly events: EventLog,
    private readonly index: SummaryIndex,
    private readonly buckets: IndexBuckets,
    private readonly now: () => number,
    private readonly source: EventSource,
  ) {}

  create(input: unknown): ItemSummary {
    const data = parseOrThrow(itemInputSchema, input, 'The item is not valid');
    assertValidTotp(data.totp);
    const now = this.now();
    const item: Item = { ...data, id: randomUUID(), createdAt: now, updatedAt: now, deletedAt: null };
    this.db.transaction(() => {
      const bucket = this.buckets.openBucket();
      const sealed = sealRecord(this.keys, { item, passwordHistory: [] }, 1);
      statement(this.db, INSERT_ITEM).run(item.id, bucket, now, now, null, 1, sealed);
      this.buckets.rewrite(bucket, (rows) => [...rows, toRow(summarize(item), 1, digestOf(sealed))]);
      this.events.append({ kind: 'create', source: this.source, itemId: item.id, detail: { title: item.title } });
    }).immediate();
    return this.remember(item, null);
  }

  /**
   * Creates many items in one transaction, filling buckets as it goes, so 100,000 new items
   * encrypt each bucket once. All land, or none do; one `import` event records the note.
   */
  createMany(inputs: unknown[], note: string): ItemSummary[] {
    const data = inputs.map((input, i) => {
      const d = parseOrThrow(itemInputSchema, input, `Item ${i + 1} is not valid`);
      assertValidTotp(d.totp, `Item ${i + 1}`);
      return d;
    });
    const now = this.now();
    const items: Item[] = data.map((d) => ({ ...d, id: randomUUID(), createdAt: now, updatedAt: now, deletedAt: null }));
    this.db.transaction(() => {
      this.buckets.append(
        this.db.prepare(INSERT_ITEM),
        items.map((item) => ({ item, passwordHistory: [] })),
      );
      this.events.append({ kind: 'import', source: this.source, detail: { note, count: inputs.length } });
    }).immediate();
    return items.map((item) => this.remember(item, null));
  }

  /** Applies a partial update; secrets that change keep their previous value in history. */
  update(id: string, patch: unknown): ItemSummary {
    const changes = parseOrThrow(itemPatchSchema, patch, 'The changes are not valid');
    const saved = this.db.transaction((): Item => {
      const { record, bucket, version } = readRecord(this.db, this.keys, this.buckets.checkRecord, id, this.index.get(id)?.title);
      const before = record.item;
      const { id: _id, createdAt, updatedAt: _u, deletedAt, type, ...rest } = { ...before, ...changes };
      const data = parseOrThrow(itemInputSchema, { type, ...rest }, 'The item is not valid');
      assertValidTotp(data.totp);
      const after: Item = { ...data, id, createdAt, updatedAt: this.now(), deletedAt };
      const changed = changedFields(before, after);
      if (changed.length === 0) return before;
      const history = nextPasswordHistory(before, after, record.passwordHistory, after.updatedAt);
      this.writeItem({ ...record, item: after, passwordHistory: history }, bucket, version + 1);
      this.events.append({ kind: 'edit', source: this.source, itemId: id, detail: { title: after.title, note: changed.join(', ') } });
      return after;
    }).immediate();
    return this.remember(saved, this.index.get(id)?.lastUsedAt ?? null);
  }

  trash(id: string): ItemSummary {
    return this.setDeleted(id, this.now(), 'delete');
  }

  restore(id: string): ItemSummary {
    return this.setDeleted(id, null, 'restore');
  }

  private setDeleted(id: string, deletedAt: number | null, kind: 'delete' | 'restore'): ItemSummary {
    const saved = this.db.transaction((): Item => {
      const { record, bucket, version } = readRecord(this.db, this.keys, this.buckets.checkRecord, id, this.index.get(id)?.title);
      const { item } = record;
      if ((item.deletedAt !== null) === (deletedAt !== null)) {
        throw new KeystashError('invalid-input', kind === 'delete' ? `“${item.title}” is already in the trash.` : `“${item.title}” is not in the trash.`);
      }
      const after: Item = { ...item, deletedAt };
      this.writeItem({ ...record, item: after }, bucket, version + 1);
      this.events.append({ kind, source: this.source, itemId: id, detail: { title: item.title } });
      return after;
    }).immediate();
    return this.remember(saved, this.index.get(id)?.lastUsedAt ?? null);
  }

  /** Removes an item for good, with its record and password history. */
  purge(id: string): void {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT bucket FROM items WHERE id = ?').get(id) as { bucket: number } | undefined;
      if (!row) throw new KeystashError('not-found', `No item with id ${id}.`);
      const title = this.index.get(id)?.title;
      this.db.prepare('DELETE FROM items WHERE id = ?').run(id);
      // Its files go with it (secure_delete zeroes the pages; the caller empties the -wal).
      this.db.prepare('DELETE FROM attachment_chunks WHERE item_id = ?').run(id);
      this.buckets.rewrite(row.bucket, (rows) => rows.filter((r) => r[ROW_ID] !== id));
      this.events.append({ kind: 'purge', source: this.source, itemId: id, detail: title ? { title } : {} });
    }).immediate();
    this.index.delete(id);
    this.buckets.forget(id);
  }

  /**
   * Writes items exactly as sync merged them, inside the caller's transaction (sync updates its
   * own ledger in the same one): new items go into buckets in bulk with one `import` event,
   * existing ones get their next record version and an `edit` event. Returns each item's record
   * version after the write.
   */
  putSynced(records: ItemRecord[], note: string): Map<string, number> {
    const versions = new Map<string, number>();
    const fresh: ItemRecord[] = [];
    const exists = this.db.prepare('SELECT 1 FROM items WHERE id = ?').pluck();
    for (const r of records) {
      if (!exists.get(r.item.id)) {
        fresh.push(r);
        continue;
      }
      // Attachments do not travel with sync batches: the item keeps the files this device has.
      const local = readRecord(this.db, this.keys, this.buckets.checkRecord, r.item.id, this.index.get(r.item.id)?.title);
      const row = { bucket: local.bucket, version: local.version };
      this.writeItem({ ...r, ...(local.record.attachments ? { attachments: local.record.attachments } : {}) }, row.bucket, row.version + 1);
      this.events.append({ kind: 'edit', source: this.source, itemId: r.item.id, detail: { title: r.item.title, note } });
      versions.set(r.item.id, row.version + 1);
    }
    if (fresh.length > 0) {
      this.buckets.append(this.db.prepare(INSERT_ITEM), fresh);
      this.events.append({ kind: 'import', source: this.source, detail: { note, count: fresh.length } });
      for (const r of fresh) versions.set(r.item.id, 1);
    }
    for (const r of records) this.remember(r.item, this.index.get(r.item.id)?.lastUsedAt ?? null);
    return versions;
  }

  /**
   * Applies `change` to many items in one transaction (all or none): each changed record is
   * written with its next version and its own event, and each bucket is re-encrypted once
   * however many of its items changed. Items `change` leaves alone (null, or no field
   * different) are skipped. Returns the items changed.
   */
  changeMany(ids: readonly string[], kind: 'edit' | 'delete' | 'restore', change: (item: Item) => Item | null): ItemSummary[] {
    const saved = this.db.transaction((): Item[] => {
      const rowsByBucket = new Map<number, Map<string, BucketRow>>();
      const out: Item[] = [];
      for (const id of new Set(ids)) {
        const { record, bucket, version } = readRecord(this.db, this.keys, this.buckets.checkRecord, id, this.index.get(id)?.title);
        const before = record.item;
        const proposed = change(before);
        if (!proposed) continue;
        const after = kind === 'edit' ? this.checked({ ...proposed, updatedAt: this.now() }) : proposed;
        const changed = changedFields(before, after);
        if (changed.length === 0) continue;
        // The whole record goes back (password history, attachments): only the item changed.
        const sealed = sealRecord(this.keys, { ...record, item: after }, version + 1);
        this.db.prepare('UPDATE items SET updated_at = ?, deleted_at = ?, version = ?, detail = ? WHERE id = ?').run(after.updatedAt, after.deletedAt, version + 1, sealed, id);
        const rows = rowsByBucket.get(bucket) ?? new Map<string, BucketRow>();
        rows.set(id, toRow(summarize(after), version + 1, digestOf(sealed)));
        rowsByBucket.set(bucket, rows);
        this.events.append({ kind, source: this.source, itemId: id, detail: kind === 'edit' ? { title: after.title, note: changed.join(', ') } : { title: after.title } });
        out.push(after);
      }
      for (const [bucket, changedRows] of rowsByBucket) this.buckets.rewrite(bucket, (rows) => rows.map((r) => changedRows.get(r[ROW_ID]) ?? r));
      return out;
    }).immediate();
    return saved.map((item) => this.remember(item, this.index.get(item.id)?.lastUsedAt ?? null));
  }

  /** Removes many items for good in one transaction, each bucket rewritten once. */
  purgeMany(ids: readonly string[]): string[] {
    const gone = this.db.transaction((): string[] => {
      const idsByBucket = new Map<number, Set<string>>();
      for (const id of new Set(ids)) {
        const row = this.db.prepare('SELECT bucket FROM items WHERE id = ?').get(id) as { bucket: number } | undefined;
        if (!row) throw new KeystashError('not-found', `No item with id ${id}.`);
        const title = this.index.get(id)?.title;
        this.db.prepare('DELETE FROM items WHERE id = ?').run(id);
        // Its files go with it, as in purge().
        this.db.prepare('DELETE FROM attachment_chunks WHERE item_id = ?').run(id);
        idsByBucket.set(row.bucket, (idsByBucket.get(row.bucket) ?? new Set()).add(id));
        this.events.append({ kind: 'purge', source: this.source, itemId: id, detail: title ? { title } : {} });
      }
      for (const [bucket, purged] of idsByBucket) this.buckets.rewrite(bucket, (rows) => rows.filter((r) => !purged.has(r[ROW_ID])));
      return [...idsByBucket.values()].flatMap((s) => [...s]);
    }).immediate();
    for (const id of gone) {
      this.index.delete(id);
      this.buckets.forget(id);
    }
    return gone;
  }

  /** An edited item checked against the same rules as a single update. */
  private checked(item: Item): Item {
    const { id, createdAt, updatedAt, deletedAt, type, ...rest } = item;
    const data = parseOrThrow(itemInputSchema, { type, ...rest }, `“${item.title}” would not be valid`);
    return { ...data, id, createdAt, updatedAt, deletedAt };
  }

  /** Moves the item's last-used time; runs inside the caller's transaction. */
  markUsed(id: string, at: number): void {
    statement(this.db, 'UPDATE items SET last_used_at = ? WHERE id = ?').run(at, id);
    this.index.touch(id, at);
  }

  /**
   * Changes an item's record in the caller's transaction (attachments/ lists files here):
   * `change` gets the current, checked record and returns the new one, written as the next
   * version. Returns what `change` returned.
   */
  changeRecord(id: string, change: (record: ItemRecord) => ItemRecord): ItemRecord {
    const { record, bucket, version } = readRecord(this.db, this.keys, this.buckets.checkRecord, id, this.index.get(id)?.title);
    const next = change(record);
    this.writeItem(next, bucket, version + 1);
    return next;
  }

  /** Brings the in-memory list up to date after changeRecord's transaction committed. */
  remembered(item: Item): ItemSummary {
    return this.remember(item, this.index.get(item.id)?.lastUsedAt ?? null);
  }

  /** Writes the record as `version` (bound into its AAD) and lists that version in its bucket. */
  private writeItem(record: ItemRecord, bucket: number, version: number): void {
    const { item } = record;
    const sealed = sealRecord(this.keys, record, version);
    statement(this.db, 'UPDATE items SET updated_at = ?, deleted_at = ?, version = ?, detail = ? WHERE id = ?').run(item.updatedAt, item.deletedAt, version, sealed, item.id);
    const changed = toRow(summarize(item), version, digestOf(sealed));
    this.buckets.rewrite(bucket, (rows) => {
      const i = rows.findIndex((r) => r[ROW_ID] === item.id);
      return i === -1 ? [...rows, changed] : rows.map((r, j) => (j === i ? changed : r));
    });
  }

  private remember(item: Item, lastUsedAt: number | null): ItemSummary {
    const summary = summarize(item);
    this.index.set(listedOf(summary, lastUsedAt), haystackFor(summary));
    return { ...summary, lastUsedAt };
  }
}
