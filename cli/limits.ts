/**
 * The limits a command checks before it works: Google's 10 million cells for a spreadsheet, the
 * longest text for a workbook file (local-store/text-limit.ts), and the memory this process may use
 * to read it (local-store/memory-limit.ts, whose full level refuses every command before the read).
 * Past 80 % of any every command warns on stderr; when one is full only the ways out run (archive
 * moves history out; check and export only read), every other command is refused naming the way out.
 */
import { memoryBudget } from '../local-store/memory-limit';
import { type TextBudget, textBudget } from '../local-store/text-limit';
import type { SpreadsheetPort } from '../shared/ports';
import { DeskError } from '../shared/primitives/errors';
import { type CellBudget, cellBudget } from '../shared/sheet/grid-plan';
import type { Io } from './io';

const WAYS_OUT: readonly string[] = ['archive', 'check', 'export'];

/**
 * Where the spreadsheet (`cells`) or workbook file (`text`; `file.bytes` the JSON file's,
 * `file.diskBytes` with its history, for the memory) stands; refuses `command` at a full one.
 */
export async function heedLimits(
  port: SpreadsheetPort,
  file: { readonly bytes: number; readonly diskBytes: number } | undefined,
  command: string,
  io: Io,
): Promise<{ cells?: CellBudget; text?: TextBudget }> {
  const used = await port.cellsUsed?.();
  const cells = used === undefined ? undefined : cellBudget(used);
  const text = file && textBudget(file.bytes);
  const memory = file && memoryBudget(file.diskBytes);
  for (const budget of [cells, text, memory]) {
    if (!budget) continue;
    if (budget.level === 'full' && !WAYS_OUT.includes(command))
      throw new DeskError('REFUSED', budget.message);
    if (budget.level !== 'ok') io.stderr(`warning: ${budget.message}\n`);
  }
  return { cells, text };
}
