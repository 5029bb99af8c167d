/**
 * CSV import as a plan: rows of a CSV become added or updated records of one tab, matched by key
 * (PRODUCT.md section 7). CSV headers use the tab's column names (matched like sheet headers). Only
 * people's columns can be imported, and the decisions people keep in an engine column (a PO line's
 * Status Draft / Sent / Cancelled); every cell is validated and every bad one reported
 * ("orders.csv row 12: Qty must be a whole number ≥ 0, got "ten""), and one bad row refuses the file.
 * With `opening`, the balances of an order book and a PO list already in flight come in as well
 * (shared/bulk/opening.ts decides what they become).
 */

import { type CustomerDefault, customerDefaultOf } from '../customer-defaults';
import { ADDRESS_EXPECTED, addresses } from '../notify';
import { DeskError } from '../primitives/errors';
import { grouped } from '../primitives/quantity';
import { columnLetter } from '../sheet/a1';
import { type Cell, type CellContext, decodeCell } from '../sheet/cells';
import type { DecodedTab, TabChanges } from '../sheet/codec';
import {
  type Column,
  type Columns,
  keyOf,
  normalizeHeader,
  type RecordOf,
  type TabSpec,
} from '../sheet/columns';
import type { PoLine } from '../tabs/purchase-orders';
import { decisionHint, decisionValues, importable, settlePo, suggest } from './import-columns';
import { OPENING_BALANCES, OPENING_COLUMNS, openingHint } from './opening';

export interface ImportOptions {
  /** Opening balances of a book already in flight (`import --opening`). */
  readonly opening?: boolean;
  /** Customers' defaults (shared/customer-defaults.ts): an order line's blank Priority or ShipPolicy takes them. */
  readonly customerDefaults?: ReadonlyMap<string, CustomerDefault>;
  /**
   * The SKUs Inventory has: an order line for any other is refused (a typo would wait forever with no
   * warehouse or date). Left out while Inventory is empty: there is no catalogue to check against yet.
   */
  readonly knownSkus?: ReadonlySet<string>;
}

/** An Orders record with its blank Priority / ShipPolicy cells given the customer's default. */
function withDefaults(
  record: Record<string, unknown>,
  blankFields: ReadonlySet<string>,
  defaults: ReadonlyMap<string, CustomerDefault> | undefined,
): Record<string, unknown> {
  const d = defaults && customerDefaultOf(defaults, String(record.customer ?? ''));
  if (!d) return record;
  return {
    ...record,
    ...(d.priority && blankFields.has('priority') ? { priority: d.priority } : {}),
    ...(d.shipPolicy && blankFields.has('shipPolicy') ? { shipPolicy: d.shipPolicy } : {}),
  };
}

export interface ImportPlan<C extends Columns> {
  readonly changes: TabChanges<RecordOf<C>>;
  /** Values for people's own columns (not the engine's): record key → sheet column index → text. */
  readonly extras: Map<string, Map<number, string>>;
  readonly summary: string;
  /** The CSV row (1-based, header row 1) each imported record came from, by record key. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** Values of the opening-only columns that are not columns of the tab (an order's ShipDate), by key. */
  readonly opening: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** Google Sheets refuses a cell over 50,000 characters; an import refuses it first, naming it. */
export const MAX_CELL_CHARS = 50_000;

export function planImport<C extends Columns>(
  tab: DecodedTab<C>,
  csv: readonly (readonly string[])[],
  source: string,
  ctx: CellContext,
  sheetHeader: readonly Cell[] = [],
  options: ImportOptions = {},
): ImportPlan<C> {
  const { spec } = tab;
  const opening = options.opening === true;
  if (opening && !OPENING_BALANCES[spec.name])
    throw new DeskError('BAD_INPUT', `Cannot import ${source} into ${spec.name}: ${openingHint(spec.name)}`);
  const header = csv[0] ?? [];
  const problems: string[] = [];
  const fields = new Map<number, string>();
  /** CSV column → the sheet column people added with that header. */
  const own = new Map<number, number>();
  const byHeader = new Map(Object.entries(spec.columns).map(([f, c]) => [normalizeHeader(c.header), f]));
  const extraColumns: Columns = opening ? (OPENING_COLUMNS[spec.name] ?? {}) : {};
  const extraByHeader = new Map(Object.entries(extraColumns).map(([f, c]) => [normalizeHeader(c.header), f]));
  /** CSV column → opening-only field (not a column of the tab). */
  const extraFields = new Map<number, string>();
  const firstAt = new Map<string, number>();
  header.forEach((h, i) => {
    const name = normalizeHeader(h);
    const earlier = firstAt.get(name);
    if (name !== '' && earlier !== undefined) {
      // Two columns with one header: which one holds the data is a guess, so neither is taken.
      problems.push(
        `${source}: column "${h}" appears twice (columns ${columnLetter(earlier)} and ${columnLetter(i)}); keep one`,
      );
      return;
    }
    firstAt.set(name, i);
    const field = byHeader.get(normalizeHeader(h));
    const extra = extraByHeader.get(normalizeHeader(h));
    if (!field && extra) {
      extraFields.set(i, extra);
      return;
    }
    if (!field) {
      const at = sheetHeader.findIndex((s) => normalizeHeader(s) === normalizeHeader(h));
      if (at >= 0) own.set(i, at);
      else if (normalizeHeader(h) !== '')
        problems.push(
          `${source}: column "${h}" is neither a column of ${spec.name} nor one people added to it${suggest(h, spec as unknown as TabSpec<Columns>)}`,
        );
      return;
    }
    const column = spec.columns[field];
    if (column && !importable(spec.name, field, column.owner, opening))
      problems.push(
        `${source}: column ${column.header} is written by the ${column.owner}; imports set people's columns only${decisionHint(spec as unknown as TabSpec<Columns>)}${!opening && (OPENING_BALANCES[spec.name] ?? []).includes(field) ? `; ${openingHint(spec.name)}` : ''}`,
      );
    fields.set(i, field);
  });
  const present = new Set(fields.values());
  for (const k of spec.key)
    if (!present.has(k)) problems.push(`${source}: key column ${spec.columns[k]?.header} is missing`);
  if (problems.length > 0)
    throw new DeskError('BAD_INPUT', `Cannot import ${source} into ${spec.name}:`, problems);

  const updated = new Map<string, RecordOf<C>>();
  const added = new Map<string, RecordOf<C>>();
  const seenAt = new Map<string, number>();
  const extras = new Map<string, Map<number, string>>();
  const openingValues = new Map<string, Record<string, unknown>>();
  for (let r = 1; r < csv.length; r++) {
    const row = csv[r] ?? [];
    if (row.every((c) => c.trim() === '')) continue;
    const values: Record<string, unknown> = {};
    let bad = false;
    row.forEach((cell, i) => {
      if (cell.length <= MAX_CELL_CHARS) return;
      bad = true;
      problems.push(
        `${source} row ${r + 1}: ${header[i] ?? columnLetter(i)} has ${grouped(cell.length)} characters, more than the 50,000 a Google Sheets cell holds`,
      );
    });
    for (const [i, field] of fields) {
      const column = spec.columns[field] as Columns[string];
      const d = decodeCell(column, (row[i] ?? '') as Cell, ctx);
      const allowed = decisionValues(spec.name, field);
      if (d.ok && allowed && (row[i] ?? '').trim() !== '' && !allowed.includes(String(d.value))) {
        bad = true;
        problems.push(
          `${source} row ${r + 1}: ${column.header} may be ${allowed.join(', ')} in an import (the engine derives the rest), got ${JSON.stringify(row[i])}`,
        );
      } else if (
        d.ok &&
        field === 'customerEmail' &&
        String(d.value).trim() !== '' &&
        !addresses(String(d.value))
      ) {
        bad = true;
        problems.push(
          `${source} row ${r + 1}: CustomerEmail ${ADDRESS_EXPECTED}, got ${JSON.stringify(row[i])}`,
        );
      } else if (d.ok) values[field] = d.value;
      else {
        bad = true;
        problems.push(
          `${source} row ${r + 1}: ${column.header} ${d.expected}, got ${JSON.stringify(row[i] ?? '')}`,
        );
      }
    }
    const more: Record<string, unknown> = {};
    for (const [i, field] of extraFields) {
      const column = extraColumns[field] as Column;
      const d = decodeCell(column, (row[i] ?? '') as Cell, ctx);
      if (d.ok) more[field] = d.value;
      else {
        bad = true;
        problems.push(
          `${source} row ${r + 1}: ${column.header} ${d.expected}, got ${JSON.stringify(row[i])}`,
        );
      }
    }
    if (
      !bad &&
      spec.name === 'Orders' &&
      options.knownSkus &&
      'sku' in values &&
      !options.knownSkus.has(String(values.sku))
    ) {
      bad = true;
      problems.push(
        `${source} row ${r + 1}: SKU ${JSON.stringify(values.sku)} is not in Inventory; add it there first, or fix the SKU`,
      );
    }
    if (bad) continue;
    const key = keyOf(spec, values as RecordOf<C>);
    const dup = seenAt.get(key);
    if (dup !== undefined) {
      problems.push(`${source} row ${r + 1}: key ${key} repeats row ${dup}`);
      continue;
    }
    seenAt.set(key, r + 1);
    if (extraFields.size > 0) openingValues.set(key, more);
    if (own.size > 0) extras.set(key, new Map([...own].map(([ci, at]) => [at, row[ci] ?? ''])));
    const at = tab.byKey.get(key);
    const existing = at === undefined ? undefined : (tab.records[at] as RecordOf<C>);
    const settle = (record: RecordOf<C>): RecordOf<C> | undefined => {
      if (spec.name !== 'POs' || !('status' in values)) return record;
      const out = settlePo(existing as unknown as PoLine | undefined, record as unknown as PoLine);
      if ('refused' in out) {
        problems.push(`${source} row ${r + 1}: ${out.refused}`);
        return undefined;
      }
      return out.record as unknown as RecordOf<C>;
    };
    // Blank (or, for a new row, absent) Priority / ShipPolicy cells of an order line take its customer's default.
    const blankFields = new Set(
      spec.name === 'Orders'
        ? ['priority', 'shipPolicy'].filter((f) => {
            const at = [...fields].find(([, field]) => field === f)?.[0];
            return at === undefined ? !existing : (row[at] ?? '').trim() === '';
          })
        : [],
    );
    if (existing) {
      const merged = settle(
        withDefaults({ ...existing, ...values }, blankFields, options.customerDefaults) as RecordOf<C>,
      );
      if (merged) updated.set(key, merged);
      continue;
    }
    const record: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(spec.columns)) {
      if (field in values) continue;
      const d = decodeCell(column, '', ctx);
      if (d.ok) record[field] = d.value;
      else
        problems.push(
          `${source} row ${r + 1}: ${column.header} ${d.expected} for a new row, and the CSV has no such column`,
        );
    }
    const fresh = settle(
      withDefaults({ ...record, ...values }, blankFields, options.customerDefaults) as RecordOf<C>,
    );
    if (fresh) added.set(key, fresh);
  }
  if (problems.length > 0)
    throw new DeskError(
      'BAD_CELL',
      `${source}: nothing imported; fix these rows and import again:`,
      problems,
    );
  return {
    changes: { updated: [...updated.values()], added: [...added.values()] },
    extras,
    summary: `${spec.name}: ${added.size} added, ${updated.size} updated from ${source}`,
    rowOf: seenAt,
    opening: openingValues,
  };
}
