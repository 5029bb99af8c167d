/**
 * The sidebar's picture of one selected row, and its filtered lists: pure functions of a decoded
 * workbook. An order line shows its quantities and stock; a backorder shows 001's "Backorder detail
 * view" (customer and order, dates, quantities, expected availability and its source, locked price,
 * stock, other orders waiting for the SKU, the calls, a customer message); a PO line shows what it
 * will fill. Row versions travel with the view so actions built on it are refused once it is stale.
 */

import { rowVersion } from '../commands/action-detail';
import { isHeld } from '../holds';
import { contactOf, noticePreview } from '../notify';
import { dateInZone, type IsoDate } from '../primitives/dates';
import { formatCents } from '../primitives/money';
import { keyOf } from '../sheet/columns';
import type { Backorder } from '../tabs/backorders';
import { shipsWhole } from '../tabs/orders';
import { type DecodedTabs, TABS, type TabKey, tabKeyOf, tabSpec, type Workbook } from '../workbook';
import { backorderOffers, orderLineOffers, poLineOffers } from './applicable';
import type { ListRow, RowRef, RowView } from './rpc';

export const OPEN = (b: Backorder) => b.qtyRemaining > 0 && b.status !== 'Cancelled';

function refOf(tabs: DecodedTabs, key: TabKey, index: number): RowRef {
  return { sheet: TABS[key].name, row: tabs[key].rowNumbers[index] as number };
}

function versionRef(key: TabKey, record: object): [string, string] {
  return [`${TABS[key].name}:${keyOf(tabSpec(key), record as never)}`, rowVersion(record)];
}

/** A backorder as a list shows it (a list's entry, a view's related rows). */
export function backorderRow(tabs: DecodedTabs, index: number, b: Backorder, today: IsoDate): ListRow {
  return {
    ref: refOf(tabs, 'backorders', index),
    id: b.backorderId,
    customer: b.customer,
    sku: b.sku,
    qty: b.qtyRemaining,
    expected: b.expectedDate ?? '',
    status: b.status,
    overdue: OPEN(b) && b.expectedDate !== null && b.expectedDate < today,
  };
}

function emailOf(wb: Workbook, b: Backorder): string {
  const c = contactOf(wb, b.orderId, b.customer);
  return 'to' in c
    ? c.to
    : 'optOut' in c
      ? 'no e-mail (customer asked)'
      : 'problem' in c
        ? 'not valid'
        : 'none';
}

const EMPTY: RowView = {
  kind: 'none',
  ref: null,
  title: 'Select a row',
  status: '',
  offered: [],
  facts: [],
  expected: {},
  expectedWithStock: {},
  ids: {},
  qty: { open: 0, available: 0 },
  related: [],
  calls: [],
  notice: null,
  warehouses: [],
  substitutes: [],
};

function stockOf(wb: Workbook, sku: string, warehouse: string) {
  const rows = wb.inventory.filter((r) => r.sku === sku);
  const here = rows.find((r) => r.warehouse === warehouse) ?? rows[0];
  return { here, rows, available: here ? here.onHand - here.allocated : 0 };
}

/** The view of the row at `ref`; a header, a blank row or another tab gives the empty view with a hint. */
export function describeRow(
  wb: Workbook,
  tabs: DecodedTabs,
  ref: RowRef | null,
  today: IsoDate,
  /** False when Notifications were not read: a backorder's notice is then not previewed at all. */
  noticesRead = true,
): RowView {
  if (!ref) return EMPTY;
  const key = tabKeyOf(ref.sheet);
  const index = key ? tabs[key].rowNumbers.indexOf(ref.row) : -1;
  const hint = {
    ...EMPTY,
    ref,
    title: `Select a row of Orders, Backorders or POs (now ${ref.sheet} row ${ref.row})`,
  };
  if (!key || index < 0) return hint;
  const money = (c: number) => formatCents(c, wb.config.CurrencyDigits);
  // The warehouses that stock the row's SKU: where a transfer to it can come from. Not every
  // warehouse of the rows read, which would depend on what else a read happened to bring.
  const warehousesOf = (sku: string) =>
    [...new Set(wb.inventory.filter((r) => r.sku === sku).map((r) => r.warehouse))].sort();
  const waiting = (sku: string, except: string) =>
    wb.backorders
      .map((b, i) => ({ b, i }))
      .filter(({ b }) => b.sku === sku && OPEN(b) && b.backorderId !== except)
      .map(({ b, i }) => backorderRow(tabs, i, b, today));

  if (key === 'orders') {
    const l = wb.orders[index];
    if (!l) return hint;
    const stock = stockOf(wb, l.sku, l.warehouse);
    const open = l.qty - l.qtyShipped - l.qtyBackordered - l.qtyCancelled - l.qtyMoved;
    const own = versionRef('orders', l);
    const orderLines = wb.orders.filter((x) => x.orderId === l.orderId);
    return {
      ...EMPTY,
      kind: 'order-line',
      ref,
      title: `${l.orderId} line ${l.line}: ${l.qty} × ${l.sku}`,
      status: isHeld(l) ? `${l.status}, on hold` : l.status,
      hold: isHeld(l),
      offered: orderLineOffers(l, orderLines),
      shipWhole: shipsWhole(orderLines),
      facts: [
        ['Customer', l.customer],
        ['Priority', l.priority],
        ['Ship policy', l.shipPolicy],
        ['Ordered / allocated / shipped', `${l.qty} / ${l.qtyAllocated} / ${l.qtyShipped}`],
        ['Backordered / cancelled', `${l.qtyBackordered} / ${l.qtyCancelled}`],
        ['Unit price', money(l.unitPrice)],
        [
          'Available now',
          `${stock.available} in ${stock.here?.warehouse ?? (l.warehouse || 'no warehouse')}`,
        ],
      ],
      expected: Object.fromEntries([own]),
      expectedWithStock: Object.fromEntries([own, ...stock.rows.map((r) => versionRef('inventory', r))]),
      ids: { orderId: l.orderId, line: l.line, sku: l.sku, warehouse: l.warehouse },
      qty: { open: Math.max(0, open), available: Math.max(0, stock.available) },
      related: [{ title: `Backorders waiting for ${l.sku}`, rows: waiting(l.sku, '') }],
      warehouses: warehousesOf(l.sku),
    };
  }
  if (key === 'backorders') {
    const b = wb.backorders[index];
    if (!b) return hint;
    const stock = stockOf(wb, b.sku, b.warehouse);
    const product = stock.here?.product ?? '';
    const own = versionRef('backorders', b);
    const line = wb.orders.find((x) => x.orderId === b.orderId && x.line === b.line);
    return {
      ...EMPTY,
      kind: 'backorder',
      ref,
      title: `${b.backorderId}: ${b.qtyRemaining} × ${b.sku}${product ? ` (${product})` : ''}`,
      status: b.status,
      offered: backorderOffers(
        b,
        wb.orders.some((x) => x.orderId === b.orderId && isHeld(x)),
        wb.pos.some((p) => p.dropShipFor === b.backorderId && p.qty - p.qtyReceived > 0),
      ),
      facts: [
        ['Customer', b.customer],
        ['E-mail', emailOf(wb, b)],
        ['Order', `${b.orderId} line ${b.line}`],
        ['Ship to / terms', `${line?.shipTo || 'not given'} / ${line?.paymentTerms || 'not given'}`],
        [
          'Product',
          [product || b.sku, stock.here?.variant, stock.here?.upc ? `UPC ${stock.here.upc}` : '']
            .filter(Boolean)
            .join(' · '),
        ],
        ['Shipped from the line', `${line?.qtyShipped ?? 0} of ${line?.qty ?? b.qty}`],
        ['Ordered / backordered on', `${b.orderDate ?? ''} / ${b.createdAt ?? ''}`],
        ['Backordered / fulfilled / total', `${b.qtyRemaining} / ${b.qtyFulfilled} / ${b.qty}`],
        [
          'Expected',
          `${b.expectedDate ?? 'not known'} (${b.expectedSource ?? 'no source'}${b.po ? ` ${b.po}` : ''})`,
        ],
        ['Locked price', `${money(b.unitPrice)}${b.discount ? ` less ${b.discount / 100}%` : ''}`],
        ['Stock now', stock.rows.map((r) => `${r.warehouse} ${r.onHand - r.allocated}`).join(', ') || 'none'],
        ['Queue position', String(b.queuePosition || '')],
        ['Next follow-up', b.nextFollowUp ?? ''],
      ],
      expected: Object.fromEntries([own]),
      expectedWithStock: Object.fromEntries([own, ...stock.rows.map((r) => versionRef('inventory', r))]),
      ids: {
        orderId: b.orderId,
        line: b.line,
        backorderId: b.backorderId,
        sku: b.sku,
        warehouse: b.warehouse,
      },
      qty: { open: b.qtyRemaining, available: Math.max(0, stock.available) },
      related: [{ title: `Other orders waiting for ${b.sku}`, rows: waiting(b.sku, b.backorderId) }],
      calls: wb.calls
        .filter((c) => c.backorderId === b.backorderId || (c.orderId === b.orderId && !c.backorderId))
        .map(
          (c) =>
            [
              // The day where the workbook is (its TimeZone setting), as notices date calls.
              `${dateInZone(new Date(c.when), wb.config.TimeZone)} ${c.method} (${c.rep})`,
              `${c.summary}${c.customerChoice ? ` · ${c.customerChoice}` : ''}`,
            ] as const,
        ),
      // A view reads no Shipments (shared/io/read-plan.ts): the preview is not dated by them.
      notice: noticesRead ? noticePreview(wb, b, today, false) : null,
      warehouses: warehousesOf(b.sku),
      substitutes: (stock.here?.substitutes ?? '')
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean),
    };
  }
  if (key === 'pos') {
    const p = wb.pos[index];
    if (!p) return hint;
    const fills = wb.backorders
      .map((b, i) => ({ b, i }))
      .filter(({ b }) => b.po === p.po && b.sku === p.sku && OPEN(b))
      .map(({ b, i }) => backorderRow(tabs, i, b, today));
    return {
      ...EMPTY,
      kind: 'po-line',
      ref,
      title: `${p.po} line ${p.line}: ${p.qty} × ${p.sku}`,
      status: p.status,
      offered: poLineOffers(p),
      facts: [
        ['Vendor', p.vendor],
        ['Ordered / received', `${p.qty} / ${p.qtyReceived}`],
        ['Promised / vendor ETA', `${p.promisedDate ?? ''} / ${p.vendorEta ?? ''}`],
        ['Predicted ETA', p.predictedEta ?? ''],
        ['Warehouse', p.warehouse],
      ],
      expected: Object.fromEntries([versionRef('pos', p)]),
      expectedWithStock: Object.fromEntries([versionRef('pos', p)]),
      ids: { po: p.po, line: p.line, sku: p.sku, warehouse: p.warehouse },
      qty: { open: Math.max(0, p.qty - p.qtyReceived), available: 0 },
      related: [{ title: 'Backorders this PO will fill', rows: fills }],
      warehouses: warehousesOf(p.sku),
    };
  }
  return hint;
}
