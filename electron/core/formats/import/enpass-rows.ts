// Reading an Enpass CSV, whose rows have no header to be measured against: recognising one
// from its first rows, and walking its rows (each of its own length) in slices, like the
// header-based walk in source.ts. Enpass always writes commas and quotes every cell.
import { KeystashError } from '../../errors';
import { readCsv, type CsvResume, type CsvRow } from '../csv/read';
import { enpassRowShape, isEnpassLayoutLine, mapEnpassRow } from './formats/enpass';
import { outcomeOf } from './row';
import type { RowVisitor } from './types';

/** How many rows recognition looks at. */
const SAMPLE = 50;

/**
 * True when the text reads as an Enpass export: it starts with Enpass 5's layout line, or
 * more than half of its first rows of three cells or more are label/value pairs with labels
 * Enpass writes. A CSV with a header of column names does not pass: its data rows hold values
 * where Enpass has labels, and a header row itself is told apart by its column names.
 */
export function looksLikeEnpass(text: string): boolean {
  const sample: { first?: string[] } = {};
  let pairRows = 0;
  let enpassRows = 0;
  let seen = 0;
  readCsv(text, ',', (row, stop) => {
    sample.first ??= row.fields;
    if (!row.error) {
      const shape = enpassRowShape(row.fields);
      if (shape !== 'short') pairRows++;
      if (shape === 'pairs') enpassRows++;
    }
    if (++seen >= SAMPLE) stop();
  });
  if (sample.first && isEnpassLayoutLine(sample.first)) return true;
  return enpassRows > 0 && enpassRows * 2 > pairRows;
}

/** A fresh walk over an Enpass file's rows; `next` as in source.ts's RowCursor. */
export function enpassRows(text: string): { next(max: number, visit: RowVisitor): boolean } {
  let items = 0;
  let first = true;
  let from: CsvResume | null = { offset: 0, line: 1 };
  const visitRow = (visit: RowVisitor, row: CsvRow): void => {
    const progress = row.end / text.length;
    if (row.error) return visit(row.line, { problem: `${row.error[0]?.toUpperCase() ?? ''}${row.error.slice(1)}.` }, progress);
    if (row.fields.every((f) => f.trim() === '')) return visit(row.line, { problem: 'The row is empty.' }, progress);
    visit(row.line, outcomeOf(() => mapEnpassRow(row.fields, row.line)), progress);
  };
  return {
    next(max, visit) {
      if (!from) return false;
      let seen = 0;
      from = readCsv(
        text,
        ',',
        (row, stop) => {
          const layoutLine = first && !row.error && isEnpassLayoutLine(row.fields);
          first = false;
          if (layoutLine) return;
          items++;
          visitRow(visit, row);
          if (++seen >= max) stop();
        },
        from,
      );
      if (!from && items === 0) throw new KeystashError('invalid-input', 'The Enpass export holds no items; nothing to import.');
      return from !== null;
    },
  };
}
