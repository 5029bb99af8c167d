/**
 * The one port between the core and a spreadsheet: read the tabs an action needs (each tab once), and
 * write its patches (each tab once). The local workbook file, the local twin and the Sheets API each
 * implement it at the edge; use-cases depend only on this.
 */
import type { FormulaCell } from './setup/formula-check';
import type { RawTab, TabPatch } from './sheet/codec';

export interface SpreadsheetPort {
  /**
   * Reads whole tabs by name in one batch; a missing tab is absent from the result. `tails` names
   * tabs the caller adds to and decides nothing from the past of (a sync's Log and Calls), with how
   * many last rows it needs: a port may read only those, their other rows empty, and then gives the
   * highest number of each id prefix in their key columns (`highestIds`, for the core's
   * `ctx.highestIds`). A workbook file reads them whole.
   */
  read(
    tabNames: readonly string[],
    tails?: Readonly<Record<string, number>>,
  ): Promise<{ tabs: Record<string, RawTab>; timeZone: string; highestIds?: Record<string, number> }>;
  /**
   * Reads whole tabs to look at only (`check`): the caller changes none of the values, so a port may
   * hand out the rows it holds instead of copies (a workbook file: no copy of every row). Optional:
   * `read` serves otherwise.
   */
  view?(tabNames: readonly string[]): Promise<{ tabs: Record<string, RawTab>; timeZone: string }>;
  /** Applies every patch in one batch; new header cells and new tabs come as patches too. */
  write(patches: readonly TabPatch[], newTabs?: readonly RawTab[]): Promise<void>;
  /**
   * The cells of every sheet's grid, where the spreadsheet is Google's (its 10 million limit:
   * shared/sheet/grid-plan.ts `cellBudget`); undefined for a workbook file.
   */
  cellsUsed?(): Promise<number>;
  /**
   * The names of the spreadsheet's tabs, from what the port fetches first anyway (no request of its
   * own): a command may then read only the tabs it decides from and still refuse a workbook missing
   * one. Optional: a workbook file hands out rows instead.
   */
  tabNames?(): Promise<readonly string[]>;
  /**
   * Ends a read–write cycle that wrote nothing (a port that locks what it reads, such as a local
   * workbook file, lets the next process in). Optional: a Google spreadsheet has nothing to release.
   */
  release?(): Promise<void>;
  /**
   * Installs the tabs' rules (shared/setup/sheet-rules.ts: frozen header, number formats, validation,
   * protection, colours) for tabs as they now stand, idempotently; returns a line per tab dressed.
   * Optional: a Google spreadsheet over the API has them; the add-on applies the same rules through
   * its own services, and a local workbook file keeps only values.
   */
  dress?(tabs: Record<string, RawTab>): Promise<string[]>;
  /**
   * The formulas the given columns (0-based) hold, by 1-based row, one map per column asked (check:
   * shared/setup/formula-check.ts). Optional: the add-on reads them through its own services.
   */
  formulas?(columns: readonly { tab: string; col: number }[]): Promise<ReadonlyMap<number, string>[]>;
  /**
   * Writes formulas of the engine's own (check --repair) into these cells, then `patches` (its Log
   * row): in one save where the port can, the formulas first where it cannot.
   */
  writeFormulas?(cells: readonly FormulaCell[], patches: readonly TabPatch[]): Promise<void>;
}
