// Opens an import file: loads it once (recognises an encrypted Keystash export, or decodes
// the text), then, for each set of options a preview tries, finds the delimiter and header
// row, picks the format (detected or chosen) and walks the rows, turning each into an item or
// a problem with its line number. The walk goes in slices, so the preview can let the app
// answer its window and read on.
import type { ItemInput } from '../../../../shared/domain';
import type { ImportPreview } from '../../../../shared/import-export';
import { decodeText } from '../csv/decode';
import { detectDelimiter, readCsv, type CsvResume, type CsvRow, type Delimiter } from '../csv/read';
import { KeystashError } from '../../errors';
import { fromExported, isEncryptedExport, openExport } from '../encrypted/envelope';
import { isKdbx } from '../kdbx/engine';
import { readKdbx } from '../kdbx/read';
import { decryptBitwardenJson } from '../bitwarden-json/decrypt';
import { isBitwardenJson, readBitwardenJson } from '../bitwarden-json/read';
import { isOnePux, readOnePux } from '../1pux/read';
import { isProtonJson, PROTON_DATA, readProton } from '../proton/read';
import { isZip, unzipEntries } from './zip';
import { readCxf } from '../cxf/read';
import { INDEX_NAME, isCxf } from '../cxf/shape';
import { detectFormat, formatById, headerSet } from './formats';
import { ENPASS_LABEL } from './formats/enpass';
import { enpassRows, looksLikeEnpass } from './enpass-rows';
import { checkMapping, genericFormat, guessMapping } from './formats/generic';
import { outcomeOf, Row } from './row';
import type { ColumnMapping, FormatSpec, ImportedItem, ImportFormat, MapOutcome, RowVisitor } from './types';

export interface SourceOptions {
  format?: ImportFormat;
  mapping?: ColumnMapping;
  /** Password of an encrypted Keystash export or a KeePass database. */
  password?: string;
  /** A KeePass database's key file, when it has one. */
  keyFile?: Uint8Array;
}

/** A walk over the data rows that can pause between slices. */
export interface RowCursor {
  /**
   * Visits up to `max` more rows in order; returns false once every row has been visited.
   * Throws when the file has a header but no rows.
   */
  next(max: number, visit: RowVisitor): boolean;
}

/** What the preview reports about the file itself, plus the row walk. */
export interface ImportSource
  extends Pick<ImportPreview, 'format' | 'formatLabel' | 'detected' | 'encrypted' | 'headers' | 'mapping' | 'ignoredColumns'> {
  /** A fresh walk from the first data row. */
  rows(): RowCursor;
}

function noRows(): KeystashError {
  return new KeystashError('invalid-input', 'The file has a header row but no items; nothing to import.');
}

/** A source whose items are already whole (an encrypted export, a KeePass database, a JSON export): line = item number. */
function itemsSource(format: ImportFormat, formatLabel: string, items: MapOutcome[], empty: string, encrypted = true): ImportSource {
  return {
    format,
    formatLabel,
    detected: true,
    encrypted,
    headers: [],
    mapping: null,
    ignoredColumns: [],
    rows() {
      let i = 0;
      return {
        next(max, visit) {
          if (items.length === 0) throw new KeystashError('invalid-input', empty);
          for (const end = Math.min(items.length, i + max); i < end; i++) visit(i + 1, items[i] as MapOutcome, (i + 1) / items.length);
          return i < items.length;
        },
      };
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

/**
 * A file's content, loaded once: the decoded text of a CSV, or the still-sealed bytes of an
 * encrypted export (its password comes with a preview). Any number of previews read it.
 */
export type LoadedFile =
  | { encrypted: false; kind: 'csv'; text: string }
  /** A JSON or zipped export read whole at load (Bitwarden JSON, 1Password .1pux, Proton Pass). */
  | { encrypted: false; kind: 'items'; format: ImportFormat; label: string; items: MapOutcome[] }
  | { encrypted: true; kind: 'keystash' | 'kdbx' | 'bitwarden-json'; bytes: Uint8Array };

const empty = (): KeystashError => new KeystashError('invalid-input', 'The file is empty; nothing to import.');

/**
 * Recognises and decodes a file's bytes. A CSV's bytes are no longer needed afterwards (the
 * caller may wipe them); an encrypted export keeps them until a preview opens it.
 */
export function loadFile(bytes: Uint8Array): LoadedFile {
  if (bytes.length === 0) throw empty();
  if (isEncryptedExport(bytes)) return { encrypted: true, kind: 'keystash', bytes };
  if (isKdbx(bytes)) return { encrypted: true, kind: 'kdbx', bytes };
  if (isZip(bytes)) return zipped(unzipEntries(bytes));
  const { text } = decodeText(bytes);
  if (text.trim() === '') throw empty();
  if (/^\s*\{/.test(text)) return jsonFile(text, bytes);
  return { encrypted: false, kind: 'csv', text };
}

function zipped(entries: Record<string, Uint8Array>): LoadedFile {
  if (isOnePux(entries)) return { encrypted: false, kind: 'items', format: '1pux', label: '1Password (.1pux)', items: readOnePux(entries) };
  const index = entries[INDEX_NAME];
  if (index) {
    const json = parseJson(decodeText(index).text);
    if (isCxf(json)) return { encrypted: false, kind: 'items', format: 'cxf', label: 'Credential Exchange Format (zip)', items: readCxf(json, entries) };
  }
  const proton = entries[PROTON_DATA] ?? Object.entries(entries).find(([name]) => name.endsWith('/data.json') || name === 'data.json')?.[1];
  if (proton) return jsonFile(decodeText(proton).text, proton);
  throw new KeystashError('invalid-input', 'This zip file is not an export Keystash knows (1Password .1pux, Proton Pass, CXF).');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KeystashError('invalid-input', 'The file looks like JSON but cannot be read as JSON.');
  }
}

function jsonFile(text: string, bytes: Uint8Array): LoadedFile {
  const json = parseJson(text);
  if (isCxf(json)) return { encrypted: false, kind: 'items', format: 'cxf', label: 'Credential Exchange Format', items: readCxf(json) };
  if (isBitwardenJson(json)) {
    if ((json as { encrypted?: unknown }).encrypted === true) return { encrypted: true, kind: 'bitwarden-json', bytes };
    return { encrypted: false, kind: 'items', format: 'bitwarden-json', label: 'Bitwarden (.json)', items: readBitwardenJson(json) };
  }
  if (isProtonJson(json)) return { encrypted: false, kind: 'items', format: 'protonpass-json', label: 'Proton Pass (.json)', items: readProton(json) };
  throw new KeystashError('invalid-input', 'This JSON file is not an export Keystash knows (Bitwarden, Proton Pass, CXF, an encrypted Keystash export).');
}

function enpassSource(text: string, firstRow: string[], detected: boolean): ImportSource {
  const other = detectFormat(firstRow);
  if (other) throw new KeystashError('invalid-input', `This file starts with the header row of a ${other.label} export, not with an Enpass item; choose ${other.label} or let Keystash recognise the format.`);
  return {
    format: 'enpass',
    formatLabel: ENPASS_LABEL,
    detected,
    encrypted: false,
    headers: [],
    mapping: null,
    ignoredColumns: [],
    rows: () => enpassRows(text),
  };
}

export async function openSource(file: LoadedFile, opts: SourceOptions = {}): Promise<ImportSource> {
  if (!file.encrypted && file.kind === 'items') return itemsSource(file.format, file.label, file.items, 'The export holds no items; nothing to import.', false);
  if (file.encrypted && file.kind === 'bitwarden-json') {
    if (!opts.password) throw new KeystashError('wrong-password', 'This Bitwarden export is password-protected; enter the password it was exported with.');
    const json = await decryptBitwardenJson(JSON.parse(new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '')), opts.password);
    return itemsSource('bitwarden-json', 'Bitwarden (.json, password-protected)', readBitwardenJson(json), 'The export holds no items; nothing to import.');
  }
  if (file.encrypted && file.kind === 'kdbx') {
    if (!opts.password && !opts.keyFile) throw new KeystashError('wrong-password', 'This is a KeePass database; enter its password (and choose its key file if it has one).');
    const db = await readKdbx(file.bytes, opts.password ?? '', opts.keyFile);
    return itemsSource('kdbx', `KeePass database (KDBX ${db.version})`, db.items, 'The KeePass database holds no entries; nothing to import.');
  }
  if (file.encrypted) {
    if (!opts.password) {
      throw new KeystashError('wrong-password', 'This is an encrypted Keystash export; enter the password it was exported with.');
    }
    const records = await openExport(file.bytes, opts.password);
    const items = records.map(({ item, passwordHistory, attachments }): ImportedItem => {
      const { id: _id, createdAt, updatedAt, deletedAt, ...input } = item;
      return { input: input as ItemInput, createdAt, updatedAt, deletedAt, passwordHistory, ...(attachments ? { attachments: attachments.map(fromExported) } : {}) };
    });
    return itemsSource('keystash', 'Keystash (encrypted export)', items, 'The encrypted export holds no items; nothing to import.');
  }
  const { text } = file;
  const delimiter = detectDelimiter(text);
  const header = readHeader(text, delimiter);
  if (!header) throw empty();
  const { headers, line: headerLine } = header;
  // Enpass writes no header: its first row is an item, so it is recognised (or chosen) before
  // the first row is read as column names.
  if (opts.format === 'enpass') return enpassSource(text, headers, false);
  if (!opts.format && !opts.mapping && delimiter === ',' && !detectFormat(headers) && looksLikeEnpass(text)) return enpassSource(text, headers, true);
  if (headers.every((h) => h.trim() === '')) throw new KeystashError('invalid-input', 'The first row of the file is empty; it should name the columns.');
  const seen = new Map<string, string>();
  for (const h of headers) {
    const n = h.trim().toLowerCase();
    if (n === '') continue;
    const first = seen.get(n);
    // Two columns of one name would silently become one; refuse rather than guess which.
    if (first !== undefined) throw new KeystashError('invalid-input', `The header names the column “${first}” twice${first === h.trim() ? '' : ` (as “${h.trim()}”)`}; rename one of them and import again.`);
    seen.set(n, h.trim());
  }
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
    rows() {
      let rows = 0;
      let from: CsvResume | null = { offset: 0, line: 1 };
      const visitRow = (visit: RowVisitor, row: CsvRow): void => {
        const progress = row.end / text.length;
        if (row.error) return visit(row.line, { problem: `${row.error[0]?.toUpperCase() ?? ''}${row.error.slice(1)}.` }, progress);
        if (!fitsHeader(row.fields, headers.length)) {
          return visit(row.line, { problem: `The row has ${row.fields.length} fields but the header has ${headers.length}.` }, progress);
        }
        if (row.fields.every((f) => f.trim() === '')) return visit(row.line, { problem: 'The row is empty.' }, progress);
        visit(row.line, outcomeOf(() => spec.map(new Row(row.line, headers, index, row.fields))), progress);
      };
      return {
        next(max, visit) {
          if (!from) return false;
          let seen = 0;
          from = readCsv(
            text,
            delimiter,
            (row, stop) => {
              if (row.line === headerLine) return;
              rows++;
              visitRow(visit, row);
              if (++seen >= max) stop();
            },
            from,
          );
          if (!from && rows === 0) throw noRows();
          return from !== null;
        },
      };
    },
  };
}
