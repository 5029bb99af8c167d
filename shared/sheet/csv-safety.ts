/**
 * Export cells are neutralised against formula injection (OWASP "CSV Injection"): a text cell that a
 * spreadsheet would run as a formula, or that starts with a character a spreadsheet skips before it
 * looks for one, gets a leading apostrophe, so `=HYPERLINK("http://x","y")` opens as the text it is.
 * The leading characters: = + - @, their full-width forms (which some spreadsheet programs accept), and
 * NUL, tab, line feed and carriage return. Line breaks inside a cell are the CSV writer's business: it
 * quotes every such field (sync-service/src/use-cases/csv-text.ts, addon/src/csv.ts).
 */

const DANGEROUS_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\0\t\n\r]/;

/** @example neutraliseCell('=1+1') // "'=1+1" */
export function neutraliseCell(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'string' && DANGEROUS_START.test(value) ? `'${value}` : value;
}
