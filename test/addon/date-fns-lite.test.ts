/**
 * The add-on's date-fns stand-in agrees with date-fns on every format the core uses: formatting every
 * day of four years, parsing what date-fns formats back to the same day, and refusing days that do not
 * exist (31/02) as date-fns does.
 */
import * as real from 'date-fns';
import { describe, expect, it } from 'vitest';
import * as lite from '../../addon/src/date-fns-lite';
import { DEFAULT_DATE_FORMATS } from '../../shared/primitives/dates';

const FORMATS = [...DEFAULT_DATE_FORMATS, 'MM/dd/yyyy', 'dd/MM/yyyy', 'd/M/yy', "yyyy-MM-dd'T'"];

describe('date-fns-lite', () => {
  it('formats and parses like date-fns', () => {
    const ref = new Date(2000, 0, 1);
    for (let d = new Date(2024, 0, 1); d < new Date(2028, 0, 1); d.setDate(d.getDate() + 1))
      for (const f of FORMATS) {
        const text = real.format(d, f);
        expect(lite.format(d, f), `${f} ${text}`).toBe(text);
        expect(lite.parse(text, f, ref).getTime(), `${f} ${text}`).toBe(real.parse(text, f, ref).getTime());
      }
  });

  it('refuses impossible days and unknown tokens', () => {
    for (const [text, f] of [
      ['31/02/2026', 'dd/MM/yyyy'],
      ['2/30/2026', 'M/d/yyyy'],
      ['13/1/2026', 'M/d/yyyy'],
    ] as const) {
      expect(lite.isValid(lite.parse(text, f, new Date())), text).toBe(false);
      expect(real.isValid(real.parse(text, f, new Date())), text).toBe(false);
    }
    expect(() => lite.format(new Date(), 'EEEE')).toThrow(/token "EEEE" is not supported/);
  });
});
