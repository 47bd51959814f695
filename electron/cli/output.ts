// Where the CLI writes: data (what a script consumes) goes to stdout, messages for the person
// at the terminal go to stderr, so `keystash list --json | jq` never sees a notice.
import { capMessage } from '../../shared/input-text';

export interface Sink {
  write(chunk: string): unknown;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  /** Cells longer than this are cut with an ellipsis so one long title cannot wreck the table. */
  max?: number;
}

/** Removes control characters so stored text cannot move the cursor or recolour a terminal. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

function oneLine(s: string): string {
  return printable(s.replace(/\r?\n/g, ' ↵ ').replace(/\t/g, ' '));
}

function cut(s: string, max: number | undefined): string {
  if (max === undefined || [...s].length <= max) return s;
  return `${[...s].slice(0, max - 1).join('')}…`;
}

function width(s: string): number {
  return [...s].length;
}

export function formatTable<T>(columns: Column<T>[], rows: T[]): string[] {
  const cells = rows.map((r) => columns.map((c) => cut(oneLine(c.value(r)), c.max)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i] ?? ''))));
  const line = (parts: string[]): string =>
    parts
      .map((p, i) => (i === parts.length - 1 ? p : p + ' '.repeat((widths[i] ?? 0) - width(p))))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
}

/** `label: value` lines with the labels padded to one width. */
export function formatPairs(pairs: [string, string][]): string[] {
  const w = Math.max(0, ...pairs.map(([k]) => width(k)));
  return pairs.map(([k, v]) => {
    const lines = printable(v).split(/\r?\n/);
    const pad = ' '.repeat(w + 2);
    return `${k}:${' '.repeat(w - width(k) + 1)}${lines.map((l, i) => (i === 0 ? l : pad + l)).join('\n')}`;
  });
}

export class Output {
  constructor(
    private readonly stdout: Sink = process.stdout,
    private readonly stderr: Sink = process.stderr,
  ) {}

  /** One line of data on stdout. */
  data(line = ''): void {
    this.stdout.write(`${line}\n`);
  }

  /** Text on stdout exactly as given (no newline added). */
  raw(text: string): void {
    this.stdout.write(text);
  }

  lines(lines: string[]): void {
    for (const l of lines) this.data(l);
  }

  json(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  table<T>(columns: Column<T>[], rows: T[]): void {
    this.lines(formatTable(columns, rows));
  }

  /** A message for the person at the terminal (stderr). */
  note(message: string): void {
    this.stderr.write(`${message}\n`);
  }

  error(message: string): void {
    // Capped and made printable here too: messages that are not KeystashErrors (parseArgs
    // quotes unknown options) and ones that quote an argument unshortened reach this line.
    this.stderr.write(`keystash: ${printable(capMessage(message))}\n`);
  }
}
