/**
 * Formulas computed, not shown as text: the twin (and the xlsx export of a workbook file) evaluates each formula cell with fast-formula-parser
 * (MIT) when it is read, resolving references on the same workbook, with `TODAY()` following the
 * twin's clock. Errors read as their code (`#N/A`, `#REF!`…), as in Sheets; a reference cycle reads
 * `#REF!`. See docs/twin.md for why not HyperFormula (GPL-3.0 only).
 */
import FormulaParser from 'fast-formula-parser';
import { instantToSerial } from '../shared/primitives/dates';
import { columnLetter } from '../shared/sheet/a1';
import type { Stored, WorkbookFile } from './workbook-file';

export interface FormulaHost {
  /** The stored value or formula of a cell (0-based). */
  cell(sheet: string, row: number, col: number): { value: Stored; formula?: string };
  /** Serial number of today in the spreadsheet's time zone. */
  today(): number;
  /**
   * A sheet's grid (rows, columns), where the host has one: a whole column (`A:A`) or row (`1:1`)
   * then runs to the grid's end, as in Sheets, instead of the parser's 1,048,576 × 16,384.
   */
  grid?(sheet: string): { rows: number; cols: number } | undefined;
}

type RangeRef = { sheet: string; from: Ref; to: Ref };
type RefArg = { ref?: Ref | RangeRef };

type Ref = { sheet: string; row: number; col: number };

type Arg = { value: unknown };
const isError = (v: unknown) => v instanceof FormulaParser.FormulaError;
/** A function of one cell applied to a value or, cell by cell, to an array (ARRAYFORMULA's way). */
const each = (a: Arg | undefined, f: (v: unknown) => unknown): unknown =>
  Array.isArray(a?.value) ? (a.value as unknown[][]).map((row) => row.map(f)) : f(a?.value);

/**
 * What the index tab's id rows use (shared/io/index-tab.ts `idFormula`), cell by cell over arrays as
 * Sheets computes them inside ARRAYFORMULA (docs/fidelity.md A47); the parser has none of them, or
 * (MAX) a stub. An error travels in its cell until IFERROR replaces it.
 */
const ARRAY_FUNCTIONS = {
  ARRAYFORMULA: (a: Arg) => a.value,
  TO_TEXT: (a: Arg) => each(a, (v) => (isError(v) ? v : v === null || v === undefined ? '' : String(v))),
  REGEXEXTRACT: (text: Arg, pattern: Arg) => {
    const re = new RegExp(String(pattern.value));
    return each(text, (v) => {
      if (isError(v)) return v;
      const m = re.exec(String(v ?? ''));
      return m ? (m[1] ?? m[0]) : FormulaParser.FormulaError.NA;
    });
  },
  VALUE: (a: Arg) =>
    each(a, (v) => {
      if (isError(v) || typeof v === 'number') return v;
      const n = Number(String(v ?? '').trim());
      return String(v ?? '').trim() !== '' && Number.isFinite(n) ? n : FormulaParser.FormulaError.VALUE;
    }),
  // Whether the text matches the RE2 pattern anywhere (Sheets' REGEXMATCH; text only, as TO_TEXT gives).
  REGEXMATCH: (text: Arg, pattern: Arg) => {
    const re = new RegExp(String(pattern.value));
    return each(text, (v) => (isError(v) ? v : re.test(String(v ?? ''))));
  },
  // The text repeated, cell by cell over two arrays of one shape or an array and a value; a count
  // TRUE/FALSE is 1/0 (the index's search rows give it `--REGEXMATCH(…)`: the parser's `--` keeps
  // a boolean as it is, where Sheets makes it a number).
  REPT: (text: Arg, times: Arg) => {
    const t = text.value;
    const n = times.value;
    const one = (a: unknown, k: unknown) => {
      if (isError(a)) return a;
      if (isError(k)) return k;
      const count = typeof k === 'boolean' ? Number(k) : Number(k ?? 0);
      return Number.isInteger(count) && count >= 0
        ? String(a ?? '').repeat(count)
        : FormulaParser.FormulaError.VALUE;
    };
    if (Array.isArray(n))
      return (n as unknown[][]).map((row, r) =>
        row.map((k, c) => one(Array.isArray(t) ? (t as unknown[][])[r]?.[c] : t, k)),
      );
    return each(text, (a) => one(a, n));
  },
  // Every cell of the arguments joined by the delimiter (blanks left out when asked); longer than a
  // cell holds (50,000 characters) is an error, as in Sheets.
  TEXTJOIN: (delimiter: Arg, ignoreEmpty: Arg, ...texts: Arg[]) => {
    const parts: string[] = [];
    for (const a of texts)
      for (const v of [a.value].flat(2)) {
        if (isError(v)) return v;
        const s = v === null || v === undefined ? '' : String(v);
        if (s !== '' || ignoreEmpty.value !== true) parts.push(s);
      }
    const out = parts.join(String(delimiter.value ?? ''));
    return out.length > 50_000 ? FormulaParser.FormulaError.VALUE : out;
  },
  // The sum of one array's numbers, a TRUE counting 1 (what `--` gives in Sheets; see REPT).
  SUMPRODUCT: (a: Arg) => {
    let sum = 0;
    for (const v of [a.value].flat(2)) {
      if (isError(v)) return v;
      if (typeof v === 'number') sum += v;
      else if (v === true) sum += 1;
    }
    return sum;
  },
  IFERROR: (a: Arg, fallback?: Arg) => each(a, (v) => (isError(v) ? (fallback?.value ?? '') : v)),
  // The largest number among the arguments' cells (text and blanks ignored); 0 when none.
  MAX: (...args: Arg[]) => {
    let max: number | undefined;
    for (const a of args)
      for (const v of [a.value].flat(2)) if (typeof v === 'number') max = Math.max(max ?? v, v);
    return max ?? 0;
  },
};

/** The cells of the arguments that hold a value (COUNTA's and COUNTUNIQUE's). */
const filled = (args: readonly unknown[]): unknown[] =>
  args
    .map((a) => (a as { value?: unknown } | undefined)?.value)
    .flat(2)
    .filter((v) => v !== null && v !== undefined && v !== '');

export class FormulaEngine {
  private readonly evaluating = new Set<string>();
  private readonly parser: InstanceType<typeof FormulaParser>;

  constructor(private readonly host: FormulaHost) {
    this.parser = new FormulaParser({
      // A cell written as "" is an empty cell in Sheets (blank counts as 0 in arithmetic).
      onCell: (ref: Ref) => {
        const v = this.valueAt(ref.sheet, ref.row - 1, ref.col - 1);
        return v === '' ? null : v;
      },
      onRange: (ref: RangeRef) => {
        const rows: Stored[][] = [];
        const to = this.clamped(ref);
        for (let r = ref.from.row; r <= to.row; r++) {
          const row: Stored[] = [];
          for (let c = ref.from.col; c <= to.col; c++) row.push(this.valueAt(ref.sheet, r - 1, c - 1));
          rows.push(row);
        }
        return rows;
      },
      functions: {
        TODAY: () => this.host.today(),
        ...ARRAY_FUNCTIONS,
        // Cells holding a value. Sheets also counts a formula showing "", which the twin cannot tell
        // from an empty cell here (the index tab counts key columns, which hold no formulas).
        COUNTA: (...args: unknown[]) => filled(args).length,
        // Distinct values, blanks left out, text matched case and all, a number never equal to text
        // (docs/fidelity.md A53).
        COUNTUNIQUE: (...args: unknown[]) =>
          new Set(filled(args).map((v) => `${typeof v}:${String(v)}`)).size,
      },
      // The parser's options type omits functionsNeedContext (functions given the references).
      functionsNeedContext: {
        // A whole column or row counts the grid's rows or columns, not the parser's sheet maximum.
        ROWS: (_ctx: unknown, arg: RefArg) => this.extent(arg, 'row'),
        // A range's row numbers, one a row (as inside ARRAYFORMULA); a cell's row; the formula's own.
        ROW: (ctx: { position?: { row: number } }, arg?: RefArg) => {
          const ref = arg?.ref;
          if (!ref) return ctx.position?.row ?? FormulaParser.FormulaError.VALUE;
          if (!('from' in ref)) return ref.row;
          const to = this.clamped(ref);
          return Array.from({ length: to.row - ref.from.row + 1 }, (_, i) => [ref.from.row + i]);
        },
        COLUMNS: (_ctx: unknown, arg: RefArg) => this.extent(arg, 'col'),
        // A cell's formula as text, as written; #N/A where the cell holds none (fidelity A48).
        FORMULATEXT: (ctx: { position?: { sheet: string } }, arg: RefArg) => {
          const ref = arg?.ref;
          if (!ref || 'from' in ref) return FormulaParser.FormulaError.NA;
          // A reference without a sheet is to the formula's own sheet.
          const sheet = ref.sheet ?? ctx.position?.sheet ?? '';
          return this.host.cell(sheet, ref.row - 1, ref.col - 1).formula ?? FormulaParser.FormulaError.NA;
        },
      },
    } as ConstructorParameters<typeof FormulaParser>[0]);
    // FORMULATEXT takes its argument as a reference, never computing the cell it names (the parser
    // cannot parse a formula inside another's parse); ROW, ROWS and COLUMNS are listed so already.
    (
      this.parser as unknown as { funsNeedContextAndNoDataRetrieve: string[] }
    ).funsNeedContextAndNoDataRetrieve.push('FORMULATEXT');
  }

  /** A range's last cell, cut at the sheet's grid (1-based). */
  private clamped(ref: RangeRef): Ref {
    const grid = this.host.grid?.(ref.sheet);
    return {
      sheet: ref.sheet,
      row: Math.min(ref.to.row, grid ? grid.rows : ref.from.row + 50_000),
      col: Math.min(ref.to.col, grid ? grid.cols : ref.to.col),
    };
  }

  private extent(arg: RefArg, axis: 'row' | 'col'): number {
    const ref = arg?.ref;
    if (!ref || !('from' in ref)) return 1;
    const to = this.clamped(ref);
    return Math.abs(to[axis] - ref.from[axis]) + 1;
  }

  /**
   * A conditional-format formula for one cell of its range: written for the range's top-left cell,
   * its relative row references move down by `rowOffset` rows (as Sheets applies it).
   */
  evaluateAt(formula: string, sheet: string, rowOffset: number): Stored {
    const shifted = formula
      .replace(/^=/, '')
      .replace(
        /(\$?[A-Z]{1,3})(\d+)\b/g,
        (_m, col: string, row: string) => `${col}${Number(row) + rowOffset}`,
      );
    try {
      const out = this.parser.parse(shifted, { sheet, row: 1, col: 1 });
      return (Array.isArray(out) ? (out[0]?.[0] ?? '') : (out ?? '')) as Stored;
    } catch {
      return false;
    }
  }

  /** The value of a cell, computing it when it holds a formula. */
  valueAt(sheet: string, row: number, col: number): Stored {
    const cell = this.host.cell(sheet, row, col);
    if (!cell.formula) return cell.value;
    const key = `${sheet}!${row}!${col}`;
    if (this.evaluating.has(key)) return '#REF!';
    this.evaluating.add(key);
    try {
      const out = this.parser.parse(openEnded(cell.formula.replace(/^=/, '')), {
        sheet,
        row: row + 1,
        col: col + 1,
      });
      if (out && typeof out === 'object' && '_error' in out)
        return String((out as { _error: string })._error);
      if (Array.isArray(out)) return (out[0]?.[0] ?? '') as Stored;
      return (out ?? '') as Stored;
    } catch (e) {
      const code = (e as { _error?: string })._error;
      return code ?? '#ERROR!';
    } finally {
      this.evaluating.delete(key);
    }
  }
}

/**
 * `A3:A` (a column from a row down, as Sheets reads it) written out as `A3:A1048576`, which the
 * parser reads as from row 3 and `clamped` cuts at the grid: the parser alone reads `A3:A` as the
 * whole column, from row 1. Outside quoted text only.
 */
export function openEnded(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(\$?[A-Z]{1,3}\$?\d+:\$?)([A-Z]{1,3})(?![\d(A-Za-z_])/g, '$1$21048576'),
    )
    .join('');
}

/** A1 key of a 0-based cell, as the workbook file keys its formulas. */
const a1Of = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;

/**
 * The formula engine over a workbook file: what the xlsx export reads as a formula's last result,
 * with TODAY() in the file's time zone (an unknown sheet reads as empty).
 */
export function workbookFormulas(file: WorkbookFile, clock: () => Date = () => new Date()): FormulaEngine {
  return new FormulaEngine({
    cell: (sheet, row, col) => {
      const s = file.sheets.find((x) => x.properties.title === sheet);
      const formula = s?.formulas[a1Of(row, col)];
      return { value: (s?.values[row]?.[col] ?? null) as Stored, ...(formula ? { formula } : {}) };
    },
    today: () => Math.floor(instantToSerial(clock(), file.properties.timeZone)),
  });
}
