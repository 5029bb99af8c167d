/**
 * Serial dates count days from 1899-12-30 (Sheets API "DateTimeRenderOption: SERIAL_NUMBER";
 * https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption), and Apps Script
 * date cells are Date objects at midnight in the spreadsheet's time zone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  type IsoDate,
  instantToSerial,
  isoDateToSerial,
  parseDateText,
  serialToInstant,
  serialToIsoDate,
  zonedInstant,
  zonedParts,
} from '../../shared/primitives/dates';

describe('serial numbers', () => {
  it.each([
    [1, '1899-12-31'],
    [2, '1900-01-01'],
    [25569, '1970-01-01'],
    [46349, '2026-11-23'],
    [46349.75, '2026-11-23'],
  ])('%s ↔ %s', (serial, iso) => {
    expect(serialToIsoDate(serial)).toBe(iso);
    expect(isoDateToSerial(iso as IsoDate)).toBe(Math.floor(serial));
  });

  it('keeps a time of day in the sheet time zone', () => {
    const instant = new Date('2026-03-08T12:30:00Z'); // US DST starts that morning
    const serial = instantToSerial(instant, 'America/New_York');
    expect(serialToIsoDate(serial)).toBe('2026-03-08');
    expect(serialToInstant(serial, 'America/New_York').toISOString()).toBe('2026-03-08T12:30:00.000Z');
  });
});

describe('Apps Script Date cells', () => {
  it.each([
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Europe/London', '2026-03-29'],
    ['Australia/Sydney', '2026-10-04'],
    ['America/Sao_Paulo', '2018-11-04'], // DST began at midnight: 00:00 did not exist
    ['Pacific/Kiritimati', '2026-01-01'],
  ])('%s midnight of %s reads back as the same day', (zone, day) => {
    const midnight = zonedInstant(day as IsoDate, zone);
    expect(dateInZone(midnight, zone)).toBe(day);
  });

  it('reads a Date by the sheet zone, not the machine zone', () => {
    const d = new Date('2026-11-23T03:00:00Z');
    expect(dateInZone(d, 'America/Los_Angeles')).toBe('2026-11-22');
    expect(dateInZone(d, 'Asia/Tokyo')).toBe('2026-11-23');
  });
});

describe('typed date text', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['3/1/2026', '2026-03-01'],
    ['Mar 1, 2026', '2026-03-01'],
    ['1 Mar 2026', '2026-03-01'],
  ])('%s → %s', (text, iso) => expect(parseDateText(text)).toBe(iso));
  it.each(['2026-02-31', '31/02/2026', '13/13/2026', 'soon', ''])('refuses %j', (text) =>
    expect(parseDateText(text)).toBeNull(),
  );
  it('honours a vendor format', () => expect(parseDateText('05/03/2026', ['dd/MM/yyyy'])).toBe('2026-03-05'));
  it('adds days across month ends and leap days', () => {
    expect(addDays('2028-02-28' as IsoDate, 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31' as IsoDate, 1)).toBe('2027-01-01');
  });
});

describe('time zones by the day (offsets asked of Intl twice a UTC day, not per cell)', () => {
  const ZONES = [
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe', // a 30-minute DST shift
    'Pacific/Chatham', // +12:45 / +13:45
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'UTC',
  ];
  /** The wall clock of an instant straight from Intl, as the functions computed it per cell before. */
  const intl = (instant: Date, zone: string) => {
    const p = zonedParts(instant, zone);
    return {
      date: `${p.year}-${p.month}-${p.day}`,
      serial:
        isoDateToSerial(`${p.year}-${p.month}-${p.day}` as IsoDate) +
        (Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second)) / 86_400,
    };
  };

  it('gives what Intl gives for every instant, across DST changes, and round-trips serials', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // 2019–2031, whole seconds, with weight on the hours around DST changes.
        fc.oneof(
          fc.integer({ min: 1_546_300_800, max: 1_924_992_000 }),
          fc.constantFrom(1_710_054_000, 1_730_613_600, 1_711_846_800, 1_712_415_600, 1_727_559_000),
        ),
        fc.integer({ min: -7200, max: 7200 }),
        (zone, seconds, shift) => {
          const instant = new Date((seconds + shift) * 1000);
          const expected = intl(instant, zone);
          expect(dateInZone(instant, zone)).toBe(expected.date);
          expect(instantToSerial(instant, zone)).toBeCloseTo(expected.serial, 9);
          // A wall-clock time that exists reads back as the same instant.
          const back = serialToInstant(expected.serial, zone);
          expect(intl(back, zone)).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
