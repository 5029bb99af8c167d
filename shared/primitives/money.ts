/**
 * Money inside the core is an integer count of minor units (cents). Sheets store money as binary
 * floats (Northwind's 9.80000019), so one rounding rule turns a cell into cents:
 *
 *   read the value to 6 decimal places (which removes binary noise), then round half away from zero
 *   to the minor unit.  9.80000019 → 980;  1.005 → 101;  -0.125 → -13.
 *
 * Discounts are fractions of the line (0.05 or "5%") held as integer basis points (500).
 */
import { grouped } from './quantity';

export type Cents = number & { readonly __brand: 'Cents' };
export type BasisPoints = number & { readonly __brand: 'BasisPoints' };

const MICRO = 1_000_000;

/** Parses a decimal to integer millionths; `null` when it is not a finite number. */
function toMicros(value: number): number | null {
  if (!Number.isFinite(value) || Math.abs(value) > 9e8) return null;
  // Fast path: when value × 10⁶ lands within 0.001 of a whole number, the float product's own error
  // (under 2⁻⁵³ × 9e14 ≈ 0.1) cannot move it across a half, so it rounds as the decimal text would.
  const scaled = value * MICRO;
  const near = Math.round(scaled);
  if (Math.abs(scaled - near) < 1e-3) return near === 0 ? 0 : near;
  // toFixed(6) yields the shortest correctly rounded decimal text; integer parts keep it exact.
  const [whole = '0', frac = ''] = Math.abs(value).toFixed(6).split('.');
  const micros = Number(whole) * MICRO + Number(frac.padEnd(6, '0'));
  return value < 0 ? -micros : micros;
}

/** Rounds `numerator / divisor` half away from zero; both integers, divisor > 0. */
export function divRound(numerator: number, divisor: number): number {
  const q = Math.floor(Math.abs(numerator) / divisor);
  const r = Math.abs(numerator) - q * divisor;
  const rounded = r * 2 >= divisor ? q + 1 : q;
  return numerator < 0 ? -rounded : rounded;
}

/**
 * Converts a number of currency units to cents with the rule above.
 * @example toCents(9.80000019) // 980
 */
export function toCents(value: number, minorDigits = 2): Cents | null {
  const micros = toMicros(value);
  if (micros === null) return null;
  return divRound(micros, 10 ** (6 - minorDigits)) as Cents;
}

/** Parses text such as "$1,234.50", "1234.5" or "€ 9,80" (comma decimal only when no dot). */
export function parseMoneyText(text: string, minorDigits = 2): Cents | null {
  let t = text
    .trim()
    .replace(/^[^\d\-+.(]+/, '')
    .replace(/[^\d.)]+$/, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  }
  if (!t.includes('.') && /^\d+,\d{1,2}$/.test(t)) t = t.replace(',', '.');
  t = t.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return null;
  const cents = toCents(Number(t), minorDigits);
  if (cents === null) return null;
  return (negative ? -cents : cents) as Cents;
}

/** Cents back to currency units for a sheet cell: 980 → 9.8. */
export function centsToUnits(cents: Cents, minorDigits = 2): number {
  return cents / 10 ** minorDigits;
}

/** Formats cents for people: 123456 → "1,234.56". */
export function formatCents(cents: number, minorDigits = 2): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const unit = 10 ** minorDigits;
  const whole = grouped(Math.floor(abs / unit));
  const frac = minorDigits > 0 ? `.${String(abs % unit).padStart(minorDigits, '0')}` : '';
  return `${sign}${whole}${frac}`;
}

/** Currency symbols a spreadsheet shows before an amount, for the codes most shops use. */
const SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
  GBP: '£',
  EUR: '€',
  JPY: '¥',
  INR: '₹',
};

/**
 * A spreadsheet number format showing amounts in `currency` with `minorDigits` decimals and
 * thousands separators: USD → `"$"#,##0.00`, GBP → `"£"#,##0.00`, another code after the amount
 * (`#,##0.00 "CHF"`). Literal text is quoted, as Sheets and Excel patterns want it.
 */
export function currencyPattern(currency: string, minorDigits = 2): string {
  const code = currency.trim().toUpperCase();
  const digits = minorDigits > 0 ? `.${'0'.repeat(minorDigits)}` : '';
  const symbol = SYMBOLS[code];
  return symbol ? `"${symbol}"#,##0${digits}` : `#,##0${digits} "${code}"`;
}

/** Parses a discount: 0.05, 5 (read as percent when > 1), "5%" → basis points 0…10000. */
export function toBasisPoints(value: number | string): BasisPoints | null {
  let n: number;
  let percent = false;
  if (typeof value === 'string') {
    const t = value.trim();
    if (t === '') return 0 as BasisPoints;
    percent = t.endsWith('%');
    n = Number(t.replace('%', '').trim());
    if (!Number.isFinite(n)) return null;
    if (percent) n /= 100;
  } else {
    n = value;
  }
  if (!Number.isFinite(n)) return null;
  // A bare number over 1 is read as percent points ("12.5" → 12.5 %); "150%" is 1.5, refused below.
  if (!percent && n > 1 && n <= 100) n /= 100;
  const micros = toMicros(n);
  if (micros === null || micros < 0 || micros > MICRO) return null;
  return divRound(micros, 100) as BasisPoints;
}

/**
 * The amount of a line: qty × unit price × (1 − discount), rounded half away from zero once, per line.
 * BigInt keeps the product exact for any quantity a sheet can hold.
 * @example lineAmount(3, 999 as Cents, 1000 as BasisPoints) // 2697 (3 × 9.99 less 10 %)
 */
export function lineAmount(qty: number, unitPrice: Cents, discount: BasisPoints): Cents {
  const gross = BigInt(qty) * BigInt(unitPrice) * BigInt(10_000 - discount);
  const divisor = 10_000n;
  const q = gross / divisor;
  const r = gross % divisor;
  const rounded = r * 2n >= divisor ? q + 1n : q;
  return Number(rounded) as Cents;
}
