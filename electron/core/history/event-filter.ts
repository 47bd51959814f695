// Turns a history filter into one SQL WHERE clause over the plain event columns (kind, at,
// source, item_id), shared by paging, counting and the chart aggregates so they always agree.
import type { EventKind, EventSource } from '../../../shared/domain';

export interface EventFilter {
  itemId?: string;
  /** Any of these items (an item-type filter, resolved from the decrypted index). */
  itemIds?: readonly string[];
  kinds?: readonly EventKind[];
  source?: EventSource;
  since?: number;
  until?: number;
  /** Only events older than this sequence number (paging, newest first). */
  beforeSeq?: number;
}

export interface Where {
  sql: string;
  params: Record<string, unknown>;
}

export function whereClause(f: EventFilter, extra: string[] = []): Where {
  const where: string[] = [...extra];
  const params: Record<string, unknown> = {};
  if (f.itemId !== undefined) {
    where.push('item_id = @itemId');
    params.itemId = f.itemId;
  }
  if (f.itemIds !== undefined) {
    // json_each keeps one statement shape however many ids there are.
    where.push('item_id IN (SELECT value FROM json_each(@itemIds))');
    params.itemIds = JSON.stringify(f.itemIds);
  }
  if (f.kinds && f.kinds.length > 0) {
    where.push(`kind IN (${f.kinds.map((_, i) => `@k${i}`).join(', ')})`);
    f.kinds.forEach((k, i) => (params[`k${i}`] = k));
  }
  if (f.source !== undefined) {
    where.push('source = @source');
    params.source = f.source;
  }
  if (f.since !== undefined) {
    where.push('at >= @since');
    params.since = f.since;
  }
  if (f.until !== undefined) {
    where.push('at <= @until');
    params.until = f.until;
  }
  if (f.beforeSeq !== undefined) {
    where.push('seq < @beforeSeq');
    params.beforeSeq = f.beforeSeq;
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}
