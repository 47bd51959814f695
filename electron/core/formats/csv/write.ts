// Writes CSV (RFC 4180, CRLF line ends) and guards against spreadsheet formula injection: a
// cell that starts with = + - @, a tab or a carriage return, or with any whitespace followed
// by one of those (spreadsheets skip leading spaces before a formula), is prefixed with an
// apostrophe so a spreadsheet shows it as text instead of running it. In Keystash's own
// (lossless) format a value that already starts with an apostrophe is prefixed too, so that
// the importer can remove exactly one apostrophe from every cell that has one and get the
// original back.
const NEEDS_QUOTES = /[",\r\n;\t]/;
// \s covers every Unicode space (no-break, ideographic, line breaks), not only ASCII ones.
const FORMULA_START = /^\s*[=+\-@]|^[\t\r]/;

export function guardFormula(value: string, lossless: boolean): string {
  return FORMULA_START.test(value) || (lossless && value.startsWith("'")) ? `'${value}` : value;
}

/** Undoes `guardFormula(value, true)`. */
export function unguardFormula(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

export function csvCell(value: string, lossless: boolean): string {
  const v = guardFormula(value, lossless);
  return NEEDS_QUOTES.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(values: readonly string[], lossless: boolean): string {
  return `${values.map((v) => csvCell(v, lossless)).join(',')}\r\n`;
}
