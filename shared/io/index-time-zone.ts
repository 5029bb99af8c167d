/**
 * The index tab's time-zone row (shared/io/index-tab.ts writes it with its other rows): the zone's
 * name as Set up found it and three dates Sheets computes in the zone the spreadsheet has when the
 * index is read, so a click knows the zone without asking for it, and sees when someone changed it.
 * Pure.
 */
import { dateInZone, type IsoDate, zonedInstant } from '../primitives/dates';
import type { Cell } from '../sheet/cells';

/**
 * Marks the row of the spreadsheet's time zone: marker, signature, the zone's name as Set up found
 * it, then three dates Sheets computes in the zone it now has (`TIME_ZONE_CHECKS`, date-formatted,
 * so Apps Script reads each as the instant of that day's midnight there).
 */
export const TIME_ZONE_ROW = 'Time zone';
/** Two midsummers and today: a zone whose offsets differ from the named one's on any of them shows. */
export const TIME_ZONE_CHECKS = ['=DATE(2000,1,1)', '=DATE(2000,7,1)', '=TODAY()'] as const;
/** The first check's column (0-based): after the marker, the signature and the name. */
export const TIME_ZONE_CHECK_COL = 3;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * The spreadsheet's time zone by the index alone, or undefined (then it is asked): the name Set up
 * wrote, trusted when its row's signature holds and each check date reads as midnight of its day in
 * that zone: 1 January and 1 July 2000, and today. A zone changed since (File ▸ Settings) shows as
 * another offset on one of them, unless it keeps the named zone's offsets on all three (a zone that
 * differs only in another year's rules), which decodes this year's dates alike.
 */
export function indexTimeZone(values: readonly (readonly Cell[])[]): string | undefined {
  const row = values.find((r) => r[0] === TIME_ZONE_ROW);
  const name = row?.[2];
  if (!row || typeof name !== 'string' || name === '') return undefined;
  const cols = TIME_ZONE_CHECKS.map((_, i) => TIME_ZONE_CHECK_COL + i);
  if (row[1] !== TIME_ZONE_CHECKS.join('|')) return undefined;
  const [jan, jul, today] = cols.map((c) => row[c] as unknown);
  try {
    const midnight = (d: unknown, day?: IsoDate) =>
      isDate(d) && zonedInstant(day ?? dateInZone(d, name), name).getTime() === d.getTime();
    return midnight(jan, '2000-01-01' as IsoDate) && midnight(jul, '2000-07-01' as IsoDate) && midnight(today)
      ? name
      : undefined;
  } catch {
    return undefined; // not a zone this runtime knows
  }
}
