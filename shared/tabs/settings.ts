/**
 * Settings tab: Key / Value rows that tune the engine (time zone, aging buckets, backorder mode,
 * invoice numbering, currency, stale age, message templates). Every key has a default, so an empty
 * Settings tab is a working configuration; a bad value is refused with its cell named.
 */
import * as z from 'zod/mini';
import { DeskError } from '../primitives/errors';
import type { Cell } from '../sheet/cells';
import { defineTab, id, type RecordOf, text } from '../sheet/columns';

export const SettingsTab = defineTab(
  'Settings',
  {
    key: id('Key', 'user', { required: true }),
    value: text('Value', 'user'),
    notes: text('Notes', 'user'),
  },
  ['key'],
);
export type SettingRow = RecordOf<typeof SettingsTab.columns>;

const onOff = z.enum(['On', 'Off']);
const wholeNumber = z.number().check(z.int(), z.gte(0));

/** Zones already asked of Intl: a formatter costs about a millisecond to make, and a load asks often. */
const ZONES_ASKED = new Map<string, boolean>();

/** An IANA zone this runtime knows (Intl refuses the rest), e.g. America/New_York. */
export function isTimeZone(zone: string): boolean {
  let known = ZONES_ASKED.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = zone.trim() !== '';
    } catch {
      known = false;
    }
    if (ZONES_ASKED.size < 100) ZONES_ASKED.set(zone, known);
  }
  return known;
}

/** The typed settings; the key of each field is also its Key cell in the sheet. */
export const SettingsSchema = z.object({
  TimeZone: z.string().check(z.refine(isTimeZone, 'an IANA time zone such as America/New_York')),
  AgingBuckets: z.array(wholeNumber).check(z.minLength(1)),
  AllocationPolicy: z.enum(['Priority then oldest']),
  AutoBackorder: onOff,
  BackorderMode: z.enum(['Backorder lines', 'New order for the remainder']),
  InvoicePrefix: z.string(),
  NextInvoiceNumber: wholeNumber,
  Currency: z.string().check(z.length(3)),
  CurrencyDigits: z.number().check(z.int(), z.gte(0), z.lte(4)),
  StaleBackorderDays: wholeNumber,
  SlipThresholdDays: wholeNumber,
  FollowUpDays: wholeNumber,
  QuickBooksDateFormat: z.enum(['MM/dd/yyyy', 'dd/MM/yyyy', 'yyyy-MM-dd']),
  XeroDateFormat: z.enum(['dd/MM/yyyy', 'MM/dd/yyyy']),
  XeroAccountCode: z.string().check(z.minLength(1)),
  XeroTaxType: z.string().check(z.minLength(1)),
  TemplateBackorderCreated: z.string(),
  TemplateRescheduled: z.string(),
  TemplateReady: z.string(),
  TemplateShipped: z.string(),
  TemplateCancelled: z.string(),
  TemplateStatus: z.string(),
  TemplateDelivered: z.string(),
  NotifyFrom: z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'a date written YYYY-MM-DD, or blank')),
  StatusEveryDays: z.number().check(z.int(), z.gte(1)),
  DeliveryDays: wholeNumber,
  DeliveredFollowUpDays: wholeNumber,
  UndoKeep: z.number().check(z.int(), z.gte(1)),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * The tax rate Xero sets up for sales in the region of a workbook's currency, by the exact name its
 * import matches: "GST on Income" (Australia), "15% GST on Income" (New Zealand), "20% (VAT on
 * Income)" (United Kingdom), and "Tax Exempt" for a US or other organisation, whose sales tax Xero
 * leaves to the organisation (docs/design.md, "Xero's region defaults").
 */
const XERO_SALES_TAX: Readonly<Record<string, string>> = {
  AUD: 'GST on Income',
  NZD: '15% GST on Income',
  GBP: '20% (VAT on Income)',
};

/**
 * What Xero's import expects of an organisation in the region a workbook's currency names: its date
 * style (Xero reads invoice dates in the organisation's own format, Settings ▸ General settings ▸
 * Formatting: month first for a US organisation, day first in the UK, Australia, New Zealand and
 * elsewhere) and its default sales tax rate. A USD workbook is taken for a US organisation;
 * XeroDateFormat and XeroTaxType in Settings override them (docs/design.md, "Xero's region defaults").
 */
export function xeroDefaultsFor(currency: string): Pick<Settings, 'XeroDateFormat' | 'XeroTaxType'> {
  const code = currency.trim().toUpperCase();
  return {
    XeroDateFormat: code === 'USD' ? 'MM/dd/yyyy' : 'dd/MM/yyyy',
    XeroTaxType: XERO_SALES_TAX[code] ?? 'Tax Exempt',
  };
}

export const DEFAULT_SETTINGS: Settings = {
  TimeZone: 'America/New_York',
  AgingBuckets: [7, 14, 30],
  AllocationPolicy: 'Priority then oldest',
  AutoBackorder: 'On',
  BackorderMode: 'Backorder lines',
  InvoicePrefix: 'INV-',
  NextInvoiceNumber: 1001,
  Currency: 'USD',
  CurrencyDigits: 2,
  StaleBackorderDays: 30,
  SlipThresholdDays: 3,
  FollowUpDays: 7,
  QuickBooksDateFormat: 'MM/dd/yyyy',
  // The default currency's region (xeroDefaultsFor), as parseSettings and Set up derive them.
  XeroDateFormat: 'MM/dd/yyyy',
  XeroAccountCode: '200',
  XeroTaxType: 'Tax Exempt',
  TemplateBackorderCreated:
    'Dear {customer}, we are sorry: {qty} × {product} ({sku}) on order {order} is on backorder ({reason}). We expect it by {expected}{source}. Your price of {price} is locked in. You can wait, take a substitute, or cancel this part of the order: reply to this message and {rep} will arrange it.',
  TemplateRescheduled:
    'Dear {customer}, the {qty} × {product} ({sku}) on backorder {backorder} is now expected by {expected} instead of {previous}: {reason}. We are sorry for the delay. Tell us if you would rather substitute or cancel.',
  TemplateReady:
    'Dear {customer}, good news: {qty} × {product} ({sku}) for order {order} has arrived and is being prepared for shipment.',
  TemplateShipped:
    'Dear {customer}, {qty} × {product} ({sku}) for order {order} shipped on {date}. {tracking} {delivery} {completion}',
  TemplateCancelled:
    'Dear {customer}, backorder {backorder} for {qty} × {product} ({sku}) has been cancelled: {reason}. You will not be charged for the cancelled units, and anything paid for them will be refunded.',
  TemplateStatus:
    'Dear {customer}, an update on backorder {backorder}: {qty} × {product} ({sku}) for order {order} has waited {age} days and is expected by {expected}. Thank you for your patience; reply if you would rather substitute or cancel.',
  TemplateDelivered:
    'Dear {customer}, your {product} for order {order} should have arrived. Did everything come in good order? Reply to this message if anything is missing or damaged.',
  NotifyFrom: '',
  StatusEveryDays: 7,
  DeliveryDays: 3,
  DeliveredFollowUpDays: 3,
  UndoKeep: 100,
};

/** Human notes that setup writes beside each key. */
export const SETTING_NOTES: Record<keyof Settings, string> = {
  TimeZone: 'IANA time zone of dates in this workbook, e.g. America/New_York',
  AgingBuckets: 'upper bounds in days of the aging buckets, e.g. 7, 14, 30 (then 30+)',
  AllocationPolicy: 'who gets stock first: Priority (VIP, High, Normal) then oldest order',
  AutoBackorder: 'On: a shortfall becomes a backorder at once; Off: it is only flagged',
  BackorderMode: 'Backorder lines, or New order for the remainder (002 strategy 3)',
  InvoicePrefix: 'text before invoice numbers',
  NextInvoiceNumber: 'number of the next invoice',
  Currency: 'ISO currency code',
  CurrencyDigits: 'digits after the decimal point of the currency',
  StaleBackorderDays: 'age in days after which an open backorder is stale',
  SlipThresholdDays: 'a vendor ETA that slips more than this raises a follow-up',
  FollowUpDays: 'days until the next follow-up after a customer contact',
  QuickBooksDateFormat: 'date format of QuickBooks Online invoice imports (US companies: MM/dd/yyyy)',
  XeroDateFormat:
    "date format of Xero invoice imports, as your Xero organisation's region writes dates (Xero: Settings ▸ General settings ▸ Formatting); Set up fills MM/dd/yyyy for USD, dd/MM/yyyy otherwise",
  XeroAccountCode: 'Xero revenue account code for invoice lines',
  XeroTaxType:
    "Xero tax rate name exactly as it appears in Xero (Settings ▸ Tax rates); Set up fills your region's sales rate: GST on Income (AUD), 15% GST on Income (NZD), 20% (VAT on Income) (GBP), Tax Exempt otherwise",
  TemplateBackorderCreated:
    'message when a backorder is created; placeholders {customer} {qty} {product} {sku} {order} {backorder} {expected} {source} (" (our supplier\'s date for PO-1)", blank when no date holds) {price} {reason} {rep} {shipped}',
  TemplateRescheduled: 'message when a backorder is rescheduled; also {previous} (the date told before)',
  TemplateReady: 'message when stock for a backorder has arrived',
  TemplateShipped:
    'message when a backorder ships; also {date} (the ship date), {tracking}, {delivery} (the estimate) and {completion} (complete, or what still waits)',
  TemplateCancelled: 'message when a backorder is cancelled; also {reason}',
  TemplateStatus: 'status message for a backorder still waiting; also {age} (days waiting)',
  TemplateDelivered: 'follow-up after a backorder was delivered',
  NotifyFrom:
    'customer e-mails (notify) go out for backorders created on or after this date, YYYY-MM-DD; blank: none',
  StatusEveryDays: 'days between status messages for a backorder still waiting',
  DeliveryDays: 'days from shipment to delivery, for the estimate in shipped messages',
  DeliveredFollowUpDays: 'days after shipment that the delivery follow-up is due',
  UndoKeep:
    'how many of the latest actions undo can reach: older Log rows keep their summary, not the rows undo would restore',
};

function coerce(key: keyof Settings, text: string): unknown {
  const t = text.trim();
  switch (key) {
    case 'AgingBuckets':
      return t
        .split(/[,;\s]+/)
        .filter(Boolean)
        .map(Number);
    case 'NextInvoiceNumber':
    case 'CurrencyDigits':
    case 'StaleBackorderDays':
    case 'SlipThresholdDays':
    case 'FollowUpDays':
    case 'StatusEveryDays':
    case 'DeliveryDays':
    case 'DeliveredFollowUpDays':
    case 'UndoKeep':
      return t === '' ? Number.NaN : Number(t);
    case 'AutoBackorder':
      return /^(on|yes|true|1)$/i.test(t) ? 'On' : /^(off|no|false|0)$/i.test(t) ? 'Off' : t;
    default:
      return t;
  }
}

/** Whether a Key cell names `key`: any case, spaces anywhere ("Undo keep" is UndoKeep). */
const isKey = (cell: unknown, key: keyof Settings): boolean =>
  String(cell ?? '')
    .replace(/\s+/g, '')
    .toLowerCase() === key.toLowerCase();

/**
 * A setting's text as Settings' cells hold it (`values` the tab's rows, its header first), keys
 * matched as `parseSettings` matches them; undefined when the key is missing or blank. For a read
 * plan that must know a setting before the tab is decoded (shared/io/row-scope.ts).
 */
export function rawSetting(values: readonly (readonly Cell[])[], key: keyof Settings): string | undefined {
  const header = (values[0] ?? []).map((h) =>
    String(h ?? '')
      .trim()
      .toLowerCase(),
  );
  const k = header.indexOf('key');
  const v = header.indexOf('value');
  if (k < 0 || v < 0) return undefined;
  const row = values.slice(1).find((r) => isKey(r[k], key));
  const text = String(row?.[v] ?? '').trim();
  return text === '' ? undefined : text;
}

/**
 * Reads Settings rows into typed settings, defaults filling missing keys; unknown keys are kept in the
 * sheet and ignored here (templates and lists live beside the typed keys).
 * @param rowOf sheet row number of each setting row, to name the cell of a bad value
 */
export function parseSettings(rows: readonly SettingRow[], rowOf: (index: number) => number): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const stated = new Set<keyof Settings>();
  rows.forEach((row, index) => {
    const key = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).find((k) => isKey(row.key, k));
    if (!key || row.value.trim() === '') return;
    stated.add(key);
    const value = coerce(key, row.value);
    const check = SettingsSchema.shape[key].safeParse(value);
    if (check.success) merged[key] = check.data;
    else problems.push(`Settings!B${rowOf(index)}: ${key} is not valid, got "${row.value}"`);
  });
  if (problems.length > 0) throw new DeskError('BAD_CELL', 'Settings has bad values:', problems);
  // Xero's date style and tax rate follow the currency's region unless Settings states them.
  for (const [key, value] of Object.entries(xeroDefaultsFor(String(merged.Currency))))
    if (!stated.has(key as keyof Settings)) merged[key] = value;
  return SettingsSchema.parse(merged);
}
