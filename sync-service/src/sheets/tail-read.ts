/**
 * History tabs read by their last rows through the Sheets API: a sync run adds rows to the Log and
 * Calls and decides nothing from their past, so reading them whole made its download grow with every
 * day of history (4.3 of 22 MiB at 50,000 lines with a year of it). The first batchGet takes such a
 * tab's header and key column (`'Log'!1:1`, `'Log'!A:A`: the highest id of each prefix, and the last
 * row with a key); a second takes its rows from `keep` above that row to the end of the grid, so the
 * last row with content in any column is seen and a new row never lands on a cell a person typed
 * below the data. A tab whose key column is not A (a person moved it) is read whole instead. The
 * rows not read come back empty, keeping every row's number, as the add-on's scoped reads do.
 */

import { ID_PREFIXES } from '../../../shared/io/index-ids';
import { highestId } from '../../../shared/primitives/ids';
import type { Cell } from '../../../shared/sheet/cells';
import { keyColumnIn, type RawTab } from '../../../shared/sheet/codec';
import { tabKeyOf, tabSpec } from '../../../shared/workbook';
import { quoted } from './a1';

/** The first batchGet's ranges for a tab read by its last rows: its header, its key column. */
export const tailHeadRanges = (name: string) => [`${quoted(name)}!1:1`, `${quoted(name)}!A:A`];

export interface TailHead {
  readonly header: readonly Cell[];
  /** Rows with a key (1-based: the last row with one), and the highest number of each id prefix. */
  readonly keyRows: number;
  readonly highestIds: Record<string, number>;
  /** The key column is A, so the key column read is the tab's keys. */
  readonly keyedByA: boolean;
}

/** What the header and column A say of a tab (`name`'s key header first, as Set up writes it). */
export function tailHead(
  name: string,
  header: readonly Cell[],
  columnA: readonly (readonly Cell[])[],
): TailHead {
  const key = tabKeyOf(name);
  const keyedByA = key !== undefined && keyColumnIn(tabSpec(key), header) === 0;
  const ids = columnA.slice(1).map((r) => String(r[0] ?? ''));
  const highestIds: Record<string, number> = {};
  for (const prefix of (key && ID_PREFIXES[key]) || [])
    highestIds[prefix] = highestId(prefix.slice(0, -1), ids);
  return { header, keyRows: columnA.length, highestIds, keyedByA };
}

/** The second batchGet's range for the tab: whole when not keyed by A, else from `keep` rows above its last key. */
export function tailRange(
  name: string,
  head: TailHead,
  keep: number,
  gridRows: number,
): { range: string; from: number } {
  if (!head.keyedByA) return { range: quoted(name), from: 1 };
  const from = Math.max(2, head.keyRows - keep + 1);
  return { range: `${quoted(name)}!${from}:${Math.max(from, gridRows)}`, from };
}

/** The tab as read: its header, the rows read from row `from` on, every other row empty. */
export function tailTab(name: string, head: TailHead, from: number, rows: Cell[][]): RawTab {
  if (from === 1) return { name, values: rows };
  const last = Math.max(head.keyRows, from - 1 + rows.length, 1);
  const values: Cell[][] = Array.from({ length: last }, () => []);
  values[0] = [...head.header];
  rows.forEach((row, i) => {
    values[from - 1 + i] = row;
  });
  return { name, values };
}
