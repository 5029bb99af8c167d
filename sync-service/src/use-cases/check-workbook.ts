/**
 * `check`: everything that is wrong with a workbook, each with its address (shared/setup/inspect.ts).
 * `--repair` adds what setup would add, then re-derives statuses and queues (logged like any action),
 * then writes the formulas of blank formula cells (shared/setup/formula-check.ts); broken balances
 * are reported, never guessed at.
 */
import type { CommandContext } from '../../../shared/desk';
import { makeLogEntry } from '../../../shared/log-entry';
import type { SpreadsheetPort } from '../../../shared/ports';
import { formulaColumnsOf, formulaFindings } from '../../../shared/setup/formula-check';
import { inspectWorkbook } from '../../../shared/setup/inspect';
import { planWrites, TABS } from '../../../shared/workbook';
import { ALL_TAB_NAMES, decodeNamed, loadWorkbook } from './load';
import { runAction } from './run-action';
import { setupWorkbook } from './setup-workbook';

export interface CheckReport {
  readonly problems: string[];
  readonly repaired: string[];
  /**
   * Formula cells a person reading the sheet sees blank or typed over, then low stock (003): not
   * problems with the workbook, so they never fail the check.
   */
  readonly alerts: string[];
}

export async function checkWorkbook(
  port: SpreadsheetPort,
  ctx: CommandContext,
  repair: boolean,
): Promise<CheckReport> {
  // Looked at, never changed: a repair below writes through the port and never uses `raw` after.
  const { tabs: raw, timeZone } = await (port.view ? port.view(ALL_TAB_NAMES) : port.read(ALL_TAB_NAMES));
  const inspection = inspectWorkbook(raw, timeZone, 'api', ctx);
  const { problems, needsSetup, needsRefresh } = inspection;
  // The formula columns where this edge keeps them: said first, before the low-stock list.
  const columns = formulaColumnsOf(raw);
  const held = port.formulas ? await port.formulas(columns) : undefined;
  const formulas = held
    ? formulaFindings(
        raw,
        (tab, col) => held[columns.findIndex((c) => c.tab === tab && c.col === col)] ?? new Map(),
        repair,
      )
    : { missing: [], typed: [], repairs: [] };
  // Blank formula cells are said until a repair writes them; typed values are a person's, said always.
  const mends = repair && formulas.repairs.length > 0 && port.writeFormulas !== undefined;
  const alerts = [...(mends ? [] : formulas.missing), ...formulas.typed, ...inspection.alerts];
  const repaired: string[] = [];
  if (repair) {
    if (needsSetup) repaired.push(...(await setupWorkbook(port, ctx)));
    if (needsRefresh) {
      const result = await runAction(
        port,
        { action: 'refresh' },
        { ...ctx, requestId: `${ctx.requestId}:refresh` },
      );
      repaired.push(`statuses and queues re-derived (${JSON.stringify(result.changed)})`);
    }
    if (mends && port.writeFormulas) {
      const summary = `formulas written in ${formulas.repairs.length} blank formula cell(s)`;
      // The Log for the next LogID: read again only when a repair above added to it.
      const log = [TABS.log.name];
      const m = needsSetup || needsRefresh ? await loadWorkbook(port, log) : decodeNamed(raw, log, timeZone);
      const entry = makeLogEntry(m.workbook.log, ctx, { action: 'check', entity: 'Workbook', summary });
      await port.writeFormulas(
        formulas.repairs,
        planWrites(m.tabs, { log: { updated: [], added: [entry] } }, 'engine', m.context),
      );
      repaired.push(summary);
    }
  }
  return { problems, repaired, alerts };
}
