/**
 * Runs one core command against a spreadsheet: one read, the core's decision, one write holding every
 * changed cell and the Log row. The same function serves the CLI on a local file and, through the
 * Sheets API port, a real spreadsheet.
 */

import { type CommandResult, runCommand } from '../../../shared/commands/run';
import type { Command } from '../../../shared/commands/schema';
import type { CommandContext } from '../../../shared/desk';
import type { SpreadsheetPort } from '../../../shared/ports';
import { planWrites } from '../../../shared/workbook';
import { loadWorkbook } from './load';

export async function runAction(
  port: SpreadsheetPort,
  command: Command,
  ctx: CommandContext,
): Promise<CommandResult> {
  const { workbook, tabs, context } = await loadWorkbook(port);
  const outcome = runCommand(workbook, command, ctx);
  await port.write(planWrites(tabs, outcome.changes, 'engine', context));
  return outcome.result;
}
