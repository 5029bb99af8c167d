/**
 * Tab export: every column of a tab, people's own included, as CSV rows or JSON records. Dates leave as
 * ISO text, money as decimal numbers, formula columns with the values their formulas show, and text
 * that a spreadsheet would run as a formula is neutralised.
 */

import { type IsoDate, isoDateToSerial } from '../primitives/dates';
import { formulaColumns } from '../setup/sheet-rules';
import type { Cell, CellContext } from '../sheet/cells';
import { decodeCell, isEmptyCell } from '../sheet/cells';
import type { RawTab } from '../sheet/codec';
import { indexColumns } from '../sheet/codec';
import { type Columns, normalizeHeader, type TabSpec } from '../sheet/columns';
import { neutraliseCell } from '../sheet/csv-safety';

type Plain = string | number | boolean | null;

/** Cell as a plain value: dates of known date columns become YYYY-MM-DD. */
function plain(cell: Cell, column: Columns[string] | undefined, ctx: CellContext): Plain {
  if (isEmptyCell(cell)) return '';
  if (column && (column.kind === 'date' || column.kind === 'timestamp')) {
    const d = decodeCell(column, cell, ctx);
    if (d.ok && typeof d.value === 'string') return d.value;
  }
  if (cell instanceof Date) return cell.toISOString();
  return cell as Plain;
}

function columnsByIndex(spec: TabSpec<Columns>, raw: RawTab): (Columns[string] | undefined)[] {
  const header = raw.values[0] ?? [];
  const index = indexColumns(spec, header);
  const out: (Columns[string] | undefined)[] = header.map(() => undefined);
  for (const [field, i] of Object.entries(index)) if (i >= 0) out[i] = spec.columns[field];
  return out;
}

/**
 * The rows with their formula columns' values: a formula cell that holds nothing (a workbook the CLI
 * made has no formulas; a spreadsheet holds their results) gets the value its formula shows on
 * `today` (shared/setup/sheet-rules.ts `formulaColumns`). Without `today`, the rows as they are.
 */
function withFormulaValues(
  spec: TabSpec<Columns>,
  raw: RawTab,
  today?: IsoDate,
): readonly (readonly Cell[])[] {
  const formulas = today ? formulaColumns(spec.name) : [];
  if (formulas.length === 0 || !today) return raw.values;
  const header = raw.values[0] ?? [];
  const at = (name: string) => header.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
  const serial = isoDateToSerial(today);
  const columns = formulas.map((f) => ({ f, at: at(f.header) })).filter((x) => x.at >= 0);
  return raw.values.map((row, r) => {
    if (r === 0 || row.every(isEmptyCell) || columns.every((x) => !isEmptyCell(row[x.at]))) return row;
    const out = [...row];
    const cell = (name: string) => row[at(name)];
    for (const { f, at: c } of columns) if (isEmptyCell(out[c])) out[c] = f.value(cell, serial);
    return out;
  });
}

export function exportRows(
  spec: TabSpec<Columns>,
  raw: RawTab,
  ctx: CellContext,
  today?: IsoDate,
): Plain[][] {
  const cols = columnsByIndex(spec, raw);
  return withFormulaValues(spec, raw, today)
    .filter((row, i) => i === 0 || !row.every(isEmptyCell))
    .map((row) => cols.map((c, i) => neutraliseCell(plain(row[i] ?? '', c, ctx))));
}

export function exportRecords(
  spec: TabSpec<Columns>,
  raw: RawTab,
  ctx: CellContext,
  today?: IsoDate,
): Record<string, Plain>[] {
  const header = (raw.values[0] ?? []).map((h) => String(h ?? ''));
  const cols = columnsByIndex(spec, raw);
  return withFormulaValues(spec, raw, today)
    .slice(1)
    .filter((row) => !row.every(isEmptyCell))
    .map((row) => {
      const rec: Record<string, Plain> = {};
      header.forEach((h, i) => {
        if (normalizeHeader(h) !== '') rec[cols[i]?.header ?? h] = plain(row[i] ?? '', cols[i], ctx);
      });
      return rec;
    });
}
