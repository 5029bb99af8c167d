/**
 * `check`: everything that is wrong with a workbook, each with its address: missing tabs and columns,
 * cells the engine cannot read, broken balances, statuses that drifted from their quantities.
 * `--repair` adds what setup would add, then re-derives statuses and queues (logged like any action);
 * broken balances are reported, never guessed at.
 */

import { type Columns, keyOf, type TabSpec } from '../../../shared/columns';
import { runCommand } from '../../../shared/commands/run';
import type { CommandContext } from '../../../shared/desk';
import { DeskError } from '../../../shared/errors';
import { checkInvariants } from '../../../shared/invariants';
import type { SpreadsheetPort } from '../../../shared/ports';
import { reorderReport } from '../../../shared/reorder';
import { planSetup } from '../../../shared/setup';
import { type DecodedTabs, decodeWorkbook, TAB_KEYS, TABS } from '../../../shared/workbook';
import { ALL_TAB_NAMES } from './load';
import { runAction } from './run-action';
import { setupWorkbook } from './setup-workbook';

export interface CheckReport {
  readonly problems: string[];
  readonly repaired: string[];
  /** Low stock (003): not a problem with the workbook, so they never fail the check. */
  readonly alerts: string[];
}

function rowOf(tabs: DecodedTabs, tabName: string, key: string): string {
  const k = TAB_KEYS.find((t) => TABS[t].name === tabName);
  if (!k) return tabName;
  const tab = tabs[k] as unknown as { byKey: Map<string, number>; rowNumbers: number[] };
  const at = tab.byKey.get(key);
  return at === undefined ? tabName : `${tabName}!A${tab.rowNumbers[at]}`;
}

export async function checkWorkbook(
  port: SpreadsheetPort,
  ctx: CommandContext,
  repair: boolean,
): Promise<CheckReport> {
  const { tabs: raw, timeZone } = await port.read(ALL_TAB_NAMES);
  const problems: string[] = [];
  const plan = planSetup(raw);
  if (plan.newTabs.length > 0 || plan.patches.length > 0)
    problems.push(...plan.report.map((r) => `setup: ${r}`));
  let decoded: ReturnType<typeof decodeWorkbook> | undefined;
  try {
    decoded = decodeWorkbook(raw, { face: 'api', timeZone });
  } catch (e) {
    if (!(e instanceof DeskError)) throw e;
    problems.push(...(e.details.length > 0 ? e.details : [e.message]));
  }
  let drift = 0;
  if (decoded) {
    for (const v of checkInvariants(decoded.workbook))
      problems.push(`${rowOf(decoded.tabs, v.tab, v.key)} (${v.key}): ${v.message}`);
    const dry = runCommand(decoded.workbook, { action: 'refresh' }, ctx);
    for (const [tab, c] of Object.entries(dry.changes)) {
      if (tab === 'log' || !c) continue;
      const spec = TABS[tab as keyof typeof TABS] as unknown as TabSpec<Columns>;
      for (const r of c.updated) {
        drift += 1;
        problems.push(
          `${rowOf(decoded.tabs, spec.name, keyOf(spec, r as never))}: status or queue position out of date`,
        );
      }
    }
  }
  const alerts = decoded
    ? reorderReport(decoded.workbook.inventory, decoded.workbook.backorders, decoded.workbook.pos)
        .filter((r) => r.lowStock)
        .map(
          (r) =>
            `low stock: ${r.sku} at ${r.warehouse} has ${r.onHand - r.allocated} free, under its reorder point ${r.reorderPoint} (${r.onOrder} on order${r.suggested > 0 ? `; reorder suggests ${r.suggested}` : ''})`,
        )
    : [];
  const repaired: string[] = [];
  if (repair) {
    if (plan.newTabs.length > 0 || plan.patches.length > 0)
      repaired.push(...(await setupWorkbook(port, ctx)));
    if (drift > 0 || !decoded) {
      const result = await runAction(
        port,
        { action: 'refresh' },
        { ...ctx, requestId: `${ctx.requestId}:refresh` },
      );
      repaired.push(`statuses and queues re-derived (${JSON.stringify(result.changed)})`);
    }
  }
  return { problems, repaired, alerts };
}
