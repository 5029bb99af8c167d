/**
 * Calendar dates and instants as the core sees them. A calendar date is an ISO string `YYYY-MM-DD`
 * (`IsoDate`) in the spreadsheet's time zone; arithmetic is done on whole days since 1970-01-01,
 * which no time zone or DST change can disturb. Sheets hands dates over in two shapes, both handled
 * here: serial numbers counting days from 1899-12-30 (Sheets API, `SERIAL_NUMBER`), and JavaScript
 * `Date` objects holding midnight in the spreadsheet's zone (Apps Script `getValues()`).
 */
import { isValid, parse } from 'date-fns';

export type IsoDate = string & { readonly __brand: 'IsoDate' };

const DAY_MS = 86_400_000;
/** Days from 1899-12-30 (Sheets' epoch) to 1970-01-01. */
const SERIAL_EPOCH_OFFSET = 25_569;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): text is IsoDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Days since 1970-01-01 for an ISO date. */
export function epochDay(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The ISO date of a day count since 1970-01-01. */
export function fromEpochDay(day: number): IsoDate {
  let date = dayCache.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10) as IsoDate;
    if (dayCache.size >= DAY_CACHE_SIZE) dayCache.clear();
    dayCache.set(day, date);
  }
  return date;
}

/** Days already turned into text: a workbook's dates repeat (a few thousand distinct in 50,000 lines). */
const dayCache = new Map<number, IsoDate>();
const DAY_CACHE_SIZE = 100_000;

/** @example addDays('2026-02-27' as IsoDate, 2) // '2026-03-01' */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/** @example serialToIsoDate(46349) // '2026-11-23' (the fraction, a time of day, is dropped) */
export function serialToIsoDate(serial: number): IsoDate {
  return fromEpochDay(Math.floor(serial) - SERIAL_EPOCH_OFFSET);
}

/** @example isoDateToSerial('1899-12-31' as IsoDate) // 1 */
export function isoDateToSerial(date: IsoDate): number {
  return epochDay(date) + SERIAL_EPOCH_OFFSET;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** The two-digit wall-clock fields (year, month, day, hour, minute, second) of an instant in a zone. */
export function zonedParts(
  instant: Date,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const p: Record<string, string> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(instant)) p[part.type] = part.value;
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** The wall-clock fields of an instant in a time zone, as Intl gives them (one formatToParts). */
function exactWallClock(instant: Date, timeZone: string): { date: IsoDate; secondOfDay: number } {
  const p = zonedParts(instant, timeZone);
  return {
    date: `${p.year}-${p.month}-${p.day}` as IsoDate,
    secondOfDay: Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second),
  };
}

/** A zone's offset from UTC at an instant (ms, whole seconds), from Intl. */
function exactOffsetMs(instant: Date, timeZone: string): number {
  const { date, secondOfDay } = exactWallClock(instant, timeZone);
  return epochDay(date) * DAY_MS + secondOfDay * 1000 - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * Per zone and UTC day, the zone's offset when it holds all day (null: it changes that day). Asking
 * Intl for every timestamp cell was 6–10 % of a command over a year of history; a zone's offset
 * changes at most a few times a year, so two asks a day answer all the cells of that day.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();
const DAY_OFFSETS_SIZE = 100_000;

function offsetMs(instant: Date, timeZone: string): number {
  const day = Math.floor(instant.getTime() / DAY_MS);
  // By zone, then by day number: no key text to build for each of a year's timestamp cells.
  let days = dayOffsets.get(timeZone);
  if (!days) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    const first = exactOffsetMs(new Date(day * DAY_MS), timeZone);
    const last = exactOffsetMs(new Date((day + 1) * DAY_MS - 1000), timeZone);
    offset = first === last ? first : null;
    if (days.size >= DAY_OFFSETS_SIZE) days.clear();
    days.set(day, offset);
  }
  return offset ?? exactOffsetMs(instant, timeZone);
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(instant: Date, timeZone: string): { date: IsoDate; secondOfDay: number } {
  const local = Math.floor(instant.getTime() / 1000) * 1000 + offsetMs(instant, timeZone);
  const day = Math.floor(local / DAY_MS);
  return { date: fromEpochDay(day), secondOfDay: Math.floor((local - day * DAY_MS) / 1000) };
}

/** The calendar date an instant falls on in a time zone (how Apps Script date cells are read). */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  return wallClock(instant, timeZone).date;
}

/** Offset of a zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  return offsetMs(instant, timeZone);
}

/**
 * The instant of a wall-clock time (`secondOfDay` after midnight) on a date in a zone; on a day
 * whose midnight does not exist (DST at 00:00), the first instant of that day.
 */
export function zonedInstant(date: IsoDate, timeZone: string, secondOfDay = 0): Date {
  const wall = epochDay(date) * DAY_MS + secondOfDay * 1000;
  let guess = wall - zoneOffsetMs(new Date(wall), timeZone);
  guess = wall - zoneOffsetMs(new Date(guess), timeZone);
  const seen = wallClock(new Date(guess), timeZone);
  if (seen.date !== date) guess += DAY_MS - seen.secondOfDay * 1000;
  return new Date(guess);
}

/** A Sheets date-time serial (days and fraction, wall clock in `timeZone`) for an instant. */
export function instantToSerial(instant: Date, timeZone: string): number {
  const { date, secondOfDay } = wallClock(instant, timeZone);
  return isoDateToSerial(date) + secondOfDay / 86_400;
}

/** The instant of a Sheets date-time serial read in `timeZone`. */
export function serialToInstant(serial: number, timeZone: string): Date {
  const date = serialToIsoDate(serial);
  const secondOfDay = Math.round((serial - Math.floor(serial)) * 86_400);
  return zonedInstant(date, timeZone, secondOfDay);
}

/** Date formats accepted in typed text, tried in order (ISO first; US style as Sheets' en_US locale). */
export const DEFAULT_DATE_FORMATS = ['yyyy-MM-dd', 'M/d/yyyy', 'yyyy/M/d', 'd MMM yyyy', 'MMM d, yyyy'];

/**
 * Parses date text with the first matching format, or `null`. Strict: `31/02/2026` is refused,
 * never rolled over to March.
 * @example parseDateText('3/1/2026') // '2026-03-01'
 */
export function parseDateText(
  text: string,
  formats: readonly string[] = DEFAULT_DATE_FORMATS,
): IsoDate | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const reference = new Date(2000, 0, 1);
  for (const format of formats) {
    const d = parse(t, format, reference);
    // A two-digit year ("11/20/26") parses as the year 26: refused rather than guessed at.
    if (!isValid(d) || d.getFullYear() < 1900) continue;
    const iso = `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(
      d.getDate(),
    ).padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  return null;
}
