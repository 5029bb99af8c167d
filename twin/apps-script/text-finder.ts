/**
 * `TextFinder` of the twin's SpreadsheetApp (`Range.createTextFinder`, `Sheet.createTextFinder`):
 * finds cells by their text on the server side, so a script learns where a key is without reading
 * the column. As Google documents it: case-insensitive and partial unless told otherwise
 * (`matchCase`, `matchEntireCell`), a search string that is a regular expression with
 * `useRegularExpression` (Google's engine is RE2; the patterns the add-on builds, escaped literals
 * in an alternation, mean the same in RE2 and JavaScript), cells matched by what they show, and
 * `findAll` returning the matching cells row by row. Both the creation and `findAll` are counted as
 * service calls, and every cell found as a cell read (the cost model's price of what comes back);
 * the option setters are builder calls, counted as the twin counts other builders: not at all.
 * docs/fidelity.md A38.
 */
import type { CallCounter } from './counter';
import type { WriteCache } from './write-cache';

export interface FinderArea {
  /** First row and column (0-based) and size of the searched area. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** What the cell at (row, col) shows, as text ('' when empty). */
  readonly shown: (row: number, col: number) => string;
  /** The 1×1 range of a found cell. */
  readonly cell: (row: number, col: number) => unknown;
  readonly counter: CallCounter;
  readonly cache: WriteCache;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TwinTextFinder {
  private entire = false;
  private caseSensitive = false;
  private regex = false;

  constructor(
    private readonly area: FinderArea,
    private readonly text: string,
  ) {
    if (text === '') throw new Error('Exception: The parameter (String) findText cannot be empty.');
  }

  matchEntireCell(on: boolean): TwinTextFinder {
    this.entire = on;
    return this;
  }

  matchCase(on: boolean): TwinTextFinder {
    this.caseSensitive = on;
    return this;
  }

  useRegularExpression(on: boolean): TwinTextFinder {
    this.regex = on;
    return this;
  }

  findAll(): unknown[] {
    const a = this.area;
    a.cache.commit();
    const source = this.regex ? this.text : escapeRegex(this.text);
    const pattern = new RegExp(this.entire ? `^(?:${source})$` : source, this.caseSensitive ? '' : 'i');
    const found: unknown[] = [];
    for (let r = a.row; r < a.row + a.rows; r++)
      for (let c = a.col; c < a.col + a.cols; c++) {
        const shown = a.shown(r, c);
        if (shown !== '' && pattern.test(shown)) found.push(a.cell(r, c));
      }
    a.counter.hit('TextFinder.findAll', { read: found.length, scanned: a.rows * a.cols });
    return found;
  }
}
