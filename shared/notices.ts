/**
 * What a customer is told about a backorder: the subject and the plain text of each kind of notice
 * (created, rescheduled, ready, shipped, cancelled, a status for one still waiting, a follow-up after
 * delivery), filled from the templates in Settings. A placeholder no notice knows is a problem named
 * by its Settings cell (`templateProblems`), so it is caught at Set up and `check` and no notice goes
 * out with a hole in it. Values are plain text: the sidebar shows them as text and the e-mail is sent
 * as text, so nothing a customer or a rep typed can become markup.
 */
import { addDays, daysBetween, type IsoDate } from './primitives/dates';
import { formatCents } from './primitives/money';
import type { Backorder } from './tabs/backorders';
import type { NoticeKind } from './tabs/notifications';
import { DEFAULT_SETTINGS, type SettingRow, type Settings } from './tabs/settings';
import type { Shipment } from './tabs/shipments';
import type { Workbook } from './workbook';

export const NOTICE_TEMPLATE: Record<NoticeKind, keyof Settings> = {
  created: 'TemplateBackorderCreated',
  rescheduled: 'TemplateRescheduled',
  ready: 'TemplateReady',
  shipped: 'TemplateShipped',
  cancelled: 'TemplateCancelled',
  status: 'TemplateStatus',
  delivered: 'TemplateDelivered',
};

/** Every placeholder a template may use; each notice fills all of them. */
export const PLACEHOLDERS = [
  'customer',
  'qty',
  'product',
  'sku',
  'order',
  'backorder',
  'expected',
  'previous',
  'source',
  'price',
  'reason',
  'date',
  'rep',
  'shipped',
  'age',
  'tracking',
  'delivery',
  'completion',
] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

const SUBJECT: Record<NoticeKind, (v: Record<Placeholder, string>) => string> = {
  created: (v) => `Backorder ${v.backorder}: ${v.product} for order ${v.order}`,
  rescheduled: (v) => `New date for backorder ${v.backorder}: ${v.expected}`,
  ready: (v) => `Your ${v.product} has arrived (order ${v.order})`,
  shipped: (v) => `Shipped: ${v.qty} × ${v.product} for order ${v.order}`,
  cancelled: (v) => `Cancelled: backorder ${v.backorder} (order ${v.order})`,
  status: (v) => `Status of backorder ${v.backorder} (order ${v.order})`,
  delivered: (v) => `How did order ${v.order} arrive?`,
};

/**
 * Defaults of earlier versions, which setup wrote into Settings: a workbook that still holds one gets
 * today's default (the old shipped text always said "completes", the old created text had no reason,
 * apology or alternatives). A template a person edited is theirs and is kept.
 */
const SUPERSEDED: Partial<Record<keyof Settings, readonly string[]>> = {
  TemplateShipped: [
    'Dear {customer}, {qty} × {product} ({sku}) for order {order} shipped on {date}. This completes backorder {backorder}.',
    'Dear {customer}, {qty} × {product} ({sku}) for order {order} shipped on {date}. {completion}',
  ],
  TemplateBackorderCreated: [
    'Dear {customer}, {qty} × {product} ({sku}) on order {order} is on backorder. We expect it by {expected}. Your price of {price} is locked in. We will keep you posted.',
  ],
  TemplateRescheduled: [
    'Dear {customer}, the {qty} × {product} ({sku}) on backorder {backorder} is now expected by {expected}: {reason}. Tell us if you would rather substitute or cancel.',
  ],
  TemplateCancelled: [
    'Dear {customer}, backorder {backorder} for {qty} × {product} ({sku}) has been cancelled: {reason}.',
  ],
};

export function templateOf(config: Settings, kind: NoticeKind): string {
  const key = NOTICE_TEMPLATE[kind];
  const stored = String(config[key]);
  return SUPERSEDED[key]?.includes(stored) ? String(DEFAULT_SETTINGS[key]) : stored;
}

/** Each Settings cell whose template names a placeholder no notice fills. */
export function templateProblems(rows: readonly SettingRow[], rowOf: (index: number) => number): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  const keys = new Set<string>(Object.values(NOTICE_TEMPLATE).map((k) => k.toLowerCase()));
  const problems: string[] = [];
  rows.forEach((row, index) => {
    if (!keys.has(row.key.replace(/\s+/g, '').toLowerCase())) return;
    const unknown = [...row.value.matchAll(/\{(\w*)\}/g)]
      .map((m) => m[1] as string)
      .filter((p) => !known.has(p));
    if (unknown.length > 0)
      problems.push(
        `Settings!B${rowOf(index)}: ${row.key.trim()} uses ${unknown.map((p) => `{${p}}`).join(', ')}, which no notice fills (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`,
      );
  });
  return problems;
}

const productOf = (wb: Workbook, sku: string) => wb.inventory.find((i) => i.sku === sku)?.product || sku;

/** The latest shipment that carried units of this backorder, with its own units. */
export function latestShipment(
  shipments: readonly Shipment[],
  backorderId: string,
): { rows: Shipment[]; qty: number } | undefined {
  const own = shipments.filter((s) => s.backorderId === backorderId && s.status !== 'Cancelled');
  let latest: Shipment | undefined;
  for (const s of own)
    if (
      !latest ||
      (s.shipDate ?? '') > (latest.shipDate ?? '') ||
      (s.shipDate === latest.shipDate && s.shipmentId > latest.shipmentId)
    )
      latest = s;
  if (!latest) return undefined;
  const rows = own.filter((s) => s.shipmentId === (latest as Shipment).shipmentId);
  return { rows, qty: rows.reduce((n, s) => n + s.qty, 0) };
}

export interface NoticeFacts {
  /** The expected date the customer was last told (rescheduled: the old date). */
  readonly previous?: IsoDate | null;
  /** The units this notice is about, when not the kind's own count (shipped: the latest shipment). */
  readonly qty?: number;
  /** Why: a reschedule's reason, a cancellation's note. */
  readonly reason?: string;
  /** False where Shipments were not read (the sidebar's view): shipped tells of all fulfilled, today. */
  readonly fromShipments?: boolean;
}

export interface RenderedNotice {
  readonly kind: NoticeKind;
  readonly subject: string;
  readonly text: string;
}

/**
 * Why a backorder's date moved and from what, read from the Calls row the move left: a person's
 * reschedule ("Expected date A → B: reason") or a vendor's slip recorded by the sync ("Rescheduled:
 * <vendor> moved <PO> from A to B (N days later): note"). The vendor is not named to the customer.
 */
export function whyMoved(summary: string): { previous: IsoDate | null; reason: string } | undefined {
  const manual = /^Expected date (\S+) → \S+: (.*)$/s.exec(summary);
  if (manual)
    return { previous: manual[1] === 'none' ? null : (manual[1] as IsoDate), reason: manual[2] as string };
  const vendor = /^Rescheduled: .* moved \S+ from (\S+) to \S+ \((\d+) days later\)(?:: (.*))?$/s.exec(
    summary,
  );
  if (vendor)
    return {
      previous: vendor[1] === 'null' ? null : (vendor[1] as IsoDate),
      reason: vendor[3] || `our supplier's delivery moved ${vendor[2]} days later`,
    };
  return undefined;
}

function defaultQty(b: Backorder, kind: NoticeKind): number {
  if (kind === 'created') return b.qty;
  if (kind === 'cancelled') return b.qtyCancelled;
  if (kind === 'shipped' || kind === 'delivered') return b.qtyFulfilled;
  return b.qtyRemaining;
}

/** Fills the template of `kind` for backorder `b`; the subject comes with it. */
export function renderNotice(
  wb: Workbook,
  b: Backorder,
  kind: NoticeKind,
  today: IsoDate,
  facts: NoticeFacts = {},
): RenderedNotice {
  const shipment = facts.fromShipments === false ? undefined : latestShipment(wb.shipments, b.backorderId);
  const first = shipment?.rows[0];
  const shipDate = first?.shipDate ?? today;
  const carrier = first?.carrier.trim() ?? '';
  const tracking = first?.tracking.trim() ?? '';
  const line = wb.orders.find((l) => l.orderId === b.orderId && l.line === b.line);
  const lastCall = [...wb.calls]
    .reverse()
    .find((c) => c.backorderId === b.backorderId && c.method !== 'Email');
  const moved = lastCall ? whyMoved(lastCall.summary) : undefined;
  const qty = facts.qty ?? (kind === 'shipped' && shipment ? shipment.qty : defaultQty(b, kind));
  const v: Record<Placeholder, string> = {
    customer: b.customer,
    qty: String(qty),
    product: productOf(wb, b.sku),
    sku: b.sku,
    order: b.orderId,
    backorder: b.backorderId,
    // A date already past is not a promise to repeat: the customer hears it is being confirmed.
    expected:
      b.expectedDate === null
        ? 'a date we will confirm shortly'
        : b.expectedDate < today
          ? 'a new date we are confirming with our supplier'
          : b.expectedDate,
    previous: (facts.previous !== undefined ? facts.previous : moved?.previous) ?? 'the date we gave before',
    // Where the date comes from, as a parenthesis after it; nothing when no date holds.
    source:
      b.expectedDate === null || b.expectedDate < today
        ? ''
        : b.expectedSource === 'PO'
          ? ` (our supplier's date${b.po ? ` for ${b.po}` : ''})`
          : b.expectedSource === 'Lead time'
            ? " (our supplier's usual lead time)"
            : ' (our estimate)',
    price: `${formatCents(b.unitPrice, wb.config.CurrencyDigits)} ${wb.config.Currency}`,
    reason:
      facts.reason ??
      (kind === 'cancelled'
        ? b.cancelNote || b.cancelReason || 'at your request'
        : kind === 'created'
          ? b.reason || 'not enough in stock'
          : moved?.reason || lastCall?.summary || 'our supplier moved the date'),
    date: kind === 'shipped' ? shipDate : today,
    rep: b.salesRep || 'our team',
    shipped: String(line?.qtyShipped ?? 0),
    age: String(b.createdAt ? Math.max(0, daysBetween(b.createdAt, today)) : 0),
    tracking: tracking ? `Carrier ${carrier || 'not named'}, tracking number ${tracking}.` : '',
    delivery: `Expected delivery: ${addDays(shipDate as IsoDate, wb.config.DeliveryDays)}.`,
    completion:
      b.qtyRemaining === 0
        ? `This completes backorder ${b.backorderId}.`
        : `${b.qtyRemaining} more remain on backorder ${b.backorderId}; we will ship them as soon as they arrive.`,
  };
  const text = templateOf(wb.config, kind)
    .replace(/\{(\w*)\}/g, (m, k: string) => (k in v ? v[k as Placeholder] : m))
    .replace(/ {2,}/g, ' ')
    .trim();
  return { kind, subject: SUBJECT[kind](v), text };
}
