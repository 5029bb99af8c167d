/**
 * One cell to one domain value and back, per column kind. Sheets hand cells over in two shapes, called
 * faces here: the Sheets API (`UNFORMATTED_VALUE` + `SERIAL_NUMBER`: dates as serial numbers, text as
 * text, written back with `RAW`) and Apps Script (`getValues()`: dates as `Date` objects; `setValues()`
 * parses text as if typed, so text that could turn into a number, date or formula is written with a
 * leading apostrophe, which Sheets keeps as "this is text" and does not show).
 */

import {
  dateInZone,
  type IsoDate,
  instantToSerial,
  isoDateToSerial,
  parseDateText,
  serialToInstant,
  serialToIsoDate,
  zonedInstant,
} from '../primitives/dates';
import {
  type BasisPoints,
  type Cents,
  centsToUnits,
  parseMoneyText,
  toBasisPoints,
  toCents,
} from '../primitives/money';
import { toQty } from '../primitives/quantity';
import { matchVocabulary } from '../tabs/vocabulary';
import type { Column } from './columns';

/** A cell as either face delivers it; '' (or null) is an empty cell. */
export type Cell = string | number | boolean | Date | null;

export interface CellContext {
  readonly face: 'api' | 'apps-script';
  /** Time zone of the spreadsheet, used to read and write dates. */
  readonly timeZone: string;
  readonly currencyDigits: number;
}

export type Decoded = { ok: true; value: unknown } | { ok: false; expected: string };

const EXPECTED: Record<Column['kind'], string> = {
  text: 'must be text',
  id: 'must not be empty',
  qty: 'must be a whole number ≥ 0',
  int: 'must be a whole number ≥ 0',
  money: 'must be an amount ≥ 0 such as 9.80',
  discount: 'must be a discount from 0 to 1 (or 0% to 100%)',
  date: 'must be a date with a four-digit year (YYYY-MM-DD)',
  timestamp: 'must be a date and time',
  enum: 'must be one of',
  bool: 'must be TRUE or FALSE',
};

export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === '' || cell === null || cell === undefined;
}

function cellText(cell: Cell, ctx: CellContext): string {
  if (cell instanceof Date) return dateInZone(cell, ctx.timeZone);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function expected(column: Column): string {
  return column.kind === 'enum'
    ? `must be one of ${(column.values ?? []).join(', ')}`
    : EXPECTED[column.kind];
}

/**
 * What `decodeValue` returns for a cell it refuses: a required cell left empty, or a cell that is not
 * what its column holds. Sentinels instead of result objects: a 50,000-line workbook decodes about a
 * million cells, and an object per cell was a third of the decode time (garbage collection).
 */
export const EMPTY_REQUIRED: unique symbol = Symbol('empty required cell');
export const INVALID: unique symbol = Symbol('invalid cell');
type Refused = typeof EMPTY_REQUIRED | typeof INVALID;

/** The value of an empty cell, or a refusal when the column requires one. */
function emptyValue(column: Column): unknown {
  if (column.required) return EMPTY_REQUIRED;
  switch (column.kind) {
    case 'qty':
    case 'int':
    case 'money':
    case 'discount':
      return 0;
    case 'date':
      return null;
    case 'bool':
      return false;
    case 'enum':
      return column.fallback ?? '';
    default:
      return '';
  }
}

function decodeDate(cell: Cell, ctx: CellContext): IsoDate | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : dateInZone(cell, ctx.timeZone);
  if (typeof cell === 'number') return Number.isFinite(cell) && cell > 0 ? serialToIsoDate(cell) : null;
  if (typeof cell === 'string') return parseDateText(cell);
  return null;
}

function decodeTimestamp(cell: Cell, ctx: CellContext): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString();
  if (typeof cell === 'number') return serialToInstant(cell, ctx.timeZone).toISOString();
  if (typeof cell === 'string') {
    const t = Date.parse(cell);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
    const day = parseDateText(cell);
    return day ? zonedInstant(day, ctx.timeZone).toISOString() : null;
  }
  return null;
}

/** Decodes one cell for a column: its value, or EMPTY_REQUIRED / INVALID (the hot path of decoding). */
export function decodeValue(column: Column, cell: Cell | undefined, ctx: CellContext): unknown {
  if (isEmptyCell(cell) || (typeof cell === 'string' && column.kind !== 'text' && cell.trim() === ''))
    return emptyValue(column);
  const c = cell as Cell;
  switch (column.kind) {
    case 'text':
      return cellText(c, ctx);
    case 'id':
      return cellText(c, ctx).trim();
    case 'qty':
    case 'int':
      return toQty(c) ?? INVALID;
    case 'money': {
      const cents =
        typeof c === 'number'
          ? toCents(c, ctx.currencyDigits)
          : typeof c === 'string'
            ? parseMoneyText(c, ctx.currencyDigits)
            : null;
      return cents === null || cents < 0 ? INVALID : cents;
    }
    case 'discount':
      return (typeof c === 'number' || typeof c === 'string' ? toBasisPoints(c) : null) ?? INVALID;
    case 'date':
      return decodeDate(c, ctx) ?? INVALID;
    case 'timestamp':
      return decodeTimestamp(c, ctx) ?? INVALID;
    case 'enum':
      return matchVocabulary(column.values ?? [], cellText(c, ctx)) ?? INVALID;
    case 'bool': {
      if (typeof c === 'boolean') return c;
      const t = cellText(c, ctx).trim().toLowerCase();
      if (['true', 'yes', 'y', '1', 'x'].includes(t)) return true;
      if (['false', 'no', 'n', '0'].includes(t)) return false;
      return INVALID;
    }
  }
}

/** What a refused cell should have held, for the error naming it. */
export function refusal(column: Column, refused: Refused): string {
  return refused === EMPTY_REQUIRED ? 'must not be empty' : expected(column);
}

export const isRefused = (v: unknown): v is Refused => v === INVALID || v === EMPTY_REQUIRED;

/** Decodes one cell for a column, as a result that says what was expected when it is refused. */
export function decodeCell(column: Column, cell: Cell | undefined, ctx: CellContext): Decoded {
  const value = decodeValue(column, cell, ctx);
  return isRefused(value) ? { ok: false, expected: refusal(column, value) } : { ok: true, value };
}

/**
 * Text that Apps Script's `setValues` would parse into something else ("as if typed": a formula, a
 * number, "12%", "$5", a boolean, "Jan 5" / "May 2024" / "1/2" as dates, "#N/A" as an error) gets a
 * leading apostrophe, which Sheets stores as text without it. Text starting with a month's name is
 * always escaped ("Mayfair" too): an apostrophe that was not needed costs nothing.
 */
const WOULD_BE_PARSED =
  /^[=+\-@'#\d.,$€£(\s]|^(true|false)$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** A text value made safe for the face: never a formula, never silently turned into a number. */
export function encodeText(value: string, ctx: CellContext): Cell {
  if (ctx.face === 'apps-script' && value !== '' && WOULD_BE_PARSED.test(value)) return `'${value}`;
  return value;
}

/** Encodes one domain value for a column. */
export function encodeCell(column: Column, value: unknown, ctx: CellContext): Cell {
  switch (column.kind) {
    case 'qty':
    case 'int':
      return value as number;
    case 'money':
      return centsToUnits(value as Cents, ctx.currencyDigits);
    case 'discount':
      return (value as BasisPoints) / 10_000;
    case 'date':
      if (value === null || value === '') return '';
      return ctx.face === 'api'
        ? isoDateToSerial(value as IsoDate)
        : zonedInstant(value as IsoDate, ctx.timeZone);
    case 'timestamp': {
      if (value === '' || value === null) return '';
      const instant = new Date(value as string);
      return ctx.face === 'api' ? instantToSerial(instant, ctx.timeZone) : instant;
    }
    case 'bool':
      return value as boolean;
    default:
      return encodeText(String(value ?? ''), ctx);
  }
}
