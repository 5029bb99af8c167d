/**
 * What a row-by-row read (shared/io/row-scope.ts) asks of where the rows are, and what it is asked
 * for: a RowSource finds rows by key and reads them (Apps Script's TextFinder and ranges in the
 * add-on, the workbook file in Node, whole tabs in memory in tests), ScopeOptions say which rows an
 * execution needs, and the constants size the reads every edge shares. Types and numbers only.
 */
import type { Cell } from '../sheet/cells';
import type { RawTab } from '../sheet/codec';
import type { RowRef } from '../sidebar/rpc';
import type { TabKey } from '../workbook';
import type { Found, Recall } from './search-memory';

/** The rows of a tab, found and read without reading the tab. */
export interface RowSource {
  /**
   * The header row and, when asked (a tab that may get rows), the last row with content (1-based);
   * undefined when the tab is missing.
   */
  shape(
    tab: string,
    lastRow: boolean,
  ): { readonly header: readonly Cell[]; readonly lastRow?: number } | undefined;
  /**
   * Rows (1-based, below the header) with a cell in columns `col` … `col + cols - 1` (0-based) that
   * matches `pattern` whole: one search over adjacent key columns.
   */
  find(tab: string, col: number, pattern: string, cols?: number): number[];
  /**
   * The given rows (1-based), `width` cells wide. `near`: a source that pays per call may read that
   * many rows more on each side in the same call and keep them for a later ask (they are not
   * returned as asked for, and not decoded).
   */
  rows(
    tab: string,
    rows: readonly number[],
    width: number,
    near?: number,
  ): ReadonlyMap<number, readonly Cell[]>;
  /**
   * The whole tab. `cols` (0-based, ascending): the columns the caller decodes; a source that pays
   * per cell may read only those (the others come back blank). `band`: only that band of its rows
   * (`bandRows`), the others blank.
   */
  whole(tab: string, cols?: readonly number[], band?: RowBand): RawTab | undefined;
  /** Whether `id` is known to be new to the tab without a search (the add-on's index tab). */
  vouches?(tab: string, id: string): boolean;
  /** One column (0-based) of the given rows (1-based): the cells alone, read as cheaply as they lie. */
  column?(tab: string, rows: readonly number[], col: number): ReadonlyMap<number, Cell>;
  /**
   * The rows whose cell in column `col` matches `pattern` whole, when the source knows them without
   * a call (the add-on's index tab answers a few fixed searches: shared/io/index-searches.ts).
   */
  known?(tab: string, col: number, pattern: string): readonly number[] | undefined;
  /** Of a search `known` answers that lists values (index-searches.ts `values`), its rows' values, in order. */
  knownValues?(tab: string, col: number, pattern: string): readonly string[] | undefined;
  /**
   * Whether no id of the tab's key column stands twice, known without a call (the add-on's index tab:
   * shared/io/index-unique.ts): a row read holding an id is then the only row holding it.
   */
  unique?(tab: string): boolean;
}

/**
 * Order lines read around the lines a settling command reads: a ship-complete waiting line brings its
 * order (scope-growth.ts), whose lines people keep together, so they are mostly read already, in the
 * same call, and the order costs no call of its own (a row costs a hundredth of a call or less).
 */
export const ORDER_NEIGHBOURS = 4;

/** How many of the last rows of a tab that may get new rows are read, for the next id. */
export const TAIL_ROWS = 3;

/**
 * How many of the Log's last rows a Node command reads when it does not read the Log whole: undo's
 * default window (UndoKeep 100) with room to spare, so the undo images leaving the window expire as
 * it moves (shared/commands/action-detail.ts `expiredDetails`).
 */
export const LOG_TAIL_ROWS = 300;

/**
 * One of `of` bands of a tab's rows, `part` 0-based: a list read in parts sent at once
 * (shared/sidebar/list-parts.ts), each part the rows of its band.
 */
export interface RowBand {
  readonly part: number;
  readonly of: number;
}

/**
 * The sheet rows (1-based, first and last) of `band` when the tab's rows run to `lastRow`: the rows
 * below the header cut in `of` runs as even as whole rows allow, every row in exactly one.
 */
export function bandRows(band: RowBand, lastRow: number): [number, number] {
  const rows = Math.max(0, lastRow - 1);
  const at = (part: number) => 2 + Math.floor((rows * part) / band.of);
  return [at(band.part), at(band.part + 1) - 1];
}

/** A search a batch adds to its read: rows of `tab` whose `field` holds one of `values`. */
export interface ValueSearch {
  readonly tab: TabKey;
  readonly field: string;
  /** Words of the column's vocabulary, matched as the codec matches them. */
  readonly values: readonly string[];
}

export interface ScopedRead {
  readonly tabs: Record<string, RawTab>;
  /** Tabs read row by row (the others whole): a write must not join rectangles across their unread rows. */
  readonly sparse: ReadonlySet<string>;
}

export interface ScopeOptions {
  /** The typed tabs to read, row by row but for Settings, ETA History and those named `whole`. */
  readonly tabs: readonly TabKey[];
  /** Tabs read whole (a batch: shared/io/read-plan.ts `BatchTabs`). */
  readonly whole?: readonly TabKey[];
  /**
   * Of a tab read whole, the only fields the reader uses (a list): only their columns are read and
   * decoded (shared/sheet/codec.ts `RawTab.fields`).
   */
  readonly project?: Partial<Record<TabKey, readonly string[]>>;
  /** Tabs outside the typed ones (the Aging tab Rebuild aging replaces) read whole, by name. */
  readonly alsoWhole?: readonly string[];
  /** Rows found by a value of a vocabulary column (a batch: the Held lines of Orders). */
  readonly searches?: readonly ValueSearch[];
  readonly requestId?: string;
  /** The row the sidebar shows, read as it is and grown from. */
  readonly ref?: RowRef | null;
  /**
   * Orders whose remainder may move to `<order>-R<n>` (ship): those ids are looked up too, when
   * Settings send a remainder to a new order (BackorderMode); otherwise no such order is made.
   */
  readonly remainderIds?: boolean;
  /** A command (which may add rows): the last rows of the tabs it may add to are read, for ids. */
  readonly appends?: boolean;
  /**
   * More than TAIL_ROWS last rows of a tab it may add to: the CLI reads the Log's last rows past
   * undo's window, so the Details leaving the window expire as it moves (`expiredDetails`).
   */
  readonly tails?: Partial<Record<TabKey, number>>;
  /**
   * A command that moves no other backorder's counters (shared/commands/spec.ts `leavesOthers`):
   * other backorders of its SKUs are read as a view reads them, without their order lines.
   */
  readonly annotates?: boolean;
  /**
   * A command that moves no unit of stock (shared/commands/spec.ts `leavesStock`): of Inventory
   * and of the PO lines by SKU, only the shown row's SKU and the SKUs its versions name are read (the
   * reply's view shows them, the stale check compares them); its SKUs' queues are read as ever.
   */
  readonly stockStill?: boolean;
  /** A command after which the queue settles (shared/commands/spec.ts `settles`): waiting lines are read. */
  readonly waiting?: boolean;
  /**
   * Tabs a command reads only for its reply's view of the shown backorder (its calls and notices):
   * only the shown backorder's rows are found there, as its view finds them, none of the rows of
   * the other backorders the command reaches, and nothing is added to them.
   */
  readonly viewOnly?: readonly TabKey[];
  /**
   * Rows a view's searches found (shared/io/search-memory.ts): a word remembered is not searched for
   * again; each of its rows must still hold it once read, or `MemoryMiss` is thrown.
   */
  readonly recall?: Recall;
  /** Told every search word and the rows it found, once those rows are read (a view records them). */
  readonly remember?: (found: Found) => void;
  /** Of the tabs read whole with `project`, only this band of rows (a list read in parts). */
  readonly band?: RowBand;
  /**
   * One part of a view split into calls sent at once (shared/sidebar/view-parts.ts): only these
   * searches (`tab.field`) are made; the shown row is read as ever. Unset: every search.
   */
  readonly onlySearches?: readonly SearchName[];
}

/** A search by a tab's field, as `onlySearches` names it ("orders.orderId"). */
export type SearchName = `${TabKey}.${string}`;
