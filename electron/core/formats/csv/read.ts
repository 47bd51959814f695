// Reads CSV text row by row (RFC 4180: quoted fields may hold commas, quotes and newlines;
// CRLF or LF) with papaparse, and gives every row the line number a person would see in an
// editor. Rows the parser had to repair (an unterminated or stray quote) are reported as
// problems with that line number instead of being trusted. Synchronous on purpose: the
// importer drives it from inside one SQLite transaction.
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface CsvRow {
  /** 1-based line on which the row starts. */
  line: number;
  fields: string[];
  /** Offset just past the row, for progress. */
  end: number;
  /** Set when the parser could not read the row cleanly. */
  error?: string;
}

/** Counts delimiters outside quotes on the first line; the most frequent one wins (comma on a tie). */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as Delimiter)) counts.set(c as Delimiter, (counts.get(c as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * The row separator, taken from the end of the header line. Papaparse would guess from the
 * whole first chunk, where line breaks inside quoted values (notes) can outvote the real one.
 */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') return '\n';
    else if (!quoted && c === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
  }
  return '\n';
}

function errorText(code: string): string {
  switch (code) {
    case 'MissingQuotes':
      return 'a quoted field is never closed (unterminated quote)';
    case 'InvalidQuotes':
      return 'a quote inside a field is not doubled (malformed quotes)';
    default:
      return 'the row could not be read';
  }
}

/** A row that is only line breaks (a blank line) carries no data. */
function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0] === '';
}

/** Where reading stopped: the offset just past the last row delivered, and the line there. */
export interface CsvResume {
  offset: number;
  line: number;
}

/**
 * Calls `onRow` for every non-blank row, header included, in order. `stop()` inside the
 * callback ends reading after that row and returns where to resume (`from`), so a long file
 * can be read in slices; null means the text was read to its end.
 */
export function readCsv(
  text: string,
  delimiter: Delimiter,
  onRow: (row: CsvRow, stop: () => void) => void,
  from: CsvResume = { offset: 0, line: 1 },
): CsvResume | null {
  // A slice starts at a row boundary, never inside quotes; its line breaks are the file's.
  const newline = detectNewline(text);
  const base = from.offset;
  const part = base === 0 ? text : text.slice(base);
  let line = from.line;
  let scanned = 0;
  // Advances `line` over the text between the last row's end and `to`, so a row's number is
  // the line where it starts, even when earlier rows held quoted newlines.
  const advance = (to: number): void => {
    for (let i = scanned; i < to; i++) {
      const c = part.charCodeAt(i);
      if (c === 10) line++;
      else if (c === 13 && part.charCodeAt(i + 1) !== 10) line++;
    }
    scanned = Math.max(scanned, to);
  };
  // Papaparse reports each row's end offset (after its line break); the next row starts there.
  let rowStart = 0;
  let resume: CsvResume | null = null;
  Papa.parse<string[]>(part, {
    delimiter,
    newline,
    skipEmptyLines: false,
    step: (result, parser) => {
      const fields = result.data;
      const cursor = result.meta.cursor;
      advance(rowStart);
      const startLine = line;
      rowStart = cursor;
      if (isBlank(fields)) return;
      const err = result.errors[0];
      const row: CsvRow = { line: startLine, fields, end: base + cursor };
      if (err) row.error = errorText(err.code);
      let stopped = false;
      onRow(row, () => {
        stopped = true;
      });
      if (stopped) {
        advance(cursor);
        resume = cursor < part.length ? { offset: base + cursor, line } : null;
        parser.abort();
      }
    },
  });
  return resume;
}
