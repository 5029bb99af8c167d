/**
 * A history segment served row by row (history-segment.ts), for a command that decodes only the
 * rows it decides from (sync-service/src/use-cases/run-action.ts): parsing a year of history was a
 * fifth of a `do ship` at 50,000 lines and at 200,000. The committed bytes are decoded to one text,
 * and one pass notes where each line starts and whose row or written cell it is (a line's tab is in
 * its first characters); a row is parsed when asked for, with every cell written over it applied,
 * so it reads as the whole replay (`applySegment`) reads it.
 *
 * A search by key (`find`) first runs its pattern over the whole text, unanchored: a cell that
 * matches is in its line as JSON writes it, so only the lines a match falls in are parsed and
 * tested anchored. JSON writes `"`, `\` and control characters escaped, so a pattern that could
 * match one of them (RAW_SAFE) parses every row instead; rows with a cell written over are always
 * tested.
 */
import type { RowSource } from '../shared/io/scope-contract';
import { matchesIn } from '../shared/io/tab-source';
import { DeskError } from '../shared/primitives/errors';
import type { Cell } from '../shared/sheet/cells';
import type { RawTab } from '../shared/sheet/codec';
import { type LoadedSegment, rowRecord, type Stored, writeOf } from './history-segment';

/**
 * Patterns whose matches JSON writes as they are: ASCII letters, digits and plain punctuation,
 * regex-escaped punctuation (not a backslash), `\d`, groups, alternation, repeats and classes of
 * letters and digits. Anything else (a `"` or `\` JSON escapes, a control character, `.`, `\s`,
 * a letter beyond ASCII) is searched for by parsing every row.
 */
const RAW_SAFE = /^(?:[\w \-#/:,;@&%!=<>'~]|\\[.*+?^${}()|[\]/-]|\\d|\(\?:|[+*?|()]|\[\w+\])*$/;

/** Segments past this many bytes are replayed whole: their text would come near V8's longest string. */
export const ROWS_UP_TO_BYTES = 256 * 1024 * 1024;

export class SegmentRows {
  private readonly text: string;
  /** Per line from the first record: where it starts in `text`. */
  private readonly starts: number[] = [];
  /** Per line: its tab, and its row number in that tab (values index) or -1 for a cell written. */
  private readonly tabOf: string[] = [];
  private readonly rowOf: number[] = [];
  /** Per tab: the line of each row (values index 1 on), and the lines of its cells written. */
  private readonly rowLines = new Map<string, number[]>();
  private readonly writeLines = new Map<string, number[]>();
  private readonly written = new Map<string, Map<number, [number, Stored][]>>();
  private readonly parsed = new Map<string, Map<number, Cell[]>>();

  constructor(
    private readonly segment: LoadedSegment,
    /** Each history tab's header, as the workbook file holds it. */
    private readonly headers: ReadonlyMap<string, readonly Cell[]>,
  ) {
    this.text = segment.buf.toString('utf8', segment.firstRecord, segment.bytes);
    for (const tab of headers.keys()) {
      this.rowLines.set(tab, []);
      this.writeLines.set(tab, []);
    }
    const { text } = this;
    for (let start = 0, i = 0; start < text.length; i++) {
      const end = text.indexOf('\n', start);
      const row = text.charCodeAt(start) === 0x5b; // [
      const nameAt = start + (row ? 2 : 6);
      const quote = text.indexOf('"', nameAt);
      const tab = text.slice(nameAt, quote);
      const lines = row ? this.rowLines.get(tab) : this.writeLines.get(tab);
      const shaped = row ? text.startsWith('["', start) : text.startsWith('{"t":"', start);
      if (!lines || !shaped || quote < 0 || (end >= 0 && quote > end))
        throw new DeskError(
          'BAD_INPUT',
          `${segment.where} line ${i + 2}: expected a row (["Tab", …]) or a cell written ({"t","r","c","v"}) of a history tab; the history file is damaged`,
        );
      this.starts.push(start);
      this.tabOf.push(tab);
      this.rowOf.push(row ? lines.length + 1 : -1);
      lines.push(i);
      start = end < 0 ? text.length : end + 1;
    }
  }

  /** The parsed line `i` (0 is the first record, line 2 of the file). */
  private parse(i: number): unknown {
    const end = this.starts[i + 1] ?? this.text.length + 1;
    try {
      return JSON.parse(this.text.slice(this.starts[i], end - 1));
    } catch {
      throw new DeskError(
        'BAD_INPUT',
        `${this.segment.where} line ${i + 2}: not a JSON record; the history file is damaged`,
      );
    }
  }

  /** The cells written over each row of `tab` (values index → [column, value], in order). */
  private writesOf(tab: string): Map<number, [number, Stored][]> {
    const known = this.written.get(tab);
    if (known) return known;
    const out = new Map<number, [number, Stored][]>();
    for (const i of this.writeLines.get(tab) ?? []) {
      const w = writeOf(this.parse(i), new Set([tab]), this.segment.where, i + 2);
      out.set(w.row, [...(out.get(w.row) ?? []), [w.col, w.value]]);
    }
    this.written.set(tab, out);
    return out;
  }

  /** Rows below the header. */
  private count(tab: string): number {
    return this.rowLines.get(tab)?.length ?? 0;
  }

  /** The row at values index `r` (the header at 0), with the cells written over it. */
  private row(tab: string, r: number): Cell[] {
    if (r === 0) return [...(this.headers.get(tab) ?? [])];
    const cache = this.parsed.get(tab) ?? new Map<number, Cell[]>();
    this.parsed.set(tab, cache);
    const known = cache.get(r);
    if (known) return known;
    const i = this.rowLines.get(tab)?.[r - 1];
    if (i === undefined) return [];
    const [, cells] = rowRecord(this.parse(i), new Set([tab]), this.segment.where, i + 2);
    for (const [c, v] of this.writesOf(tab).get(r) ?? []) {
      while (cells.length <= c) cells.push('');
      cells[c] = v;
    }
    cache.set(r, cells as Cell[]);
    return cells as Cell[];
  }

  /** The values indexes of `tab`'s rows whose line a match of `pattern` falls in, or all of them. */
  private candidates(tab: string, pattern: string): Iterable<number> {
    const all = () => Array.from({ length: this.count(tab) }, (_, k) => k + 1);
    if (!RAW_SAFE.test(pattern)) return all();
    const found = new Set<number>(this.writesOf(tab).keys());
    const re = new RegExp(pattern, 'g');
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      if (m[0] === '') re.lastIndex += 1;
      const i = this.lineAt(m.index);
      if (this.tabOf[i] === tab && (this.rowOf[i] as number) > 0) found.add(this.rowOf[i] as number);
    }
    return [...found].sort((a, b) => a - b);
  }

  /** The line a position of the text falls in. */
  private lineAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Whether `tab`'s rows are served here. */
  holds(tab: string): boolean {
    return this.headers.has(tab);
  }

  /** The RowSource methods for the history tabs (shared/io/tab-source.ts serves the others). */
  readonly source: RowSource = {
    shape: (tab, lastRow) => ({
      header: this.headers.get(tab) ?? [],
      ...(lastRow ? { lastRow: 1 + this.count(tab) } : {}),
    }),
    find: (tab, col, pattern, cols = 1) => {
      const anchored = new RegExp(`^${pattern}$`);
      const out: number[] = [];
      for (const r of this.candidates(tab, pattern))
        if (matchesIn(this.row(tab, r), col, cols, anchored)) out.push(r + 1);
      return out;
    },
    rows: (tab, rows, width) => new Map(rows.map((r) => [r, this.row(tab, r - 1).slice(0, width)] as const)),
    whole: (tab): RawTab => ({
      name: tab,
      values: Array.from({ length: 1 + this.count(tab) }, (_, r) => this.row(tab, r)),
    }),
    column: (tab, rows, col) => new Map(rows.map((r) => [r, this.row(tab, r - 1)[col] ?? ''] as const)),
  };
}
