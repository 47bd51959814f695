// Writes the activity log (or a filtered part of it) to a new file as CSV or JSON. The file is
// created exclusively with mode 0600, so an existing file is never overwritten and nobody else
// can read it; it is filled page by page, so a million events never sit in memory at once.
// CSV cells that a spreadsheet would run as formulas are escaped.
import fs from 'node:fs';
import Papa from 'papaparse';
import type { VaultEvent } from '../../../shared/domain';
import type { HistoryExportFormat } from '../../../shared/history';
import { KeystashError } from '../errors';
import type { EventLog } from './event-log';
import type { EventFilter } from './event-filter';

const PAGE = 5_000;
export const EXPORT_COLUMNS = ['seq', 'time', 'kind', 'source', 'itemId', 'title', 'field', 'note', 'count'] as const;

function flat(e: VaultEvent): Record<(typeof EXPORT_COLUMNS)[number], string | number> {
  return {
    seq: e.seq,
    time: new Date(e.at).toISOString(),
    kind: e.kind,
    source: e.source,
    itemId: e.itemId ?? '',
    title: e.detail.title ?? '',
    field: e.detail.field ?? '',
    note: e.detail.note ?? '',
    count: e.detail.count ?? '',
  };
}

function createExclusive(file: string): number {
  try {
    return fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new KeystashError('exists', `${file} already exists; Keystash will not overwrite it.`);
    throw new KeystashError('io', `Cannot create ${file} (${code ?? 'error'}).`);
  }
}

/** Returns how many events were written. Oldest first, as a log reads. */
export function exportHistory(log: EventLog, filter: EventFilter, format: HistoryExportFormat, file: string): number {
  const fd = createExclusive(file);
  let written = 0;
  try {
    // Pages arrive newest first; collect page boundaries, then write oldest page first.
    const pages: number[] = [];
    let before: number | undefined = filter.beforeSeq;
    for (;;) {
      const page = log.query({ ...filter, itemId: undefined, ...(filter.itemId ? { itemIds: [filter.itemId] } : {}), beforeSeq: before, limit: PAGE });
      const last = page[page.length - 1];
      if (!last) break;
      pages.push(before ?? Number.MAX_SAFE_INTEGER);
      before = last.seq;
      if (page.length < PAGE) break;
    }
    fs.writeSync(fd, format === 'csv' ? `${EXPORT_COLUMNS.join(',')}\r\n` : '[\n');
    for (let i = pages.length - 1; i >= 0; i--) {
      const rows = log
        .query({ ...filter, itemId: undefined, ...(filter.itemId ? { itemIds: [filter.itemId] } : {}), beforeSeq: pages[i], limit: PAGE })
        .reverse()
        .map(flat);
      if (format === 'csv') {
        fs.writeSync(fd, `${Papa.unparse(rows, { header: false, columns: [...EXPORT_COLUMNS], escapeFormulae: true, newline: '\r\n' })}\r\n`);
      } else {
        fs.writeSync(fd, rows.map((r) => `${written++ > 0 ? ',\n' : ''}  ${JSON.stringify(r)}`).join(''));
        continue;
      }
      written += rows.length;
    }
    if (format === 'json') fs.writeSync(fd, '\n]\n');
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  return written;
}
