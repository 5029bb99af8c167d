/**
 * Tiny literal workbooks for core tests: records with sensible defaults, so each test states only
 * what matters to it, and a fixed clock.
 */

import type { CommandContext } from '../../shared/desk';
import type { IsoDate } from '../../shared/primitives/dates';
import type { BasisPoints, Cents } from '../../shared/primitives/money';
import type { Backorder } from '../../shared/tabs/backorders';
import type { EtaChange } from '../../shared/tabs/eta-history';
import type { InventoryItem } from '../../shared/tabs/inventory';
import type { Notice } from '../../shared/tabs/notifications';
import { NEW_LINE_STATE, type OrderLine } from '../../shared/tabs/orders';
import type { PoLine } from '../../shared/tabs/purchase-orders';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/tabs/settings';
import type { Workbook } from '../../shared/workbook';

export const TODAY = '2026-11-23' as IsoDate;

export function context(n = 1, today: IsoDate = TODAY): CommandContext {
  return { today, now: `${today}T15:00:00.000Z`, actor: 'rep@example.com', requestId: `req-${n}` };
}

export function item(p: Partial<InventoryItem> & { sku: string }): InventoryItem {
  return {
    warehouse: 'MAIN',
    product: `Product ${p.sku}`,
    variant: '',
    upc: '',
    onHand: 0,
    allocated: 0,
    available: 0,
    onOrder: 0,
    reorderPoint: 0,
    reorderQty: 0,
    maxStock: 0,
    vendor: 'Acme Supply',
    leadTimeDays: 0,
    unitCost: 500 as Cents,
    discontinued: false,
    substitutes: '',
    packSize: 0,
    ...p,
  };
}

export function line(p: Partial<OrderLine> & { orderId: string; sku: string; qty: number }): OrderLine {
  return {
    line: 1,
    orderDate: '2026-11-01' as IsoDate,
    customer: 'Harbor Builders',
    salesRep: 'Dana',
    shipTo: '1 Dock St',
    paymentTerms: 'Net 30',
    priority: 'Normal',
    shipPolicy: 'Ship partial',
    unitPrice: 1250 as Cents,
    discount: 0 as BasisPoints,
    warehouse: 'MAIN',
    requiredDate: null,
    notes: '',
    customerEmail: '',
    ...NEW_LINE_STATE,
    ...p,
  };
}

export function poLine(p: Partial<PoLine> & { po: string; sku: string; qty: number }): PoLine {
  return {
    line: 1,
    vendor: 'Acme Supply',
    qtyReceived: 0,
    receivedAt: null,
    unitCost: 500 as Cents,
    orderDate: '2026-11-10' as IsoDate,
    promisedDate: '2026-12-01' as IsoDate,
    warehouse: 'MAIN',
    dropShipFor: '',
    status: 'Sent',
    vendorEta: null,
    etaSource: '',
    etaUpdatedAt: '',
    predictedEta: null,
    notes: '',
    ...p,
  };
}

export function workbook(p: {
  orders?: OrderLine[];
  inventory?: InventoryItem[];
  pos?: PoLine[];
  backorders?: Backorder[];
  etaHistory?: EtaChange[];
  notifications?: Notice[];
  config?: Partial<Settings>;
}): Workbook {
  return {
    orders: p.orders ?? [],
    inventory: p.inventory ?? [],
    backorders: p.backorders ?? [],
    pos: p.pos ?? [],
    shipments: [],
    calls: [],
    invoices: [],
    etaHistory: p.etaHistory ?? [],
    notifications: p.notifications ?? [],
    log: [],
    settings: [],
    config: { ...DEFAULT_SETTINGS, ...p.config },
  };
}
