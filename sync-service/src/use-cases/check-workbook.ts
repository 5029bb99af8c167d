/**
 * `check`: everything that is wrong with a workbook, each with its address (shared/setup/inspect.ts).
 * `--repair` adds what setup would add, then re-derives statuses and queues (logged like any action);
 * broken balances are reported, never guessed at.
 */
import type { CommandContext } from '../../../shared/desk';
import type { SpreadsheetPort } from '../../../shared/ports';
import { inspectWorkbook } from '../../../shared/setup/inspect';
import { ALL_TAB_NAMES } from './load';
import { runAction } from './run-action';
import { setupWorkbook } from './setup-workbook';

export interface CheckReport {
  readonly problems: string[];
  readonly repaired: string[];
  /** Low stock (003): not a problem with the workbook, so they never fail the check. */
  readonly alerts: string[];
}

export async function checkWorkbook(
  port: SpreadsheetPort,
  ctx: CommandContext,
  repair: boolean,
): Promise<CheckReport> {
  const { tabs: raw, timeZone } = await port.read(ALL_TAB_NAMES);
  const { problems, alerts, needsSetup, needsRefresh } = inspectWorkbook(raw, timeZone, 'api', ctx);
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
  }
  return { problems, repaired, alerts };
}
