/**
 * The order lines a command reads because they may wait for stock (Parked, Partially allocated: the
 * lines of its SKUs that settle with the queue, shared/queue.ts). Searched by SKU, then kept by their
 * Status cells: the index tab lists the lines that may wait (shared/io/index-searches.ts), or their
 * Status cells are read. Where the index also lists those lines' SKUs, the search is not made at all:
 * the waiting lines of the command's SKUs are the listed rows whose SKU is one of them. Pure.
 */
import type { Cell } from '../sheet/cells';
import { TABS } from '../workbook';
import { indexedPattern } from './index-searches';
import { mayWait } from './row-patterns';
import type { RowSource } from './scope-contract';
import { WAITING_LINE_STATUSES } from './scope-growth';

/** The Status search the index may answer: lines that may wait. */
const MAY_WAIT = indexedPattern(WAITING_LINE_STATUSES);

export interface WaitingLines {
  /** Keeps, of the rows a SKU search found, those read already and those that may wait. */
  keep(rows: number[]): number[];
  /** The rows of the lines of `skus` that may wait, when the index lists them with their SKUs. */
  listed(skus: readonly string[]): number[] | undefined;
}

export function waitingLines(
  source: RowSource,
  statusCol: number,
  /** Whether a row is read or asked for already (it is kept as found). */
  seen: (row: number) => boolean,
): WaitingLines {
  const orders = TABS.orders.name;
  let bySku: Map<string, number[]> | null | undefined;
  return {
    keep(rows) {
      const unknown = rows.filter((r) => !seen(r));
      if (unknown.length === 0) return rows;
      // The index may list the lines that may wait (no cell outside the status vocabulary): no read.
      const listed = source.known?.(orders, statusCol, MAY_WAIT);
      let drop: Set<number>;
      if (listed) {
        const keep = new Set(listed);
        drop = new Set(unknown.filter((r) => !keep.has(r)));
      } else if (source.column) {
        const status: ReadonlyMap<number, Cell> = source.column(orders, unknown, statusCol);
        drop = new Set(unknown.filter((r) => !mayWait(status.get(r))));
      } else return rows;
      return rows.filter((r) => !drop.has(r));
    },
    listed(skus) {
      if (bySku === undefined) {
        const rows = source.known?.(orders, statusCol, MAY_WAIT);
        const values = source.knownValues?.(orders, statusCol, MAY_WAIT);
        bySku = null;
        if (rows && values && values.length === rows.length) {
          bySku = new Map();
          rows.forEach((r, i) => {
            const sku = values[i] as string;
            bySku?.set(sku, [...(bySku.get(sku) ?? []), r]);
          });
        }
      }
      return bySku ? skus.flatMap((s) => bySku?.get(s) ?? []) : undefined;
    },
  };
}
