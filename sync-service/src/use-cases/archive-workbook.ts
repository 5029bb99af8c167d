/**
 * `archive`: moves orders closed before a date, with their backorders, shipments and calls, into an
 * archive workbook file (created when missing), keeping every column people added
 * (shared/bulk/archive-move.ts decides). The working workbook's balances are checked before anything
 * is read of the archive or written; the archive is written first, then the working workbook drops
 * the rows in one write, so a run cut short can simply be run again.
 */
import {
  planArchiveCopy,
  planArchiveRemoval,
  planArchiveRemovalWrite,
} from '../../../shared/bulk/archive-move';
import type { CommandContext } from '../../../shared/desk';
import type { SpreadsheetPort } from '../../../shared/ports';
import type { IsoDate } from '../../../shared/primitives/dates';
import { ALL_TAB_NAMES, loadWorkbook } from './load';

export async function archiveWorkbook(
  main: SpreadsheetPort,
  archive: SpreadsheetPort,
  before: IsoDate,
  ctx: CommandContext,
): Promise<string> {
  const m = await loadWorkbook(main);
  const removal = planArchiveRemoval(m, before);
  const { tabs: held, timeZone } = await archive.read(ALL_TAB_NAMES);
  const copy = planArchiveCopy(m, removal, held, timeZone, ctx);
  await archive.write(copy.patches, copy.newTabs);
  await main.write(planArchiveRemovalWrite(m, removal, ctx));
  return removal.summary;
}
