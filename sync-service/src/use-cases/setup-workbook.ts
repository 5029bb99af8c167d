/**
 * `init`: creates or upgrades every tab in one read and one write, logs what it did, and on a Google
 * spreadsheet installs the same rules as the add-on's Set up (number formats, validation,
 * protection, colours: one plan, shared/setup/sheet-rules.ts, applied by each edge).
 */
import type { CommandContext } from '../../../shared/desk';
import { ALL_TAB_NAMES, planInit, tabsAfter } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';

export async function setupWorkbook(port: SpreadsheetPort, ctx: CommandContext): Promise<string[]> {
  const { tabs, timeZone } = await port.read(ALL_TAB_NAMES);
  const plan = planInit(tabs, timeZone, ctx);
  if (plan.patches.length > 0 || plan.newTabs.length > 0) await port.write(plan.patches, plan.newTabs);
  const dressed = port.dress ? await port.dress(tabsAfter(tabs, plan)) : [];
  return [...plan.report, ...dressed];
}
