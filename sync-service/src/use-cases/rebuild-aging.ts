/**
 * `aging`: rebuilds the Aging tab from the core's report, one read and one write (the tab's whole
 * content replaced, plus the Log row).
 */
import { computeAging } from '../../../shared/aging';
import type { RawTab, TabPatch } from '../../../shared/codec';
import type { CommandContext } from '../../../shared/desk';
import { makeLogEntry } from '../../../shared/log-entry';
import type { SpreadsheetPort } from '../../../shared/ports';
import { type AgingSheet, agingChart, renderAging } from '../../../shared/render-aging';
import { AGING_TAB, planWrites } from '../../../shared/workbook';
import { loadWorkbook } from './load';

export async function rebuildAging(
  port: SpreadsheetPort,
  ctx: CommandContext,
): Promise<AgingSheet & { summary: string }> {
  const { workbook, tabs, raw, context } = await loadWorkbook(port);
  const report = computeAging(workbook, ctx.today);
  const sheet = renderAging(report);
  const summary = `${report.kpis.openBackorders} open backorders, ${report.kpis.qtyWaiting} units, ${report.kpis.overdue} overdue, ${report.stale.length} stale, ${report.lowStock.length} low-stock SKUs`;
  const entry = makeLogEntry(workbook.log, ctx, { action: 'aging', entity: AGING_TAB, summary });
  const patches: TabPatch[] = planWrites(tabs, { log: { updated: [], added: [entry] } }, 'engine', context);
  const newTabs: RawTab[] = [];
  if (raw[AGING_TAB])
    patches.push({
      tab: AGING_TAB,
      writes: [],
      appends: [],
      replace: sheet.values,
      charts: [agingChart(workbook.config.AgingBuckets.length + 1)],
    });
  else
    newTabs.push({
      name: AGING_TAB,
      values: sheet.values,
      charts: [agingChart(workbook.config.AgingBuckets.length + 1)],
    });
  await port.write(patches, newTabs);
  return { ...sheet, summary };
}
