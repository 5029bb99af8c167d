/**
 * `aging`: rebuilds the Aging tab from the core's report, one read of the tabs it reports from
 * (shared/io/read-plan.ts `AGING_TABS`: not Orders, Invoices or Calls) and one write (the tab's whole
 * content replaced, plus the Log row).
 */
import type { CommandContext } from '../../../shared/desk';
import { AGING_TABS, batchTabNames } from '../../../shared/io/read-plan';
import { planAging } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import type { AgingSheet } from '../../../shared/reports/render-aging';
import { AGING_TAB } from '../../../shared/workbook';
import { loadWorkbook } from './load';

export async function rebuildAging(
  port: SpreadsheetPort,
  ctx: CommandContext,
): Promise<AgingSheet & { summary: string }> {
  const { patches, newTabs, ...sheet } = planAging(
    await loadWorkbook(port, batchTabNames(AGING_TABS, [AGING_TAB])),
    ctx,
  );
  await port.write(patches, newTabs);
  return sheet;
}
