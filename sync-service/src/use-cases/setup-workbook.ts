/**
 * `init`: creates or upgrades every tab in one read and one write, and logs what it did.
 */
import type { CommandContext } from '../../../shared/desk';
import { ALL_TAB_NAMES, planInit } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';

export async function setupWorkbook(port: SpreadsheetPort, ctx: CommandContext): Promise<string[]> {
  const { tabs, timeZone } = await port.read(ALL_TAB_NAMES);
  const plan = planInit(tabs, timeZone, ctx);
  if (plan.patches.length > 0 || plan.newTabs.length > 0) await port.write(plan.patches, plan.newTabs);
  return plan.report;
}
