/**
 * The add-on's stand-in for the three date-fns functions the core uses (`parse`, `isValid`, `format`),
 * for the tokens the core's date formats use: yyyy, yy, M, MM, MMM, d, dd, and literal text. The build
 * aliases `date-fns` to this file for Code.js only, because date-fns' locale machinery alone is 42 KB
 * of a 150 KB budget; the Node edges keep date-fns. test/addon/date-fns-lite.test.ts holds it equal to
 * date-fns on every supported format, and an unsupported token is an error naming it, never a guess.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TOKENS = /yyyy|yy|MMM|MM|M|dd|d|'[^']*'|[A-Za-z]+|[^A-Za-z']+/g;

function tokens(pattern: string): string[] {
  const out = pattern.match(TOKENS) ?? [];
  for (const t of out)
    if (/^[A-Za-z]/.test(t) && !['yyyy', 'yy', 'MMM', 'MM', 'M', 'dd', 'd'].includes(t))
      throw new RangeError(`Date format token "${t}" is not supported in the add-on (pattern "${pattern}")`);
  return out;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function format(date: Date, pattern: string): string {
  return tokens(pattern)
    .map((t) => {
      switch (t) {
        case 'yyyy':
          return pad(date.getFullYear(), 4);
        case 'yy':
          return pad(date.getFullYear() % 100, 2);
        case 'MMM':
          return MONTHS[date.getMonth()];
        case 'MM':
          return pad(date.getMonth() + 1, 2);
        case 'M':
          return String(date.getMonth() + 1);
        case 'dd':
          return pad(date.getDate(), 2);
        case 'd':
          return String(date.getDate());
        default:
          return t.startsWith("'") ? t.slice(1, -1) : t;
      }
    })
    .join('');
}

const PARTS: Record<string, string> = {
  yyyy: '(\\d{4})',
  yy: '(\\d{2})',
  MMM: '([A-Za-z]{3})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  dd: '(\\d{2})',
  d: '(\\d{1,2})',
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Strict: the whole text must match, and a day that does not exist in its month is Invalid Date. */
export function parse(text: string, pattern: string, reference: Date): Date {
  const ts = tokens(pattern);
  const fields = ts.filter((t) => PARTS[t]);
  const m = new RegExp(
    `^${ts.map((t) => PARTS[t] ?? escapeRegExp(t.startsWith("'") ? t.slice(1, -1) : t)).join('')}$`,
  ).exec(text);
  if (!m) return new Date(Number.NaN);
  let y = reference.getFullYear();
  let mo = 0;
  let d = 1;
  fields.forEach((t, i) => {
    const v = m[i + 1] as string;
    if (t === 'yyyy') y = Number(v);
    else if (t === 'yy') y = 2000 + Number(v);
    else if (t === 'MMM') mo = MONTHS.findIndex((x) => x.toLowerCase() === v.toLowerCase());
    else if (t === 'MM' || t === 'M') mo = Number(v) - 1;
    else d = Number(v);
  });
  const out = new Date(y, mo, d);
  if (mo < 0 || out.getFullYear() !== y || out.getMonth() !== mo || out.getDate() !== d)
    return new Date(Number.NaN);
  return out;
}

export function isValid(date: unknown): boolean {
  return date instanceof Date && !Number.isNaN(date.getTime());
}
