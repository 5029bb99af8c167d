/**
 * Export cells are neutralised against formula injection (OWASP "CSV Injection"): a text cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe, so `=HYPERLINK("http://x","y")` opens as the text it is.
 */

const DANGEROUS_START = /^[=+\-@\t\r]/;

/** @example neutraliseCell('=1+1') // "'=1+1" */
export function neutraliseCell(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'string' && DANGEROUS_START.test(value) ? `'${value}` : value;
}
