/**
 * docs/import.md, written from the column tables so it cannot drift from what `import` accepts: per
 * tab, every column an import may set (people's columns, the decisions people keep in an engine
 * column, and with `--opening` the balances of a book already in flight), whether it is required,
 * what a cell must hold, and an example CSV that imports cleanly into a new workbook (Inventory
 * first: an order line's SKU must be in it). `npm run docs:import` writes the file;
 * test/shared/import-doc.test.ts fails when it is out of date and imports every example.
 */

import type { Column } from '../sheet/columns';
import { TAB_KEYS, type TabKey, tabSpec } from '../workbook';
import { decisionValues, importable } from './import-columns';
import { OPENING_BALANCES, OPENING_COLUMNS } from './opening';

/** The tabs with a column an import may set, Inventory first (an order line's SKU must be in it). */
export const importTabs = (): TabKey[] =>
  (['inventory', ...TAB_KEYS] as TabKey[]).filter(
    (k, i, all) => all.indexOf(k) === i && columnsOf(k).length > 0,
  );

/** Example values by header: one small, consistent shop (a tile distributor). */
const SAMPLE: Readonly<Record<string, string>> = {
  SKU: 'TILE-12',
  Warehouse: 'MAIN',
  Product: 'Porcelain tile 12 in',
  Description: 'Porcelain tile 12 in',
  OnHand: '40',
  Vendor: 'Summit Tile',
  ReorderPoint: '20',
  ReorderQty: '60',
  LeadTimeDays: '14',
  UnitCost: '21.25',
  OrderID: 'SO-1001',
  Line: '1',
  OrderDate: '2026-12-01',
  Customer: 'Harbor Builders',
  SalesRep: 'Dana',
  Qty: '10',
  UnitPrice: '42.50',
  RequiredDate: '2026-12-15',
  PO: 'PO-501',
  PromisedDate: '2026-12-10',
  Status: 'Sent',
  Key: 'DeliveryDays',
  Value: '3',
  CallID: 'CL-000001',
  When: '2026-12-02 10:30:00',
  Method: 'Phone',
  Summary: 'Told the customer the PO date',
};

const KIND: Readonly<Record<Column['kind'], string>> = {
  text: 'text',
  id: 'text (an id)',
  qty: 'whole number ≥ 0',
  int: 'whole number ≥ 0',
  money: 'amount ≥ 0, e.g. 9.80 (no currency sign)',
  discount: 'discount 0 to 1, or 0% to 100%',
  date: 'date YYYY-MM-DD',
  timestamp: 'date and time, YYYY-MM-DD HH:MM:SS',
  enum: 'one of',
  bool: 'TRUE or FALSE',
};

interface ImportColumn {
  readonly header: string;
  readonly required: boolean;
  readonly holds: string;
  readonly note: string;
}

function columnsOf(key: TabKey): ImportColumn[] {
  const spec = tabSpec(key);
  const out: ImportColumn[] = [];
  // A tab whose key the engine writes (Backorders, Shipments…) is not imported: rows come from actions.
  if (spec.key.some((k) => !importable(spec.name, k, spec.columns[k]?.owner ?? 'engine'))) return out;
  for (const [field, c] of Object.entries(spec.columns)) {
    const plain = importable(spec.name, field, c.owner);
    const opening = !plain && importable(spec.name, field, c.owner, true);
    if (!plain && !opening) continue;
    const decision = c.owner !== 'user' && plain;
    const allowed = (decision ? decisionValues(spec.name, field) : undefined) ?? c.values ?? [];
    const values = c.kind === 'enum' ? ` ${allowed.join(', ')}` : '';
    out.push({
      header: c.header,
      required: spec.key.includes(field) || c.required === true,
      holds: `${KIND[c.kind]}${values}${c.fallback && !decision ? ` (empty: ${c.fallback})` : ''}`,
      note: opening
        ? 'with `--opening` only'
        : decision
          ? 'the engine keeps it; an import may set these values'
          : '',
    });
  }
  for (const c of Object.values(OPENING_COLUMNS[spec.name] ?? {}))
    out.push({ header: c.header, required: false, holds: KIND[c.kind], note: 'with `--opening` only' });
  return out;
}

/** An example CSV for a tab: its required columns and those with a sample, one row. */
export function exampleCsv(key: TabKey): string[][] {
  const columns = columnsOf(key).filter(
    (c) => c.note !== 'with `--opening` only' && (c.required || SAMPLE[c.header] !== undefined),
  );
  return [columns.map((c) => c.header), columns.map((c) => SAMPLE[c.header] ?? '')];
}

const cell = (s: string) => s.replace(/\|/g, '\\|');
/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function importDoc(): string {
  const lines = [
    '# Importing CSV files',
    '',
    '<!-- Written by `npm run docs:import` from the column tables (shared/bulk/import-doc.ts); edit those, not this file. -->',
    '',
    '`backorder-desk import --workbook FILE --tab TAB --csv FILE [--opening] [--allocate]` adds or',
    'updates rows of one tab, matched by its key columns. The first row of the CSV names the columns;',
    'a header matches whatever its case, spaces or underscores (`qty`, `QTY`, `Q_ty` all mean `Qty`), and',
    'a header close to one of the tab\'s is refused with the name it probably meant ("did you mean Qty?").',
    'Columns people added to the tab by hand may be imported too, by their header. Every cell is checked',
    'and every bad one named with its row ("orders.csv row 12: Qty must be a whole number ≥ 0, got',
    '"ten""); one bad row refuses the whole file and nothing is written. The engine\'s own columns',
    '(statuses, allocations, queue positions) are computed, never imported, except the decisions',
    'listed. Import Inventory first: an order line whose SKU Inventory does not have is refused.',
    '',
  ];
  for (const key of importTabs()) {
    const spec = tabSpec(key);
    const keyHeaders = spec.key.map((k) => spec.columns[k]?.header).join(' + ');
    lines.push(`## ${spec.name}`, '', `Key: ${keyHeaders}.`, '');
    lines.push('| column | required | a cell holds | note |', '| --- | --- | --- | --- |');
    for (const c of columnsOf(key))
      lines.push(`| ${c.header} | ${c.required ? 'yes' : ''} | ${cell(c.holds)} | ${c.note} |`);
    const opening = OPENING_BALANCES[spec.name];
    if (opening)
      lines.push('', `With \`--opening\`, a book already in flight brings its balances too (docs/cli.md).`);
    lines.push(
      '',
      'Example:',
      '',
      '```csv',
      ...exampleCsv(key).map((r) => r.map(csvField).join(',')),
      '```',
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
