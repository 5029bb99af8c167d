/**
 * Which columns a CSV import may write (shared/bulk/import.ts): people's columns, the decisions
 * people keep in an engine column (a PO line's Status Draft / Sent / Cancelled, an order line's
 * Hold), and with `opening` the balances of a book already in flight; what a refusal suggests (the
 * decisions allowed, the tab's header a misspelt one may have meant); and how a PO line's imported
 * Status settles with its lifecycle. Pure.
 */

import { type Columns, normalizeHeader, type TabSpec } from '../sheet/columns';
import { assertTransition, derivePoStatus, PO_TRANSITIONS } from '../status';
import type { PoLine } from '../tabs/purchase-orders';
import { OPENING_BALANCES } from './opening';

/**
 * Engine-owned columns that hold people's decisions, which an import may carry when a distributor
 * moves an existing sheet in: a PO line's Status Draft, Sent or Cancelled, an order
 * line's Hold. The received states stay the engine's (derived from QtyReceived), so an import never
 * sets them.
 */
const DECISIONS: Record<string, Record<string, readonly string[]>> = {
  POs: { status: ['Draft', 'Sent', 'Cancelled'] },
  Orders: { hold: ['Held'] },
};

/**
 * A PO line as the engine keeps it after an import set its Status: a line with units received
 * stays Partially Received / Received whatever the file said, and a line may only move the way the
 * lifecycle allows (a Cancelled line is never sent again). Returns the refusal, if any.
 */
export function settlePo(
  before: PoLine | undefined,
  after: PoLine,
): { record: PoLine } | { refused: string } {
  const record = { ...after, status: derivePoStatus(after) };
  try {
    if (before)
      assertTransition(PO_TRANSITIONS, `PO ${after.po} line ${after.line}`, before.status, record.status);
  } catch (e) {
    return { refused: (e as Error).message };
  }
  return { record };
}

/** The values an import may set in an engine column that holds people's decisions, if it is one. */
export const decisionValues = (tab: string, field: string): readonly string[] | undefined =>
  DECISIONS[tab]?.[field];

/**
 * Whether an import may write `field` of `tab`: people's columns, the decisions above, and with
 * `opening` the balances of a book already in flight.
 */
export function importable(tab: string, field: string, owner: string, opening = false): boolean {
  return (
    owner === 'user' ||
    DECISIONS[tab]?.[field] !== undefined ||
    (opening && (OPENING_BALANCES[tab] ?? []).includes(field))
  );
}

export function decisionHint(spec: TabSpec<Columns>): string {
  const d = DECISIONS[spec.name];
  if (!d) return '';
  return ` (and ${Object.entries(d)
    .map(([field, values]) => `${spec.columns[field]?.header} ${values.join(' / ')}`)
    .join(', ')})`;
}

/** Whether `short` abbreviates `long`: its letters in order, the first one first ("qty" of "quantity"). */
const abbreviates = (short: string, long: string) => {
  if (short.length < 2 || short[0] !== long[0]) return false;
  let at = 0;
  for (const c of long) if (c === short[at]) at++;
  return at === short.length;
};

/** "; did you mean Qty?" for a header close to one of the tab's, else nothing. */
export function suggest(header: string, spec: TabSpec<Columns>): string {
  const h = normalizeHeader(header);
  const near = Object.values(spec.columns)
    .map((c) => c.header)
    .filter((c) => {
      const n = normalizeHeader(c);
      return n !== h && (abbreviates(n, h) || abbreviates(h, n) || n.includes(h) || h.includes(n));
    });
  return near.length > 0 ? `; did you mean ${near.slice(0, 2).join(' or ')}?` : '';
}
