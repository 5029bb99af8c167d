/**
 * Runs one core command against a spreadsheet: one read, the core's decision, one write holding every
 * changed cell and the Log row. The same function serves the CLI on a local file and, through the
 * Sheets API port, a real spreadsheet.
 */
import type { CommandResult } from '../../../shared/commands/run';
import type { Command } from '../../../shared/commands/schema';
import type { CommandContext } from '../../../shared/desk';
import { planAction } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import { loadWorkbook } from './load';

export async function runAction(
  port: SpreadsheetPort,
  command: Command,
  ctx: CommandContext,
): Promise<CommandResult> {
  const plan = planAction(await loadWorkbook(port), command, ctx);
  await port.write(plan.patches);
  return plan.result;
}
