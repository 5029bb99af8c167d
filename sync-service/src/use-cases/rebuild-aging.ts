/**
 * `aging`: rebuilds the Aging tab from the core's report, one read and one write (the tab's whole
 * content replaced, plus the Log row).
 */
import type { CommandContext } from '../../../shared/desk';
import { planAging } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import type { AgingSheet } from '../../../shared/render-aging';
import { loadWorkbook } from './load';

export async function rebuildAging(
  port: SpreadsheetPort,
  ctx: CommandContext,
): Promise<AgingSheet & { summary: string }> {
  const { patches, newTabs, ...sheet } = planAging(await loadWorkbook(port), ctx);
  await port.write(patches, newTabs);
  return sheet;
}
