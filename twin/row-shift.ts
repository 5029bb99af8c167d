/**
 * Rows inserted or deleted move what hangs on a cell with them, as Sheets does: formulas (whose row
 * references shift too; a reference to a deleted row becomes #REF!), notes and single-cell number
 * formats, all kept by A1 in the twin's sheet. Used by `Sheet.deleteRow` / `insertRowsAfter` and the
 * API's `deleteDimension` / `insertDimension`.
 */
import type { Sheet } from '../local-store/workbook-file';

const CELL = /^([A-Z]+)(\d+)$/;

/** A 0-based row after the change, or undefined when the row was deleted. */
function moved(row: number, start: number, count: number): number | undefined {
  if (row < start) return row;
  if (count < 0 && row < start - count) return undefined;
  return row + count;
}

/** Row references in a formula after the change ("=C6-D6" → "=C5-D5"); deleted rows read #REF!. */
export function shiftFormula(formula: string, start: number, count: number): string {
  // Outside quoted strings only; cross-sheet references are shifted alike (the twin's formulas refer
  // to their own row).
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)\b/g, (_all, d1, col, d2, r) => {
            const to = moved(Number(r) - 1, start, count);
            return to === undefined ? '#REF!' : `${d1}${col}${d2}${to + 1}`;
          }),
    )
    .join('');
}

function shiftKeys<T>(map: Record<string, T> | undefined, start: number, count: number, value: (v: T) => T) {
  if (!map) return map;
  const out: Record<string, T> = {};
  for (const [key, v] of Object.entries(map)) {
    const m = CELL.exec(key);
    if (!m) {
      out[key] = v;
      continue;
    }
    const to = moved(Number(m[2]) - 1, start, count);
    if (to !== undefined) out[`${m[1]}${to + 1}`] = value(v);
  }
  return out;
}

/** Moves formulas, notes and cell formats for `count` rows inserted (> 0) or deleted (< 0) at `start` (0-based). */
export function shiftRows(sheet: Sheet, start: number, count: number): void {
  sheet.formulas = shiftKeys(sheet.formulas, start, count, (f) => shiftFormula(f, start, count)) ?? {};
  const meta = sheet.metadata as Record<string, unknown>;
  for (const key of ['notes', 'cellFormats'])
    if (meta[key]) meta[key] = shiftKeys(meta[key] as Record<string, string>, start, count, (v) => v);
}
