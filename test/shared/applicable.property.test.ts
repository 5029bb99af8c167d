/**
 * Property: the sidebar offers exactly the actions that apply (each form's `offered` rule in its
 * action's spec, gathered by shared/sidebar/applicable.ts). On workbooks
 * brought into every state by drawn sequences of actions, each order line, backorder and PO line is
 * tried with every action: a hidden one is refused by the core, and an offered one is accepted, or
 * refused only for stock (not enough free units), never for the row's state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/apply-changes';
import { runCommand } from '../../shared/commands/run';
import type { Command } from '../../shared/commands/schema';
import { addDays } from '../../shared/primitives/dates';
import { DeskError } from '../../shared/primitives/errors';
import { actionsOn, backorderOffers, orderLineOffers, poLineOffers } from '../../shared/sidebar/applicable';
import { shipsWhole } from '../../shared/tabs/orders';
import type { Workbook } from '../../shared/workbook';
import { context, item, line, poLine, TODAY, workbook } from '../support/build';

const SKUS = ['A', 'B'];

/** A refusal for stock: the row's state allows the action, the units are not there. */
const FOR_STOCK = /available|are free|ships complete, but|not fully allocated/;

const initial = fc
  .record({
    stock: fc.array(fc.nat(8), { minLength: 2, maxLength: 2 }),
    orders: fc.array(
      fc.record({
        sku: fc.constantFrom(...SKUS),
        qty: fc.integer({ min: 1, max: 9 }),
        complete: fc.boolean(),
      }),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
    pos: fc.array(
      fc.record({ sku: fc.constantFrom(...SKUS), qty: fc.integer({ min: 1, max: 9 }), draft: fc.boolean() }),
      {
        maxLength: 2,
      },
    ),
  })
  .map(({ stock, orders, pos }) =>
    workbook({
      inventory: SKUS.map((sku, i) =>
        item({
          sku,
          warehouse: 'MAIN',
          onHand: stock[i] ?? 0,
          substitutes: SKUS.filter((x) => x !== sku).join(','),
        }),
      ),
      orders: orders.map((o, i) =>
        line({
          orderId: `SO-${Math.floor(i / 2)}`,
          line: (i % 2) + 1,
          sku: o.sku,
          qty: o.qty,
          warehouse: 'MAIN',
          shipPolicy: o.complete ? 'Ship complete' : 'Ship partial',
        }),
      ),
      pos: pos.map((p, i) =>
        poLine({ po: `PO-${i}`, sku: p.sku, qty: p.qty, status: p.draft ? 'Draft' : 'Sent' }),
      ),
    }),
  );

const moves = fc.array(
  fc.record({
    kind: fc.constantFrom(
      'allocate',
      'ship',
      'receive',
      'fulfill',
      'cancel-line',
      'hold',
      'release',
      'cancel',
      'cancel-po-line',
    ),
    pick: fc.nat(9),
  }),
  { maxLength: 8 },
);

/** The command an action sends with the sidebar's defaults, for a row. */
function commandsFor(
  wb: Workbook,
  kind: 'order' | 'backorder' | 'po',
  i: number,
): Record<string, Command | undefined> {
  const later = addDays(TODAY, 10);
  if (kind === 'order') {
    const l = wb.orders[i];
    if (!l) return {};
    const { orderId, line: n } = l;
    return {
      allocate: { action: 'allocate', orderId },
      // As the sidebar sends it: this line (with the picked quantity), or a ship-complete order whole.
      ship: shipsWhole(wb.orders.filter((x) => x.orderId === orderId))
        ? { action: 'ship', orderId }
        : { action: 'ship', orderId, line: n },
      'create-backorder': { action: 'create-backorder', orderId, line: n, qty: 1 },
      'change-line': { action: 'change-line', orderId, line: n, requiredDate: later },
      hold: { action: 'hold', orderId },
      release: { action: 'release', orderId },
      'cancel-line': { action: 'cancel-line', orderId, line: n, reason: 'Customer Requested' },
    } as Record<string, Command>;
  }
  if (kind === 'backorder') {
    const b = wb.backorders[i];
    if (!b) return {};
    const backorderId = b.backorderId;
    return {
      fulfill: { action: 'fulfill', backorderId },
      'log-call': { action: 'log-call', backorderId, method: 'Phone', summary: 'called' },
      reschedule: { action: 'reschedule', backorderId, date: later, reason: 'vendor' },
      cancel: { action: 'cancel', backorderId, reason: 'Customer Requested' },
      notify: { action: 'record-notice', backorderId },
    } as Record<string, Command>;
  }
  const p = wb.pos[i];
  if (!p) return {};
  return {
    receive: { action: 'receive', po: p.po, line: p.line, qty: 1 },
    'send-po': { action: 'send-po', po: p.po },
    'change-po': { action: 'change-po', po: p.po, line: p.line, promisedDate: later },
    'cancel-po-line': { action: 'cancel-po-line', po: p.po, line: p.line },
  } as Record<string, Command>;
}

/** The refusal, or undefined when the core accepts; an accepted command that changes no row but the Log is "nothing". */
function tryIt(wb: Workbook, command: Command): string | undefined {
  try {
    const { changes } = runCommand(wb, command, context(99));
    const changed = Object.entries(changes).some(
      ([tab, c]) =>
        tab !== 'log' &&
        c !== undefined &&
        (c.updated.length > 0 || c.added.length > 0 || (c.deleted ?? []).length > 0),
    );
    return changed ? undefined : 'nothing';
  } catch (e) {
    if (!(e instanceof DeskError)) throw e;
    return e.message;
  }
}

function check(
  wb: Workbook,
  kind: 'order' | 'backorder' | 'po',
  i: number,
  offered: readonly string[],
  all: readonly string[],
) {
  const commands = commandsFor(wb, kind, i);
  for (const action of all) {
    const command = commands[action];
    if (!command) continue;
    const refusal = tryIt(wb, command);
    const where = `${kind} ${i} ${action}`;
    if (offered.includes(action)) {
      // Accepted, or refused for stock; an offered action may find nothing to do only for stock too.
      if (refusal !== undefined && refusal !== 'nothing') expect(refusal, where).toMatch(FOR_STOCK);
    } else expect(refusal, `${where} is hidden but the core would change something`).toBeDefined();
  }
}

describe('the sidebar offers exactly the actions that apply', () => {
  it('hidden actions are refused for the state; offered ones are accepted or short of stock', () => {
    fc.assert(
      fc.property(initial, moves, (start, steps) => {
        let wb = start;
        for (const [n, s] of steps.entries()) {
          const at = <T>(xs: readonly T[]) => (xs.length === 0 ? undefined : xs[s.pick % xs.length]);
          const l = at(wb.orders);
          const b = at(wb.backorders);
          const p = at(wb.pos);
          const c: Record<string, Command | undefined> = {
            allocate: { action: 'allocate' },
            ship: l && { action: 'ship', orderId: l.orderId },
            receive: p && { action: 'receive', po: p.po, line: p.line },
            fulfill: { action: 'fulfill' },
            'cancel-line': l && {
              action: 'cancel-line',
              orderId: l.orderId,
              line: l.line,
              reason: 'Customer Requested',
            },
            hold: l && { action: 'hold', orderId: l.orderId },
            release: l && { action: 'release', orderId: l.orderId },
            cancel: b && { action: 'cancel', backorderId: b.backorderId, reason: 'Customer Requested' },
            'cancel-po-line': p && { action: 'cancel-po-line', po: p.po, line: p.line },
          } as Record<string, Command | undefined>;
          const command = c[s.kind];
          if (!command) continue;
          try {
            wb = applyChanges(wb, runCommand(wb, command, context(n + 1)).changes);
          } catch (e) {
            if (!(e instanceof DeskError)) throw e;
          }
        }
        wb.orders.forEach((l, i) => {
          check(
            wb,
            'order',
            i,
            orderLineOffers(
              l,
              wb.orders.filter((x) => x.orderId === l.orderId),
            ),
            actionsOn('order-line'),
          );
        });
        wb.backorders.forEach((b, i) => {
          check(
            wb,
            'backorder',
            i,
            backorderOffers(
              b,
              wb.orders.some((x) => x.orderId === b.orderId && x.hold === 'Held'),
              wb.pos.some((p) => p.dropShipFor === b.backorderId && p.qty - p.qtyReceived > 0),
            ),
            actionsOn('backorder'),
          );
        });
        wb.pos.forEach((p, i) => {
          check(wb, 'po', i, poLineOffers(p), actionsOn('po-line'));
        });
      }),
      { numRuns: 400 },
    );
  });
});
