// vault.attachments: the files an item holds. Their list (names, sizes, chunk counts, trash
// state) lives in the item's own encrypted record, so the authenticated index covers them with
// the item and unlock does no extra work; their content is in sealed chunks (chunks.ts).
// Adding a file reads and seals it a chunk at a time inside one transaction with the record
// change and its event: all of it lands or none. Every open (preview) and save is logged in
// usage history before the content leaves. Trash and restore work as for items; purging an
// attachment, or its item, deletes its chunks (secure_delete) and empties the -wal.
import { randomUUID } from 'node:crypto';
import type { AttachmentInfo, StoredAttachment } from '../../../shared/attachments';
import type { EventSource } from '../../../shared/domain';
import { quote } from '../../../shared/input-text';
import { KeystashError } from '../errors';
import type { EventLog } from '../history/event-log';
import type { IndexBuckets } from '../items/bucket-store';
import type { ItemWrites } from '../items/item-writes';
import type { ItemRecord } from '../items/model';
import { readRecord } from '../items/records';
import type { SummaryIndex } from '../search/summary-index';
import type { Db } from '../vault/db';
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import { truncateWal } from '../vault/wal';
import { ChunkStore, chunkCount } from './chunks';
import { openSourceFile, writeFileFromChunks } from './file-io';
import { attachmentName, mimeOf, uniqueName } from './names';

/** What attachments need from the unlocked session (vault/session.ts). */
export interface AttachmentsSession {
  readonly keys: SessionKeys;
  readonly events: EventLog;
  readonly index: SummaryIndex;
  readonly writes: ItemWrites;
  readonly buckets: Pick<IndexBuckets, 'checkRecord'>;
}

/** Why an attachment's content left the vault: shown in the window, or saved to a file. */
export type AttachmentUse = 'attachment-open' | 'attachment-save';

export function infoOf(a: StoredAttachment): AttachmentInfo {
  return { id: a.id, name: a.name, size: a.size, mime: a.mime, createdAt: a.createdAt, deletedAt: a.deletedAt };
}

export class Attachments {
  constructor(
    private readonly db: Db,
    private readonly gate: Gate<AttachmentsSession>,
    private readonly now: () => number,
    private readonly source: EventSource,
  ) {}

  /** The item's attachments, oldest first; those in the trash only with `trash`. */
  list(itemId: string, opts: { trash?: boolean } = {}): AttachmentInfo[] {
    return this.stored(this.gate.read(), itemId)
      .filter((a) => opts.trash || a.deletedAt === null)
      .map(infoOf);
  }

  /**
   * Finds one attachment of the item by id, or by exact name (case-insensitively when no exact
   * match). Attachments in the trash are found by id, or by name with `trash`.
   */
  resolve(itemId: string, ref: string, opts: { trash?: boolean } = {}): AttachmentInfo {
    const all = this.stored(this.gate.read(), itemId);
    const byId = all.find((a) => a.id === ref);
    if (byId) return infoOf(byId);
    const candidates = all.filter((a) => opts.trash || a.deletedAt === null);
    let hits = candidates.filter((a) => a.name === ref);
    if (hits.length === 0) hits = candidates.filter((a) => a.name.toLowerCase() === ref.toLowerCase());
    const [hit] = hits;
    if (hits.length === 1 && hit) return infoOf(hit);
    if (hits.length > 1) throw new KeystashError('ambiguous', `${hits.length} attachments are named ${quote(ref)}; use an id: ${hits.map((h) => h.id).join(', ')}.`);
    throw new KeystashError('not-found', `The item has no attachment named ${quote(ref)}.`);
  }

  /** Adds a file from disk (read and sealed a chunk at a time); `name` defaults to the file's own. */
  addFile(itemId: string, file: string, name?: string): AttachmentInfo {
    const wanted = attachmentName(name ?? file);
    const s = this.gate.write();
    const src = openSourceFile(file);
    try {
      return this.add(s, itemId, wanted, src.size, (store, address) => {
        for (let i = 0; i < src.total; i++) store.write(address, i, src.chunk(i));
        src.assertEnded();
      });
    } finally {
      src.close();
    }
  }

  /** Adds content already in memory (tests, and the window's small drops). */
  addBytes(itemId: string, name: string, content: Uint8Array): AttachmentInfo {
    const wanted = attachmentName(name);
    return this.add(this.gate.write(), itemId, wanted, content.length, (store, address) => store.writeAll(address, content));
  }

  private add(s: AttachmentsSession, itemId: string, wanted: string, size: number, fill: (store: ChunkStore, address: { itemId: string; attachmentId: string; total: number; size: number }) => void): AttachmentInfo {
    const at = this.now();
    let added: StoredAttachment | null = null;
    const record = this.db.transaction((): ItemRecord => {
      return s.writes.changeRecord(itemId, (r) => {
        if (r.item.deletedAt !== null) throw new KeystashError('invalid-input', `“${r.item.title}” is in the trash; restore it before adding files.`);
        const list = r.attachments ?? [];
        const name = uniqueName(wanted, list.filter((a) => a.deletedAt === null).map((a) => a.name));
        const attachment: StoredAttachment = { id: randomUUID(), name, size, mime: mimeOf(name), createdAt: at, deletedAt: null, chunks: chunkCount(size) };
        fill(new ChunkStore(this.db, s.keys), { itemId, attachmentId: attachment.id, total: attachment.chunks, size });
        s.events.append({ kind: 'attach', source: this.source, itemId, at, detail: { title: r.item.title, note: name } });
        added = attachment;
        return { ...r, item: { ...r.item, updatedAt: at }, attachments: [...list, attachment] };
      });
    }).immediate();
    s.writes.remembered(record.item);
    if (!added) throw new Error('unreachable: the attachment was written');
    return infoOf(added);
  }

  /**
   * The attachment's content as verified chunks, after logging why it leaves the vault (the
   * event and the item's last-used time are one write). The caller writes each chunk out.
   */
  use(itemId: string, attachmentId: string, use: AttachmentUse, note?: string): { info: AttachmentInfo; chunks: Iterable<Uint8Array> } {
    const s = this.gate.write();
    const { record } = readRecord(this.db, s.keys, s.buckets.checkRecord, itemId, s.index.get(itemId)?.title);
    const a = (record.attachments ?? []).find((x) => x.id === attachmentId);
    if (!a) throw new KeystashError('not-found', `The item has no attachment with id ${attachmentId}.`);
    const at = this.now();
    this.db.transaction(() => {
      s.events.append({ kind: use, source: this.source, itemId, at, detail: { title: record.item.title, field: `attachment:${a.name}`, ...(note ? { note } : {}) } });
      s.writes.markUsed(itemId, at);
    }).immediate();
    const store = new ChunkStore(this.db, s.keys);
    return { info: infoOf(a), chunks: store.read({ itemId, attachmentId, total: a.chunks, size: a.size }, a.name) };
  }

  /** Saves the attachment to a file (mode 0600, written whole or not at all); logged as a save. */
  saveTo(itemId: string, attachmentId: string, target: string, opts: { force?: boolean } = {}): AttachmentInfo {
    const { info, chunks } = this.use(itemId, attachmentId, 'attachment-save', target);
    writeFileFromChunks(target, chunks, opts);
    return info;
  }

  /** The whole content, for the window's preview of a small image or text; logged as an open. */
  readForPreview(itemId: string, attachmentId: string, maxBytes: number): { info: AttachmentInfo; content: Uint8Array } {
    const found = this.list(itemId, { trash: true }).find((a) => a.id === attachmentId);
    if (!found) throw new KeystashError('not-found', `The item has no attachment with id ${attachmentId}.`);
    if (found.size > maxBytes) throw new KeystashError('invalid-input', `“${found.name}” is too large to preview (${Math.round(maxBytes / 1024 / 1024)} MB at most); save it instead.`);
    const { info, chunks } = this.use(itemId, attachmentId, 'attachment-open');
    const content = new Uint8Array(info.size);
    let at = 0;
    for (const c of chunks) {
      content.set(c, at);
      at += c.length;
      c.fill(0);
    }
    return { info, content };
  }

  /**
   * Every attachment of the item with its content, for an export (trash included only with
   * `trash`). Not logged one by one: the export itself is one `export` event.
   */
  forExport(itemId: string, opts: { trash?: boolean } = {}): { info: AttachmentInfo; content: Uint8Array }[] {
    const s = this.gate.read();
    const store = new ChunkStore(this.db, s.keys);
    return this.stored(s, itemId)
      .filter((a) => opts.trash || a.deletedAt === null)
      .map((a) => {
        const content = new Uint8Array(a.size);
        let at = 0;
        for (const c of store.read({ itemId, attachmentId: a.id, total: a.chunks, size: a.size }, a.name)) {
          content.set(c, at);
          at += c.length;
          c.fill(0);
        }
        return { info: infoOf(a), content };
      });
  }

  trash(itemId: string, attachmentId: string): AttachmentInfo {
    return this.setDeleted(itemId, attachmentId, this.now());
  }

  /** Brings an attachment back from the trash (renamed if an attachment now has its name). */
  restore(itemId: string, attachmentId: string): AttachmentInfo {
    return this.setDeleted(itemId, attachmentId, null);
  }

  private setDeleted(itemId: string, attachmentId: string, deletedAt: number | null): AttachmentInfo {
    const s = this.gate.write();
    let changed: StoredAttachment | null = null;
    const record = this.db.transaction(() =>
      s.writes.changeRecord(itemId, (r) => {
        const list = r.attachments ?? [];
        const a = list.find((x) => x.id === attachmentId);
        if (!a) throw new KeystashError('not-found', `The item has no attachment with id ${attachmentId}.`);
        if ((a.deletedAt !== null) === (deletedAt !== null)) {
          throw new KeystashError('invalid-input', deletedAt !== null ? `${quote(a.name)} is already in the trash.` : `${quote(a.name)} is not in the trash.`);
        }
        const others = list.filter((x) => x.id !== a.id && x.deletedAt === null).map((x) => x.name);
        const name = deletedAt === null ? uniqueName(a.name, others) : a.name;
        const next: StoredAttachment = { ...a, name, deletedAt };
        changed = next;
        s.events.append({ kind: 'edit', source: this.source, itemId, detail: { title: r.item.title, note: deletedAt !== null ? `attachment ${quote(a.name)} moved to the trash` : `attachment ${quote(name)} restored` } });
        return { ...r, item: { ...r.item, updatedAt: this.now() }, attachments: list.map((x) => (x.id === a.id ? next : x)) };
      }),
    ).immediate();
    s.writes.remembered(record.item);
    if (!changed) throw new Error('unreachable: the attachment was changed');
    return infoOf(changed);
  }

  /** Removes an attachment for good: its entry and its chunks, then empties the -wal. */
  purge(itemId: string, attachmentId: string): void {
    const s = this.gate.write();
    const record = this.db.transaction(() =>
      s.writes.changeRecord(itemId, (r) => {
        const list = r.attachments ?? [];
        const a = list.find((x) => x.id === attachmentId);
        if (!a) throw new KeystashError('not-found', `The item has no attachment with id ${attachmentId}.`);
        new ChunkStore(this.db, s.keys).remove(a.id);
        s.events.append({ kind: 'edit', source: this.source, itemId, detail: { title: r.item.title, note: `attachment ${quote(a.name)} purged` } });
        return { ...r, item: { ...r.item, updatedAt: this.now() }, attachments: list.filter((x) => x.id !== a.id) };
      }),
    ).immediate();
    s.writes.remembered(record.item);
    truncateWal(this.db);
  }

  private stored(s: AttachmentsSession, itemId: string): StoredAttachment[] {
    return readRecord(this.db, s.keys, s.buckets.checkRecord, itemId, s.index.get(itemId)?.title).record.attachments ?? [];
  }
}
