/**
 * Quantities are whole numbers ≥ 0. A sheet may hand us 12, 12.0, "12" or "1,200"; anything else
 * (2.5, -1, "ten") is refused by the codec with the cell named.
 */

export type Qty = number & { readonly __brand: 'Qty' };

/**
 * Parses a cell value as a quantity, or `null` when it is not a whole number ≥ 0.
 * @example toQty("1,200") // 1200
 */
export function toQty(value: unknown): Qty | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d{1,3}(,\d{3})*(\.0+)?\s*$|^\s*\d+(\.0+)?\s*$/.test(value))
    n = Number(value.replace(/[,\s]/g, ''));
  else return null;
  if (!Number.isSafeInteger(n) || n < 0) return null;
  return n as Qty;
}

/** Sums quantities. */
export function sumQty(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * A whole number as people read it, digits grouped by thousands with commas ("11,022"), as en-US
 * writes it, without Intl: a process's first `toLocaleString` loads ICU's number formats (about
 * 20 ms), which every CLI command paid for messages it seldom prints.
 */
export function grouped(n: number): string {
  const sign = n < 0 ? '-' : '';
  return `${sign}${String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}
