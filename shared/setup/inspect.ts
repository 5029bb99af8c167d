/**
 * Everything wrong with a workbook as read, each with its address: missing tabs and columns, cells the
 * engine cannot read, broken balances, statuses that drifted from their quantities; and low-stock
 * alerts, which never fail a check. Pure: the CLI's `check` and the add-on's Check workbook both call it
 * and then repair through their own ports (setup, then the `refresh` command).
 */

import { runCommand } from '../commands/run';
import type { CommandContext } from '../desk';
import { checkInvariants } from '../invariants';
import { templateProblems } from '../notices';
import { ADDRESS_EXPECTED, addresses } from '../notify';
import { DeskError } from '../primitives/errors';
import { reorderReport } from '../reorder';
import { columnLetter } from '../sheet/a1';
import type { CellContext } from '../sheet/cells';
import type { RawTab } from '../sheet/codec';
import { keyOf } from '../sheet/columns';
import { type DecodedTabs, decodeWorkbook, TAB_KEYS, TABS, tabSpec } from '../workbook';
import { planSetup } from './setup';

export interface Inspection {
  readonly problems: string[];
  readonly alerts: string[];
  /** Setup would add tabs, columns or settings. */
  readonly needsSetup: boolean;
  /** The refresh command would change statuses or queues, or the workbook cannot be decoded. */
  readonly needsRefresh: boolean;
}

function rowOf(tabs: DecodedTabs, tabName: string, key: string): string {
  const k = TAB_KEYS.find((t) => TABS[t].name === tabName);
  if (!k) return tabName;
  const tab = tabs[k] as unknown as { byKey: Map<string, number>; rowNumbers: number[] };
  const at = tab.byKey.get(key);
  return at === undefined ? tabName : `${tabName}!A${tab.rowNumbers[at]}`;
}

/** Templates with a hole and addresses that are not addresses: a notice would go wrong or not at all. */
function noticeProblems({ workbook, tabs }: ReturnType<typeof decodeWorkbook>): string[] {
  const problems = templateProblems(workbook.settings, (i) => tabs.settings.rowNumbers[i] as number);
  const column = columnLetter(tabs.orders.columnIndex.customerEmail);
  workbook.orders.forEach((l, i) => {
    if (l.customerEmail.trim() !== '' && !addresses(l.customerEmail))
      problems.push(
        `Orders!${column}${tabs.orders.rowNumbers[i]}: CustomerEmail ${ADDRESS_EXPECTED}, got "${l.customerEmail}"`,
      );
  });
  return problems;
}

export function inspectWorkbook(
  raw: Record<string, RawTab>,
  timeZone: string,
  face: CellContext['face'],
  ctx: CommandContext,
): Inspection {
  const problems: string[] = [];
  const plan = planSetup(raw);
  const needsSetup = plan.newTabs.length > 0 || plan.patches.length > 0;
  if (needsSetup) problems.push(...plan.report.map((r) => `setup: ${r}`));
  let decoded: ReturnType<typeof decodeWorkbook> | undefined;
  try {
    decoded = decodeWorkbook(raw, { face, timeZone });
  } catch (e) {
    if (!(e instanceof DeskError)) throw e;
    problems.push(...(e.details.length > 0 ? e.details : [e.message]));
  }
  let drift = 0;
  if (decoded) {
    for (const v of checkInvariants(decoded.workbook))
      problems.push(`${rowOf(decoded.tabs, v.tab, v.key)} (${v.key}): ${v.message}`);
    problems.push(...noticeProblems(decoded));
    const dry = runCommand(decoded.workbook, { action: 'refresh' }, ctx);
    for (const [tab, c] of Object.entries(dry.changes)) {
      if (tab === 'log' || !c) continue;
      const spec = tabSpec(tab as keyof typeof TABS);
      for (const r of c.updated) {
        drift += 1;
        problems.push(
          `${rowOf(decoded.tabs, spec.name, keyOf(spec, r as never))}: status or queue position out of date`,
        );
      }
    }
  }
  const alerts = decoded
    ? reorderReport(
        decoded.workbook.inventory,
        decoded.workbook.backorders,
        decoded.workbook.pos,
        decoded.workbook.orders,
      )
        .filter((r) => r.lowStock)
        .map(
          (r) =>
            `low stock: ${r.sku} at ${r.warehouse} has ${r.onHand - r.allocated} free, under its reorder point ${r.reorderPoint} (${r.onOrder} on order${r.suggested > 0 ? `; reorder suggests ${r.suggested}` : ''})`,
        )
    : [];
  return { problems, alerts, needsSetup, needsRefresh: drift > 0 || !decoded };
}
