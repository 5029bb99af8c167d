/**
 * The index tab as the add-on tests look at it: the rows Code.js would trust now, read as Google
 * computes them, and the shop they start from (Set up, then the worked example typed in).
 */
import { INDEX_TAB, readIndex } from '../../shared/io/index-tab';
import type { Cell } from '../../shared/sheet/cells';
import { type Desk, openDesk, typeWorkedExample } from './addon';

/** The index's rows Code.js would trust now, read as Google computes them. */
export function trusted(desk: Desk) {
  const sheet = desk.twin.sheetNamed(INDEX_TAB);
  const width = sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
  const cells = (each: (r: number, c: number) => unknown) =>
    sheet.values.map((_, r) => Array.from({ length: width }, (_, c) => each(r, c)));
  return readIndex(cells((r, c) => desk.twin.formulas.valueAt(INDEX_TAB, r, c)) as Cell[][]);
}

/** A set-up workbook with the worked example typed in. */
export async function shop(): Promise<Desk> {
  const desk = await openDesk();
  desk.run('menuSetUpWorkbook');
  typeWorkedExample(desk);
  return desk;
}
