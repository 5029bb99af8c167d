/**
 * Which orders a person has on hold (the Orders tab's Hold column, set by `hold` / `release`). A
 * Held order keeps what it has reserved, so a release soon after loses no place, but allocation
 * gives it nothing new, the freed stock of others passes it by, and nothing of it ships.
 */
import type { OrderLine } from './tabs/orders';

export const isHeld = (line: Pick<OrderLine, 'hold'>): boolean => line.hold === 'Held';

/** The ids of the orders with any line Held, from the lines at hand. */
export function heldOrders(lines: Iterable<OrderLine>): Set<string> {
  const out = new Set<string>();
  for (const l of lines) if (isHeld(l)) out.add(l.orderId);
  return out;
}
