/**
 * Runs one core command against a spreadsheet: one read, the core's decision, one write holding every
 * changed cell and the Log row. The same function serves the CLI on a local file and, through the
 * Sheets API port, a real spreadsheet. A port that holds its tabs in memory (a workbook file) hands
 * out rows instead, and the command decodes only the rows it decides from, as the add-on reads them
 * (shared/io/command-scope.ts), with the Log's last LOG_TAIL_ROWS rows, so the undo images leaving undo's
 * window expire as it moves (shared/commands/action-detail.ts `expiredDetails`, which expires only
 * what it sees to be past the window). At 50,000 lines with a year of history, decoding every tab
 * was a quarter of a command.
 */
import type { CommandResult } from '../../../shared/commands/run';
import type { Command } from '../../../shared/commands/schema';
import type { CommandContext } from '../../../shared/desk';
import { commandScope } from '../../../shared/io/command-scope';
import { newKeysTaken } from '../../../shared/io/new-keys';
import { withUnreadAsEmpty } from '../../../shared/io/read-plan';
import { readScoped } from '../../../shared/io/row-scope';
import { LOG_TAIL_ROWS, type RowSource } from '../../../shared/io/scope-contract';
import { ALL_TAB_NAMES, decodeLoaded, planAction } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import { TAB_KEYS, TABS, type TabKey } from '../../../shared/workbook';
import { decodeNamed } from './load';

/** A port whose tabs are in memory, handed out as rows (local-store/file-spreadsheet.ts). */
interface RowsPort extends SpreadsheetPort {
  rowSource(): Promise<{ source: RowSource; timeZone: string }>;
}
const handsOutRows = (port: SpreadsheetPort): port is RowsPort =>
  typeof (port as Partial<RowsPort>).rowSource === 'function';

export async function runAction(
  port: SpreadsheetPort,
  command: Command,
  ctx: CommandContext,
  /**
   * No earlier try of this RequestID can have landed (the CLI made it up): a command with a scope
   * may then read the Log by its last rows on a port that can (a Google spreadsheet), since no
   * earlier Log row of it is to be found.
   */
  options: { firstTry?: boolean } = {},
): Promise<CommandResult> {
  const plan =
    (handsOutRows(port) ? await scopedPlan(port, command, ctx) : undefined) ??
    (await wholePlan(port, command, ctx, options.firstTry === true));
  await port.write(plan.patches);
  return plan.result;
}

/**
 * The plan from whole tabs. A command with a scope, on its first try (`firstTry`), on a port that
 * names its tabs (a Google spreadsheet), reads only the tabs it decides from (shared/io/read-plan.ts
 * `scopedCommandTabs`: a log-call no Invoices or Shipments), the Log by its last rows, and the other
 * tabs decode as empty, as the add-on reads them. Any other (a batch, a RequestID that may be an
 * earlier try's, a workbook missing a tab, to be refused with the way out) reads every tab.
 */
async function wholePlan(port: SpreadsheetPort, command: Command, ctx: CommandContext, firstTry: boolean) {
  const present = firstTry ? await port.tabNames?.() : undefined;
  const complete = present !== undefined && TAB_KEYS.every((k) => present.includes(TABS[k].name));
  const scope = complete ? commandScope(command) : undefined;
  const names = scope ? [...new Set<TabKey>([...scope.tabs, 'log'])].map((k) => TABS[k].name) : ALL_TAB_NAMES;
  const tails = scope ? { [TABS.log.name]: LOG_TAIL_ROWS } : undefined;
  const { tabs, timeZone, highestIds } = await port.read(names, tails);
  return planAction(decodeNamed(tabs, names, timeZone), command, highestIds ? { ...ctx, highestIds } : ctx);
}

/**
 * The plan from the rows `command` decides from, or undefined when it has no scope (a batch that
 * reads every tab), a tab is missing, or its new ids turn out taken below the rows read (people
 * sorted a tab): then it is planned from whole tabs, as in the add-on.
 */
async function scopedPlan(port: RowsPort, command: Command, ctx: CommandContext) {
  const scope = commandScope(command);
  if (!scope) return undefined;
  const { source, timeZone } = await port.rowSource();
  // A workbook missing a tab is read whole, to be refused with the way out (load.ts).
  if (TAB_KEYS.some((k) => !source.shape(TABS[k].name, false))) return undefined;
  const read = readScoped(source, scope.keys, {
    ...scope,
    tabs: [...new Set<TabKey>([...scope.tabs, 'log'])],
    tails: { log: LOG_TAIL_ROWS },
    requestId: ctx.requestId,
  });
  const plan = planAction(decodeLoaded(withUnreadAsEmpty(read.tabs), timeZone, 'api'), command, ctx);
  return newKeysTaken(source, read.tabs, read.sparse, plan.patches) ? undefined : plan;
}
