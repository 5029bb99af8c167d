/**
 * Reading and writing cell values with the Sheets API's semantics
 * (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption,
 * .../ValueRenderOption, .../DateTimeRenderOption):
 * - `RAW` stores input as it is: "=1+1" stays the text "=1+1";
 * - `USER_ENTERED` parses as if typed: "=…" (and "+…", "-…" that are not numbers) becomes a formula, "12" a number, "TRUE" a boolean,
 *   "2026-11-23" or "11/23/2026" a date (a serial number), and a leading apostrophe forces text;
 * - reads trim trailing empty rows and trailing empty cells of each row; empty cells inside read "".
 */

import type { Stored } from '../local-store/workbook-file';
import { isoDateToSerial, parseDateText } from '../shared/primitives/dates';

export type { Stored };

export interface Entered {
  readonly value: Stored;
  readonly formula?: string;
}

/** What `USER_ENTERED` makes of one input value. */
export function userEntered(input: unknown): Entered {
  if (input === null || input === undefined) return { value: null };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: null, formula: text };
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  // Typed "+A1" or "-x" is a formula in Sheets, as "=" is (docs/fidelity.md A8, inference).
  if (/^[+-]./.test(text)) return { value: null, formula: `=${text}` };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { value: Number(t.replace(/,/g, '')) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t)) {
    const d = parseDateText(t, ['yyyy-M-d', 'M/d/yyyy']);
    if (d) return { value: isoDateToSerial(d) };
  }
  const parsed = typedLikeSheets(t);
  return parsed === undefined ? { value: text } : { value: parsed };
}

const MONTH =
  '(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_DAY = new RegExp(`^${MONTH}\\.? (?<day>\\d{1,2})(?:,? (?<year>\\d{4}))?$`, 'i');
const MONTH_YEAR = new RegExp(`^${MONTH}\\.? (?<year>\\d{4})$`, 'i');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * More of what Sheets makes of typed text (and so of `USER_ENTERED` and Apps Script's `setValues`):
 * "12%" a number 0.12, "$5" or "€1,200.50" a number, "Jan 5" / "May 2024" / "1/2" a date (a day
 * without a year is in the current year), "#N/A" and the other error codes an error value (kept as
 * its code here). Inference from the Sheets editor's behaviour, docs/fidelity.md A39.
 */
function typedLikeSheets(t: string): number | string | undefined {
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^[$€£]\s?\d{1,3}(,?\d{3})*(\.\d+)?$/.test(t)) return Number(t.slice(1).trim().replace(/,/g, ''));
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!)$/i.test(t)) return t.toUpperCase();
  const year = new Date().getUTCFullYear();
  const serial = (y: number, m: number, d: number) =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 ? isoDateToSerial(`${y}-${pad(m)}-${pad(d)}` as never) : undefined;
  const md = MONTH_DAY.exec(t)?.groups;
  if (md) return serial(Number(md.year ?? year), monthOf(md.month as string), Number(md.day));
  const my = MONTH_YEAR.exec(t)?.groups;
  if (my) return serial(Number(my.year), monthOf(my.month as string), 1);
  const slash = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (slash) return serial(year, Number(slash[1]), Number(slash[2]));
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Text Sheets reads as a date when typed (its cell then gets a date format). */
export function isDateText(text: string): boolean {
  const t = text.trim();
  return (
    /^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}\/\d{1,2}(\/\d{4})?$/.test(t) || MONTH_DAY.test(t) || MONTH_YEAR.test(t)
  );
}
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** What `RAW` stores: the value as given (the client's JSON types). */
export function raw(input: unknown): Entered {
  if (input === null || input === undefined) return { value: null };
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'string')
    return { value: input };
  return { value: String(input) };
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** Google's trimming of a read: trailing empty rows, then trailing empty cells of each row. */
export function trimGrid(rows: Stored[][]): Stored[][] {
  const out = rows.map((r) => {
    let end = r.length;
    while (end > 0 && isEmpty(r[end - 1])) end--;
    return r.slice(0, end).map((v) => (v === null ? '' : v));
  });
  while (out.length > 0 && (out[out.length - 1] as Stored[]).length === 0) out.pop();
  return out;
}

/** `FORMATTED_VALUE`: everything as the text a person sees. */
export function formatted(v: Stored, pattern: string | undefined): Stored {
  if (v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && pattern) {
    // The patterns Set up installs (shared/setup/sheet-rules.ts), rendered as Sheets shows them.
    if (/y/.test(pattern)) {
      const iso = new Date(Math.round((v - 25569) * 86400000)).toISOString();
      return /h/.test(pattern) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
    }
    if (pattern.endsWith('%')) return `${(v * 100).toFixed((pattern.split('.')[1] ?? '').length - 1)}%`;
    // Quoted text before and after the digits stays as written: "$"#,##0.00, #,##0.00 "CHF".
    const [, before = '', digits = pattern, after = ''] =
      /^((?:"[^"]*")?)(.*?)((?:\s*"[^"]*")?)$/.exec(pattern) ?? [];
    const literal = (t: string) => t.replace(/"/g, '');
    const decimals = (digits.split('.')[1] ?? '').length;
    const fixed = Math.abs(v).toFixed(decimals);
    const number = digits.includes(',')
      ? Number(fixed).toLocaleString('en-US', { minimumFractionDigits: decimals })
      : fixed;
    return `${v < 0 ? '-' : ''}${literal(before)}${number}${literal(after)}`;
  }
  return String(v);
}
