/**
 * One cell to one domain value and back, per column kind. Sheets hand cells over in two shapes, called
 * faces here: the Sheets API (`UNFORMATTED_VALUE` + `SERIAL_NUMBER`: dates as serial numbers, text as
 * text, written back with `RAW`) and Apps Script (`getValues()`: dates as `Date` objects; `setValues()`
 * parses text as if typed, so text that could turn into a number, date or formula is written with a
 * leading apostrophe, which Sheets keeps as "this is text" and does not show).
 */
import type { Column } from './columns';
import {
  dateInZone,
  type IsoDate,
  instantToSerial,
  isoDateToSerial,
  parseDateText,
  serialToInstant,
  serialToIsoDate,
  zonedInstant,
} from './dates';
import { type BasisPoints, type Cents, centsToUnits, parseMoneyText, toBasisPoints, toCents } from './money';
import { toQty } from './quantity';
import { matchVocabulary } from './tabs/vocabulary';

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
  date: 'must be a date (YYYY-MM-DD)',
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

/** The value of an empty cell, or a refusal when the column requires one. */
function emptyValue(column: Column): Decoded {
  if (column.required) return { ok: false, expected: 'must not be empty' };
  switch (column.kind) {
    case 'qty':
    case 'int':
    case 'money':
    case 'discount':
      return { ok: true, value: 0 };
    case 'date':
      return { ok: true, value: null };
    case 'bool':
      return { ok: true, value: false };
    case 'enum':
      return { ok: true, value: column.fallback ?? '' };
    default:
      return { ok: true, value: '' };
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

/** Decodes one cell for a column. */
export function decodeCell(column: Column, cell: Cell | undefined, ctx: CellContext): Decoded {
  if (isEmptyCell(cell) || (typeof cell === 'string' && cell.trim() === '' && column.kind !== 'text'))
    return emptyValue(column);
  const c = cell as Cell;
  const fail: Decoded = { ok: false, expected: expected(column) };
  switch (column.kind) {
    case 'text':
      return { ok: true, value: cellText(c, ctx) };
    case 'id':
      return { ok: true, value: cellText(c, ctx).trim() };
    case 'qty':
    case 'int': {
      const q = toQty(c);
      return q === null ? fail : { ok: true, value: q };
    }
    case 'money': {
      const cents =
        typeof c === 'number'
          ? toCents(c, ctx.currencyDigits)
          : typeof c === 'string'
            ? parseMoneyText(c, ctx.currencyDigits)
            : null;
      return cents === null || cents < 0 ? fail : { ok: true, value: cents };
    }
    case 'discount': {
      const bp = typeof c === 'number' || typeof c === 'string' ? toBasisPoints(c) : null;
      return bp === null ? fail : { ok: true, value: bp };
    }
    case 'date': {
      const d = decodeDate(c, ctx);
      return d === null ? fail : { ok: true, value: d };
    }
    case 'timestamp': {
      const t = decodeTimestamp(c, ctx);
      return t === null ? fail : { ok: true, value: t };
    }
    case 'enum': {
      const v = matchVocabulary(column.values ?? [], cellText(c, ctx));
      return v === undefined ? fail : { ok: true, value: v };
    }
    case 'bool': {
      if (typeof c === 'boolean') return { ok: true, value: c };
      const t = cellText(c, ctx).trim().toLowerCase();
      if (['true', 'yes', 'y', '1', 'x'].includes(t)) return { ok: true, value: true };
      if (['false', 'no', 'n', '0'].includes(t)) return { ok: true, value: false };
      return fail;
    }
  }
}

/** Text that Apps Script's `setValues` would parse into something else gets a leading apostrophe. */
const WOULD_BE_PARSED = /^[=+\-@'\d.,$€£(\s]|^(true|false)$/i;

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
