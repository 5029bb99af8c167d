import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BasisPoints,
  type Cents,
  currencyPattern,
  formatCents,
  lineAmount,
  parseMoneyText,
  toBasisPoints,
  toCents,
} from '../../shared/primitives/money';
import { formatted } from '../../twin/values';

describe('toCents: 6 decimals, then half away from zero', () => {
  it.each([
    [9.80000019, 980],
    [14, 1400],
    [1.005, 101],
    [0.125, 13],
    [-0.125, -13],
    [2.675, 268],
    [0.1 + 0.2, 30],
    [123456.789, 12345679],
  ])('%s → %s', (value, cents) => expect(toCents(value)).toBe(cents));

  it('rounds every amount as its 6-decimal text would (the fast path agrees with toFixed)', () => {
    // The reference: the value's correctly rounded 6-decimal text, then half away from zero to cents.
    const reference = (v: number) => {
      const [whole = '0', frac = ''] = Math.abs(v).toFixed(6).split('.');
      const micros = Number(whole) * 1e6 + Number(frac);
      const cents = Math.floor(micros / 1e4) + (micros % 1e4 >= 5e3 ? 1 : 0);
      return v < 0 ? -cents : cents;
    };
    const typed = fc
      .tuple(fc.integer({ min: -899_999_999, max: 899_999_999 }), fc.integer({ min: 0, max: 999_999 }))
      .map(([units, micros]) => Number(`${units}.${String(micros).padStart(6, '0')}`));
    const computed = fc.tuple(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 1, max: 7 }),
    );
    // Halfway between two micros: only the decimal text decides which way these go.
    const halves = fc.integer({ min: -9e11, max: 9e11 }).map((n) => (n + 0.5) / 1e6);
    fc.assert(fc.property(typed, (v) => toCents(v) === reference(v)));
    fc.assert(
      fc.property(halves, (v) => toCents(v) === reference(v)),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(computed, ([v, k]) => toCents(v / k) === reference(v / k)));
  });

  it('refuses what is not a finite amount', () => {
    expect(toCents(Number.NaN)).toBeNull();
    expect(toCents(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('parseMoneyText', () => {
  it.each([
    ['$1,234.50', 123450],
    ['9.8', 980],
    ['€ 9,80', 980],
    ['(12.00)', -1200],
    ['USD 7', 700],
  ])('%s → %s', (text, cents) => expect(parseMoneyText(text)).toBe(cents));
  it.each(['ten', '1.2.3', '', '$'])('refuses %j', (text) => expect(parseMoneyText(text)).toBeNull());
});

describe('discounts and line amounts', () => {
  it.each([
    [0.05, 500],
    ['5%', 500],
    [5, 500],
    [0.25, 2500],
    [0, 0],
  ] as const)('%s → %s bp', (v, bp) => expect(toBasisPoints(v)).toBe(bp));
  it.each([[-0.1], [150], ['x']] as const)('refuses %s', (v) => expect(toBasisPoints(v)).toBeNull());

  it('rounds once per line, half away from zero', () => {
    expect(lineAmount(3, 999 as Cents, 1000 as BasisPoints)).toBe(2697);
    expect(lineAmount(1, 5 as Cents, 1000 as BasisPoints)).toBe(5); // 4.5 → 5
    expect(lineAmount(1_000_000, 99_999_999 as Cents, 0 as BasisPoints)).toBe(99_999_999_000_000);
  });

  it('formats for people', () => expect(formatCents(-123456)).toBe('-1,234.56'));

  it('names a spreadsheet pattern for the workbook’s currency', () => {
    expect(currencyPattern('USD')).toBe('"$"#,##0.00');
    expect(currencyPattern(' gbp ', 2)).toBe('"£"#,##0.00');
    expect(currencyPattern('JPY', 0)).toBe('"¥"#,##0');
    expect(currencyPattern('CHF', 2)).toBe('#,##0.00 "CHF"');
    // The twin shows a cell in it as Sheets does.
    expect(formatted(-214082.6, currencyPattern('USD'))).toBe('-$214,082.60');
    expect(formatted(1234, currencyPattern('CHF', 2))).toBe('1,234.00 CHF');
  });
});
