/**
 * Where a reservation sits: a line or backorder may hold stock in several warehouses (002 strategy 4),
 * kept in its AllocatedFrom cell as "MAIN:15 EAST:3". These helpers read, change and write that text;
 * the sum always equals the record's QtyAllocated.
 */

export type Reservation = Map<string, number>;

/** @example parseReservation('MAIN:15 EAST:3').get('EAST') // 3 */
export function parseReservation(text: string): Reservation {
  const r: Reservation = new Map();
  for (const part of text.split(/\s+/)) {
    const m = /^(.+):(\d+)$/.exec(part);
    if (m?.[1] && Number(m[2]) > 0) r.set(m[1], (r.get(m[1]) ?? 0) + Number(m[2]));
  }
  return r;
}

export function formatReservation(r: Reservation): string {
  let text = '';
  for (const [w, q] of r) if (q > 0) text += text === '' ? `${w}:${q}` : ` ${w}:${q}`;
  return text;
}

export function reservedTotal(r: Reservation): number {
  let t = 0;
  for (const q of r.values()) t += q;
  return t;
}

/**
 * Takes up to `qty` out of a reservation, first warehouses first; returns what was taken per warehouse.
 */
export function takeFromReservation(r: Reservation, qty: number): Reservation {
  const taken: Reservation = new Map();
  let left = qty;
  for (const [w, q] of r) {
    if (left === 0) break;
    const t = Math.min(q, left);
    taken.set(w, t);
    left -= t;
    if (q - t === 0) r.delete(w);
    else r.set(w, q - t);
  }
  return taken;
}
