// Opens an import file: decodes it, recognises an encrypted Keystash export, finds the
// delimiter and header row, picks the format (detected or chosen) and then walks the rows,
// turning each into an item or a problem with its line number. Walking is synchronous so the
// importer can save rows in batches inside one transaction while it reads.
import type { ItemInput } from '../../../shared/domain';
import type { ImportPreview } from '../../../shared/import-export';
import { decodeText } from '../csv/decode';
import { detectDelimiter, readCsv, type Delimiter } from '../csv/read';
import { KeystashError } from '../errors';
import { isEncryptedExport, openExport, type ExportRecord } from '../export/encrypted';
import { detectFormat, formatById, headerSet } from './formats';
import { checkMapping, genericFormat, guessMapping } from './formats/generic';
import { Row } from './row';
import type { ColumnMapping, FormatSpec, ImportFormat, MapOutcome } from './types';

export interface SourceOptions {
  format?: ImportFormat;
  mapping?: ColumnMapping;
  /** Password of an encrypted Keystash export. */
  password?: string;
}

export type RowVisitor = (line: number, outcome: MapOutcome, progress: number) => void;

/** What the preview reports about the file itself, plus the row walk. */
export interface ImportSource
  extends Pick<ImportPreview, 'format' | 'formatLabel' | 'detected' | 'encrypted' | 'headers' | 'mapping' | 'ignoredColumns'> {
  /** Visits every data row in order; throws when the file has a header but no rows. */
  each(visit: RowVisitor): void;
}

function noRows(): KeystashError {
  return new KeystashError('invalid-input', 'The file has a header row but no items; nothing to import.');
}

function encryptedSource(records: ExportRecord[]): ImportSource {
  return {
    format: 'keystash',
    formatLabel: 'Keystash (encrypted export)',
    detected: true,
    encrypted: true,
    headers: [],
    mapping: null,
    ignoredColumns: [],
    each(visit) {
      if (records.length === 0) throw new KeystashError('invalid-input', 'The encrypted export holds no items; nothing to import.');
      records.forEach(({ item, passwordHistory }, i) => {
        const { id: _id, createdAt, updatedAt, deletedAt, ...input } = item;
        visit(i + 1, { input: input as ItemInput, createdAt, updatedAt, deletedAt, passwordHistory }, (i + 1) / records.length);
      });
    },
  };
}

function readHeader(text: string, delimiter: Delimiter): { headers: string[]; line: number } | null {
  let found: { headers: string[]; line: number } | null = null;
  readCsv(text, delimiter, (row, stop) => {
    found = { headers: row.fields, line: row.line };
    stop();
  });
  return found;
}

function chooseFormat(headers: string[], opts: SourceOptions): { spec: FormatSpec; detected: boolean; mapping: ColumnMapping | null } {
  if (opts.format && opts.format !== 'generic') return { spec: formatById(opts.format, headers), detected: false, mapping: null };
  const found = opts.format === 'generic' || opts.mapping ? null : detectFormat(headers);
  if (found) return { spec: found, detected: true, mapping: null };
  const mapping = opts.mapping ?? guessMapping(headers);
  checkMapping(mapping, headers);
  return { spec: genericFormat(mapping), detected: false, mapping };
}

/** Trailing empty cells past the header's width are harmless (some exporters end rows with a comma). */
function fitsHeader(fields: string[], width: number): boolean {
  if (fields.length === width) return true;
  return fields.length > width && fields.slice(width).every((f) => f === '');
}

export async function openSource(bytes: Uint8Array, opts: SourceOptions = {}): Promise<ImportSource> {
  if (bytes.length === 0) throw new KeystashError('invalid-input', 'The file is empty; nothing to import.');
  if (isEncryptedExport(bytes)) {
    if (!opts.password) {
      throw new KeystashError('wrong-password', 'This is an encrypted Keystash export; enter the password it was exported with.');
    }
    return encryptedSource(await openExport(bytes, opts.password));
  }
  const { text } = decodeText(bytes);
  if (text.trim() === '') throw new KeystashError('invalid-input', 'The file is empty; nothing to import.');
  const delimiter = detectDelimiter(text);
  const header = readHeader(text, delimiter);
  if (!header) throw new KeystashError('invalid-input', 'The file is empty; nothing to import.');
  const { headers, line: headerLine } = header;
  if (headers.every((h) => h.trim() === '')) throw new KeystashError('invalid-input', 'The first row of the file is empty; it should name the columns.');
  const { spec, detected, mapping } = chooseFormat(headers, opts);
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = h.trim().toLowerCase();
    if (!index.has(n)) index.set(n, i);
  });
  const present = headerSet(headers);
  return {
    format: spec.id,
    formatLabel: spec.label,
    detected,
    encrypted: false,
    headers,
    mapping,
    ignoredColumns: (spec.ignored ?? []).filter((c) => present.has(c.toLowerCase())),
    each(visit) {
      let rows = 0;
      readCsv(text, delimiter, (row) => {
        if (row.line === headerLine) return;
        rows++;
        const progress = row.end / text.length;
        if (row.error) return visit(row.line, { problem: `${row.error[0]?.toUpperCase() ?? ''}${row.error.slice(1)}.` }, progress);
        if (!fitsHeader(row.fields, headers.length)) {
          return visit(row.line, { problem: `The row has ${row.fields.length} fields but the header has ${headers.length}.` }, progress);
        }
        if (row.fields.every((f) => f.trim() === '')) return visit(row.line, { problem: 'The row is empty.' }, progress);
        let outcome: MapOutcome;
        try {
          outcome = spec.map(new Row(row.line, headers, index, row.fields));
        } catch (err) {
          outcome = { problem: err instanceof KeystashError ? err.message : 'the row could not be read' };
        }
        visit(row.line, outcome, progress);
      });
      if (rows === 0) throw noRows();
    },
  };
}
