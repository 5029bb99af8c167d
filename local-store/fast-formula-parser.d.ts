// fast-formula-parser ships no types; this is the part the twin uses.
declare module 'fast-formula-parser' {
  interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  interface Options {
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: { sheet: string; from: CellRef; to: CellRef }) => unknown[][];
    functions?: Record<string, (...args: unknown[]) => unknown>;
  }
  export default class FormulaParser {
    /** The parser's error values (`#N/A`, `#VALUE!`): instances of this class. */
    static FormulaError: { new (...args: unknown[]): object; NA: object; VALUE: object };
    constructor(options?: Options);
    parse(formula: string, position: CellRef): unknown;
  }
}
