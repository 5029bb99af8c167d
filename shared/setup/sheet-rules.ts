/**
 * How Set up workbook dresses each tab, derived from the column tables so it can never disagree with
 * the engine: number formats by kind; data validation (dropdowns for every enumerated column, SKUs that
 * must exist in Inventory, whole quantities ≥ 0, real dates) on the columns people type; the formula
 * columns (Available, Age), written on every row and by the add-on on every row it adds; warning-only
 * protection on the columns the engine, the sync service or a formula owns; conditional formatting
 * (overdue red, Ready to Fulfill green, aging buckets shaded). Columns are found by header, wherever
 * people moved them. Pure: the add-on applies it through Apps Script's services, Check workbook compares against it.
 *
 * Decision: dropdown lists come from the engine's vocabulary (shared/tabs/vocabulary.ts), not from
 * editable lists in Settings, because statuses and reasons drive the engine: a value added to a
 * Settings list would be accepted by the dropdown and then refused by every action.
 */

import { isIsoDate, isoDateToSerial } from '../primitives/dates';
import { agingChartRange } from '../reports/aging-charts';
import { columnLetter } from '../sheet/a1';
import type { Cell } from '../sheet/cells';
import { type Column, normalizeHeader } from '../sheet/columns';
import { DEFAULT_SETTINGS } from '../tabs/settings';
import { AGING_TAB, TABS, tabKeyOf, tabSpec } from '../workbook';

export type ValidationRule =
  | { readonly type: 'list'; readonly values: readonly string[] }
  | { readonly type: 'sku' }
  | { readonly type: 'whole' }
  | { readonly type: 'date' };

export interface ColumnRule<R> {
  readonly header: string;
  /** Column letter in this sheet. */
  readonly column: string;
  readonly rule: R;
}

export interface Highlight {
  /** A1 range without the sheet, open-ended downwards ("A2:AE"). */
  readonly range: string;
  readonly formula: string;
  readonly background: string;
  /** What the colour says, for a legend ("past its expected date"). */
  readonly meaning: string;
}

export interface SheetRules {
  readonly tab: string;
  readonly formats: ColumnRule<string>[];
  readonly validations: ColumnRule<ValidationRule>[];
  /** Runs of adjacent protected columns, "F:L", each with what owns them. */
  readonly protections: { readonly columns: string; readonly description: string }[];
  /** The formula of a 1-based row, by column. */
  readonly formulas: ColumnRule<(row: number) => string>[];
  readonly highlights: Highlight[];
}

export const PROTECTION_PREFIX = 'Backorder Desk:';

const FORMATS: Partial<Record<Column['kind'], string>> = {
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm',
  money: '#,##0.00',
  qty: '0',
  int: '0',
  discount: '0.00%',
};

export interface FormulaColumn {
  readonly header: string;
  /** The formula for a 1-based row, given the sheet's header row (columns found by name). */
  readonly formula: (row: number, header: readonly Cell[]) => string;
  /**
   * What the formula shows for a row, computed here: an export of a workbook whose cell holds no
   * formula (one the CLI made) carries the value all the same. `cell` reads the row by header; dates
   * are serials (the Sheets API's face); `today` is a date serial. test/shared/sheet-rules.test.ts
   * holds it equal to the formula as a spreadsheet computes it.
   */
  readonly value: (cell: (header: string) => Cell | undefined, today: number) => Cell;
}

const blank = (v: Cell | undefined) => v === '' || v === null || v === undefined;
const serialOf = (v: Cell | undefined): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && isIsoDate(v) ? isoDateToSerial(v) : undefined;

const letterOf = (header: readonly Cell[], name: string) => {
  const at = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
  return at < 0 ? undefined : columnLetter(at);
};

/** The formula columns of a tab: Available = OnHand − Allocated; a backorder's Age in days while open. */
export function formulaColumns(tabName: string): FormulaColumn[] {
  if (tabName === TABS.inventory.name)
    return [
      {
        header: 'Available',
        formula: (r, h) => {
          const [k, on, al] = ['SKU', 'OnHand', 'Allocated'].map((n) => letterOf(h, n) ?? 'A');
          return `=IF(${k}${r}="","",${on}${r}-${al}${r})`;
        },
        value: (cell) =>
          blank(cell('SKU')) ? '' : Number(cell('OnHand') || 0) - Number(cell('Allocated') || 0),
      },
    ];
  if (tabName === TABS.backorders.name)
    return [
      {
        header: 'Age',
        formula: (r, h) => {
          const [c, q] = ['CreatedAt', 'QtyRemaining'].map((n) => letterOf(h, n) ?? 'A');
          return `=IF(OR(${c}${r}="",${q}${r}=0),"",TODAY()-${c}${r})`;
        },
        value: (cell, today) => {
          const created = serialOf(cell('CreatedAt'));
          if (created === undefined || Number(cell('QtyRemaining') || 0) === 0) return '';
          return today - created;
        },
      },
    ];
  return [];
}

function validationFor(key: string, column: Column): ValidationRule | undefined {
  if (column.kind === 'enum' && column.values) return { type: 'list', values: column.values };
  if (column.owner !== 'user') return undefined;
  if (column.header === 'SKU' && key !== 'inventory') return { type: 'sku' };
  if (column.kind === 'qty') return { type: 'whole' };
  if (column.kind === 'date') return { type: 'date' };
  return undefined;
}

function highlightsFor(tabName: string, header: readonly Cell[], last: string): Highlight[] {
  const col = (n: string) => letterOf(header, n);
  if (tabName === TABS.backorders.name) {
    const [e, q, s] = [col('ExpectedDate'), col('QtyRemaining'), col('Status')];
    if (!e || !q || !s) return [];
    return [
      {
        range: `A2:${last}`,
        formula: `=$${s}2="Ready to Fulfill"`,
        background: '#d9ead3',
        meaning: 'Ready to Fulfill',
      },
      {
        range: `A2:${last}`,
        formula: `=AND($${q}2>0,$${e}2<>"",$${e}2<TODAY(),$${s}2<>"Cancelled")`,
        background: '#f4cccc',
        meaning: 'open past its expected date',
      },
    ];
  }
  if (tabName === TABS.orders.name) {
    const s = col('Status');
    return s
      ? [
          {
            range: `A2:${last}`,
            formula: `=$${s}2="Backordered"`,
            background: '#fce5cd',
            meaning: 'Backordered',
          },
        ]
      : [];
  }
  if (tabName === AGING_TAB) {
    const r = agingChartRange(DEFAULT_SETTINGS.AgingBuckets.length + 1);
    return [
      {
        range: `A${r.firstRow}:D${r.lastRow}`,
        formula: `=LEN($A${r.firstRow})>0`,
        background: '#fff2cc',
        meaning: 'the chart’s data',
      },
    ];
  }
  return [];
}

/** Runs of consecutive numbers, sorted and without repeats: [3,4,5,9,4] → [[3,5],[9,9]]. */
export function consecutiveRuns(numbers: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of [...new Set(numbers)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** The rules of one tab as it stands (its header row); the Aging tab gets only its shading. */
export function sheetRules(tabName: string, header: readonly Cell[]): SheetRules | undefined {
  if (tabName === AGING_TAB)
    return {
      tab: tabName,
      formats: [],
      validations: [],
      protections: [],
      formulas: [],
      highlights: highlightsFor(tabName, header, 'D'),
    };
  const key = tabKeyOf(tabName);
  if (!key) return undefined;
  const spec = tabSpec(key);
  const byHeader = new Map(Object.values(spec.columns).map((c) => [normalizeHeader(c.header), c]));
  const formats: ColumnRule<string>[] = [];
  const validations: ColumnRule<ValidationRule>[] = [];
  const owned: number[] = [];
  header.forEach((h, at) => {
    const column = byHeader.get(normalizeHeader(h));
    if (!column) return;
    const letter = columnLetter(at);
    const format = FORMATS[column.kind];
    if (format) formats.push({ header: column.header, column: letter, rule: format });
    const rule = validationFor(key, column);
    if (rule) validations.push({ header: column.header, column: letter, rule });
    if (column.owner !== 'user') owned.push(at);
  });
  const protections = consecutiveRuns(owned).map(([first, last]) => ({
    columns: `${columnLetter(first)}:${columnLetter(last)}`,
    description: `${PROTECTION_PREFIX} columns kept by the engine and the sync service; edit through the sidebar`,
  }));
  const formulas = formulaColumns(tabName).flatMap((f) => {
    const column = letterOf(header, f.header);
    return column ? [{ header: f.header, column, rule: (row: number) => f.formula(row, header) }] : [];
  });
  const last = columnLetter(Math.max(0, header.length - 1));
  return {
    tab: tabName,
    formats,
    validations,
    protections,
    formulas,
    highlights: highlightsFor(tabName, header, last),
  };
}
