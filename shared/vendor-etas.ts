/**
 * Vendor ETA feeds, the core half (PRODUCT.md section 5): the shape of a vendor's feed mapping, the
 * validation of every feed row, and the ETA rows the `apply-etas` action takes. A bad row is reported
 * with vendor, feed row number, field, value and reason, and changes nothing; unknown POs or SKUs,
 * duplicates and ETAs in the past are reported, never guessed.
 */
import * as z from 'zod/mini';
import { type IsoDate, isIsoDate, parseDateText } from './primitives/dates';
import { toQty } from './primitives/quantity';
import { openPoQty, type PoLine } from './tabs/purchase-orders';

export const FeedMappingSchema = z.object({
  po: z.string().check(z.minLength(1)),
  line: z.optional(z.string()),
  sku: z.optional(z.string()),
  qty: z.optional(z.string()),
  eta: z.string().check(z.minLength(1)),
  status: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const VendorFeedSchema = z.object({
  vendor: z.string().check(z.minLength(1)),
  source: z.union([
    z.object({ file: z.string().check(z.minLength(1)) }),
    z.object({
      url: z.string().check(z.regex(/^https?:\/\//, 'an http(s) URL')),
      headers: z.optional(z.record(z.string(), z.string())),
    }),
  ]),
  format: z.enum(['csv', 'json']),
  delimiter: z.optional(z.enum([',', ';', '\t'])),
  mapping: FeedMappingSchema,
  /** date-fns patterns the vendor writes dates in, tried in order; ISO always works. */
  dateFormats: z._default(z.array(z.string()), ['yyyy-MM-dd']),
});
export type VendorFeed = z.infer<typeof VendorFeedSchema>;

export interface FeedProblem {
  readonly vendor: string;
  /** Row number in the feed (the header is row 1 of a CSV; a JSON feed's first item is row 1). */
  readonly row: number;
  readonly field: string;
  readonly value: string;
  readonly reason: string;
}

export const VendorEtaSchema = z.object({
  vendor: z.string(),
  row: z.number(),
  po: z.string(),
  line: z.number(),
  eta: z.string().check(z.refine(isIsoDate, 'a real date')),
  note: z.string(),
});
export type VendorEta = z.infer<typeof VendorEtaSchema>;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Validates a feed's records against the workbook's POs. `firstRow` is the feed row number of the
 * first record (2 for a CSV with a header, 1 for JSON).
 */
export function readFeed(
  feed: VendorFeed,
  records: readonly Record<string, unknown>[],
  columns: readonly string[],
  pos: readonly PoLine[],
  today: IsoDate,
  firstRow: number,
): { etas: VendorEta[]; problems: FeedProblem[] } {
  const problems: FeedProblem[] = [];
  const m = feed.mapping;
  const problem = (row: number, field: string, value: string, reason: string) =>
    problems.push({ vendor: feed.vendor, row, field, value, reason });
  const missing = [m.po, m.eta, ...(m.line ? [m.line] : []), ...(m.sku ? [m.sku] : [])].filter(
    (c) => !columns.includes(c),
  );
  if (missing.length > 0) {
    for (const c of missing)
      problem(1, c, '', `the feed has no column "${c}" (columns: ${columns.join(', ') || 'none'})`);
    return { etas: [], problems };
  }
  const byPo = new Map<string, PoLine[]>();
  for (const p of pos) byPo.set(p.po, [...(byPo.get(p.po) ?? []), p]);
  const candidates: VendorEta[] = [];
  const mapped = [m.po, m.eta, m.line, m.sku, m.qty].filter((c): c is string => Boolean(c));
  for (const [i, record] of records.entries()) {
    const row = firstRow + i;
    // A JSON feed can hold a list or an object where a value belongs: refused, never flattened to text.
    const nested = mapped.find((c) => record[c] !== null && typeof record[c] === 'object');
    if (nested) {
      problem(
        row,
        nested,
        JSON.stringify(record[nested]).slice(0, 60),
        'expected a single value, got a list or an object',
      );
      continue;
    }
    const po = text(record[m.po]);
    const etaText = text(record[m.eta]);
    if (!po) {
      problem(row, m.po, '', 'a PO number is required');
      continue;
    }
    const lines = byPo.get(po);
    if (!lines) {
      problem(row, m.po, po, 'no such PO in the workbook');
      continue;
    }
    const eta = parseDateText(etaText, [...feed.dateFormats, 'yyyy-MM-dd']);
    if (!eta) {
      problem(row, m.eta, etaText, `not a date in the vendor's format (${feed.dateFormats.join(' or ')})`);
      continue;
    }
    if (eta < today) {
      problem(row, m.eta, etaText, `ETA ${eta} is in the past (today is ${today})`);
      continue;
    }
    if (m.qty && text(record[m.qty]) !== '' && toQty(record[m.qty]) === null) {
      problem(row, m.qty, text(record[m.qty]), 'must be a whole number ≥ 0');
      continue;
    }
    let line: PoLine | undefined;
    if (m.line && text(record[m.line]) !== '') {
      const n = toQty(record[m.line]);
      line = n === null ? undefined : lines.find((l) => l.line === n);
      if (!line) {
        problem(row, m.line, text(record[m.line]), `PO ${po} has no such line`);
        continue;
      }
    } else if (m.sku && text(record[m.sku]) !== '') {
      const sku = text(record[m.sku]);
      const matches = lines.filter((l) => l.sku === sku);
      if (matches.length !== 1) {
        problem(
          row,
          m.sku,
          sku,
          matches.length === 0
            ? `PO ${po} has no line for this SKU`
            : `PO ${po} has ${matches.length} lines for this SKU: give the line`,
        );
        continue;
      }
      line = matches[0];
    } else if (lines.length === 1) line = lines[0];
    else {
      problem(row, m.po, po, `PO ${po} has ${lines.length} lines: the feed must name the line or the SKU`);
      continue;
    }
    if (!line || openPoQty(line) === 0) {
      problem(row, m.po, po, `PO ${po} line ${line?.line} is closed (${line?.status})`);
      continue;
    }
    candidates.push({
      vendor: feed.vendor,
      row,
      po,
      line: line.line,
      eta,
      note: m.note ? text(record[m.note]) : '',
    });
  }
  // Two rows for one PO line: report every one of them and apply none (never guess which is right).
  const count = new Map<string, number>();
  for (const c of candidates) count.set(`${c.po}#${c.line}`, (count.get(`${c.po}#${c.line}`) ?? 0) + 1);
  const etas = candidates.filter((c) => {
    if ((count.get(`${c.po}#${c.line}`) ?? 0) === 1) return true;
    problem(
      c.row,
      m.po,
      c.po,
      `PO ${c.po} line ${c.line} appears ${count.get(`${c.po}#${c.line}`)} times in this feed; none applied`,
    );
    return false;
  });
  problems.sort((a, b) => a.row - b.row);
  return { etas, problems };
}
