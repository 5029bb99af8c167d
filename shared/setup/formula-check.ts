/**
 * `check`'s look at the formula columns (shared/setup/sheet-rules.ts `formulaColumns`: Inventory's
 * Available, a backorder's Age) where a command line edge keeps the workbook: a row with content
 * whose cell holds no formula. A blank one is what a workbook made or grown by the CLI or the sync
 * has (they write values only): exports compute its value all the same, but a person reading the
 * spreadsheet sees it blank, so `check` says so and `check --repair` writes the formulas. A value
 * typed where the formula belongs is a person's: reported, never overwritten (the add-on keeps it
 * too). Neither fails the check. Pure: the port gives the formulas it holds.
 */

import { columnLetter } from '../sheet/a1';
import type { Cell } from '../sheet/cells';
import type { RawTab } from '../sheet/codec';
import { normalizeHeader } from '../sheet/columns';
import { formulaColumns } from './sheet-rules';

/** One formula cell to write (1-based row, 0-based column). */
export interface FormulaCell {
  readonly tab: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** Which cell of each formula column a port is asked for: its tab and 0-based column. */
export function formulaColumnsOf(raw: Record<string, RawTab>): { tab: string; col: number }[] {
  return Object.values(raw).flatMap((tab) => {
    const header = tab.values[0] ?? [];
    return formulaColumns(tab.name).flatMap((f) => {
      const col = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(f.header));
      return col < 0 ? [] : [{ tab: tab.name, col }];
    });
  });
}

const blank = (v: Cell | undefined) => v === '' || v === null || v === undefined;

/** Rows as "2–301" runs: consecutive numbers joined. */
function runs(rows: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && (rows[j + 1] as number) === (rows[j] as number) + 1) j++;
    out.push(i === j ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * What `check` says of the formula columns, and the formulas `--repair` writes: for every row with
 * content (its first cell filled) whose formula cell holds no formula, the formula when the cell is
 * blank (`missing` says so, `repairs` holds them when `repairing`: a check that only reports makes
 * none of the tens of thousands a CLI-made workbook lacks), a report when a value was typed there
 * (`typed`).
 */
export function formulaFindings(
  raw: Record<string, RawTab>,
  /** The formulas a column holds, by 1-based row. */
  formulasOf: (tab: string, col: number) => ReadonlyMap<number, string>,
  repairing = true,
): { missing: string[]; typed: string[]; repairs: FormulaCell[] } {
  const alerts: string[] = [];
  const typedAlerts: string[] = [];
  const repairs: FormulaCell[] = [];
  for (const { tab, col } of formulaColumnsOf(raw)) {
    const values = raw[tab]?.values ?? [];
    const header = values[0] ?? [];
    const column = formulaColumns(tab).find(
      (f) => normalizeHeader(f.header) === normalizeHeader(header[col]),
    );
    if (!column) continue;
    const held = formulasOf(tab, col);
    const missing: number[] = [];
    const typed: number[] = [];
    values.forEach((row, i) => {
      const r = i + 1;
      if (i === 0 || blank(row[0]) || held.has(r)) return;
      if (blank(row[col])) missing.push(r);
      else typed.push(r);
    });
    const at = `${tab}!${columnLetter(col)}`;
    if (missing.length > 0) {
      alerts.push(
        `${at}: ${column.header} has no formula in ${missing.length} row(s) (${runs(missing)}): exports compute it, a spreadsheet opened on the workbook shows it blank; check --repair writes the formulas`,
      );
      if (repairing)
        for (const r of missing) repairs.push({ tab, row: r, col, formula: column.formula(r, header) });
    }
    if (typed.length > 0)
      typedAlerts.push(
        `${at}: ${column.header} holds a typed value instead of its formula in ${typed.length} row(s) (${runs(typed)}): kept as typed`,
      );
  }
  return { missing: alerts, typed: typedAlerts, repairs };
}
