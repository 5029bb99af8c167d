/**
 * The index tab's id rows (shared/io/index-tab.ts writes and reads them with its other rows): per
 * tab and id prefix, the highest number after the prefix in the tab's key column, as Sheets computes
 * it when the index is read, so a click needs no tail rows and no search to know its new ids are
 * new. Pure.
 */
import { columnLetter, sheetRef } from '../sheet/a1';
import { TABS, type TabKey } from '../workbook';
import { literal } from './row-patterns';

/** What a trusted index row says of a tab's ids (index-tab.ts `IndexedShape`): per prefix, the highest number. */
export interface IdsShown {
  readonly highest: ReadonlyMap<string, number>;
}

/**
 * The id prefixes (with their dash) of the rows each tab gets (shared/primitives/ids.ts; the commands name
 * them): the index gives the highest number after each, so a click needs no tail rows and no search
 * to know its new ids are new. Invoices take the InvoicePrefix setting, given when the index is written.
 */
export const ID_PREFIXES: Partial<Record<TabKey, readonly string[]>> = {
  backorders: ['BO-'],
  shipments: ['SH-'],
  calls: ['CL-'],
  log: ['LG-'],
  pos: ['PO-', 'DS-'],
  notifications: ['NT-'],
  etaHistory: ['EH-'],
};

/** Marks an id row of the index: marker, signature, tab name, prefix, highest number. */
export const ID_ROW = 'Highest id';

/**
 * The highest number after `prefix` in a key column, as Sheets computes it over the whole column
 * (docs/fidelity.md A47): each cell as text, the digits after the prefix, 0 where there are none.
 */
export function idFormula(tab: TabKey, prefix: string, keyCol: number): string {
  const key = columnLetter(keyCol);
  // The dash escaped too: the formula Set up writes is the one every index row is checked against.
  const pattern = `^${literal(prefix).replace(/-/g, '\\-')}(\\d+)$`;
  return `=ARRAYFORMULA(MAX(IFERROR(VALUE(REGEXEXTRACT(TO_TEXT(${sheetRef(TABS[tab].name)}!${key}2:${key}),"${pattern.replace(/"/g, '""')}")),0)))`;
}

export const prefixesOf = (tab: TabKey, invoicePrefix: string): readonly string[] =>
  tab === 'invoices' ? (invoicePrefix === '' ? [] : [invoicePrefix]) : (ID_PREFIXES[tab] ?? []);

/**
 * Whether a tab's new ids need no tail rows: the index gives the highest number after each of its
 * id prefixes (a tab without ids, Orders, needs none; Invoices needs its prefix's row, checked
 * against each new number by `vouches`).
 */
export function idsKnown(tab: TabKey, shape: IdsShown): boolean {
  if (tab === 'invoices') return shape.highest.size > 0;
  return (ID_PREFIXES[tab] ?? []).every((p) => shape.highest.has(p));
}

/** Whether `id` is a new id by the index alone: an id prefix of the tab, digits above its highest. */
export function vouches(shape: IdsShown, id: string): boolean {
  for (const [prefix, highest] of shape.highest) {
    const rest = id.startsWith(prefix) ? id.slice(prefix.length) : '';
    if (/^\d+$/.test(rest) && Number(rest) > highest) return true;
  }
  return false;
}
