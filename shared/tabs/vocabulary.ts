/**
 * The fixed vocabularies of the workbook: priorities, policies, statuses, reasons and methods
 * (PRODUCT.md sections 1 and 2; 001 for backorder statuses, cancellation reasons and customer choices).
 * Setup copies these lists into Settings so dropdowns and the engine agree on the spelling.
 */

export const PRIORITIES = ['Normal', 'High', 'VIP'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** Lower runs first: VIP, then High, then Normal. */
export const PRIORITY_RANK: Record<Priority, number> = { VIP: 0, High: 1, Normal: 2 };

export const SHIP_POLICIES = ['Ship partial', 'Ship complete'] as const;
export type ShipPolicy = (typeof SHIP_POLICIES)[number];

/** An order a person put on hold (credit, a customer's request): allocation and shipping skip it. */
export const HOLD_STATES = ['Held'] as const;

export const ORDER_STATUSES = [
  'New',
  'Allocated',
  'Partially allocated',
  'Parked',
  'Backordered',
  'Partially shipped',
  'Shipped',
  'Cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const BACKORDER_STATUSES = [
  'Open',
  'Ready to Fulfill',
  'Partially Fulfilled',
  'Fulfilled',
  'Complete',
  'Cancelled',
] as const;
export type BackorderStatus = (typeof BACKORDER_STATUSES)[number];

export const PO_STATUSES = ['Draft', 'Sent', 'Partially Received', 'Received', 'Cancelled'] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

export const SHIPMENT_STATUSES = ['Picking', 'Packed', 'Shipped', 'Delivered', 'Cancelled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const BACKORDER_SOURCES = ['Auto', 'Manual'] as const;
export const EXPECTED_SOURCES = ['PO', 'Manual', 'Lead time'] as const;
export type ExpectedSource = (typeof EXPECTED_SOURCES)[number];

export const CANCEL_REASONS = [
  'Customer Requested',
  'Product Discontinued',
  'Unable to Fulfill',
  'Excessive Delay',
  'Other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const CALL_METHODS = ['Phone', 'Email', 'In person', 'Other'] as const;
export type CallMethod = (typeof CALL_METHODS)[number];

export const CUSTOMER_CHOICES = ['Wait', 'Substitute', 'Cancel part', 'Reschedule'] as const;
export type CustomerChoice = (typeof CUSTOMER_CHOICES)[number];

/** Matches typed text to a vocabulary entry ignoring case, spaces, hyphens and underscores. */
export function matchVocabulary<V extends string>(values: readonly V[], text: string): V | undefined {
  if ((values as readonly string[]).includes(text)) return text as V;
  let normalized = normalizedVocabularies.get(values);
  if (!normalized) {
    normalized = new Map();
    for (const v of values) if (!normalized.has(normalizeWord(v))) normalized.set(normalizeWord(v), v);
    normalizedVocabularies.set(values, normalized);
  }
  return normalized.get(normalizeWord(text)) as V | undefined;
}

const normalizeWord = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** Each vocabulary's entries by their normalized spelling, built on first use. */
const normalizedVocabularies = new WeakMap<readonly string[], Map<string, string>>();
