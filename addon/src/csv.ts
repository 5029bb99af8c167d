/**
 * RFC 4180 CSV for the add-on's invoice export: every field quoted, quotes doubled, CRLF between
 * records. The Node edges use csv-stringify; it leans on Node's stream module, which Apps Script lacks.
 * Cells are already neutralised against formula injection by the core (shared/sheet/csv-safety.ts).
 */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return `${rows.map((r) => r.map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`;
}
