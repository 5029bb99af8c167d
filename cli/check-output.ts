/**
 * `check`'s text output: problems and repairs, then the verdict and, for a Google spreadsheet, its
 * cells against Google's limit (for a workbook file, its size against the longest text a command
 * can read and write), then the alerts, only the first few
 * of them: a shop with hundreds of SKUs under their reorder point would bury the verdict (`--json`
 * lists every one).
 */
import type { TextBudget } from '../local-store/text-limit';
import type { CellBudget } from '../shared/sheet/grid-plan';
import type { Io } from './io';

/** How many of `check`'s alerts its text output shows. */
export const ALERTS_SHOWN = 10;

export function printCheck(
  report: {
    readonly problems: readonly string[];
    readonly repaired: readonly string[];
    readonly alerts: readonly string[];
  },
  io: Io,
  /** A Google spreadsheet's cells against the limit (a workbook file has none). */
  cells?: CellBudget,
  /** A workbook file's size against the longest text a command can read and write (shown from 80 %). */
  text?: TextBudget,
): void {
  for (const p of report.problems) io.stdout(`problem: ${p}\n`);
  for (const r of report.repaired) io.stdout(`repaired: ${r}\n`);
  if (report.problems.length === 0) io.stdout('workbook OK: every tab, column and balance checks out\n');
  if (cells) io.stdout(`cells: ${cells.message}\n`);
  // A file far from the limit says nothing (--json always carries its budget).
  if (text && text.level !== 'ok') io.stdout(`file: ${text.message}\n`);
  for (const a of report.alerts.slice(0, ALERTS_SHOWN)) io.stdout(`alert: ${a}\n`);
  if (report.alerts.length > ALERTS_SHOWN)
    io.stdout(
      `… and ${report.alerts.length - ALERTS_SHOWN} more alerts (${report.alerts.length} in all; check --json lists every one, do reorder drafts POs for them)\n`,
    );
}
