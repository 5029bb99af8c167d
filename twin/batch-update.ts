/**
 * `spreadsheets.batchUpdate` on the twin: the structural requests setup and the Aging push use,
 * applied to a copy and committed only when every request succeeded (Google applies all or none).
 * Validation, protection, formatting, named ranges, charts and developer metadata are stored as
 * given, in the sheet's metadata, so a later `spreadsheets.get` shows them and tests can inspect them.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
 */

import type { Sheet, WorkbookFile } from '../local-store/workbook-file';
import { columnLetters } from './a1';
import { cellFormats } from './cell-formats';
import { TwinError } from './errors';
import { gridOf as gridSize, resize } from './grid';
import { shiftRows } from './row-shift';
import type { TwinSpreadsheet } from './spreadsheet';

type Request = Record<string, Record<string, unknown>>;

const STORED: Record<string, string> = {
  setDataValidation: 'dataValidations',
  addProtectedRange: 'protectedRanges',
  addConditionalFormatRule: 'conditionalFormats',
  repeatCell: 'formats',
  createDeveloperMetadata: 'developerMetadata',
};

function sheetById(file: WorkbookFile, id: unknown, at: number): Sheet {
  const sheet = file.sheets.find((s) => s.properties.sheetId === (id ?? 0));
  if (!sheet)
    throw new TwinError(400, 'INVALID_ARGUMENT', `Invalid requests[${at}]: No grid with id: ${String(id)}`);
  return sheet;
}

function list(sheet: Sheet, key: string): unknown[] {
  const existing = sheet.metadata[key];
  if (Array.isArray(existing)) return existing;
  const fresh: unknown[] = [];
  sheet.metadata[key] = fresh;
  return fresh;
}

/**
 * The next id of an object Google numbers for a spreadsheet (a chart, a protected range, a named
 * range): one above every id the spreadsheet holds, from 1,000. Read from the spreadsheet itself, so
 * two twins given the same file and the same requests number alike.
 */
function nextObjectId(file: WorkbookFile): number {
  let top = 999;
  const seen = (id: unknown) => {
    const n = Number(id);
    if (Number.isFinite(n) && n > top) top = n;
  };
  for (const sheet of file.sheets) {
    for (const c of (sheet.metadata.charts as { chartId?: unknown }[] | undefined) ?? []) seen(c.chartId);
    for (const p of (sheet.metadata.protectedRanges as { protectedRangeId?: unknown }[] | undefined) ?? [])
      seen(p.protectedRangeId);
  }
  for (const r of (file as WorkbookFile & { namedRanges?: { namedRangeId?: unknown }[] }).namedRanges ?? [])
    seen(r.namedRangeId);
  return top + 1;
}

/**
 * A `repeatCell` number format: over whole columns from the header down (open-ended, no endRowIndex)
 * it becomes the columns' format; over a bounded range, each cell's own; with no pattern and
 * `userEnteredFormat.numberFormat` among its fields, the bounded cells' own formats are cleared.
 * `FORMATTED_VALUE` reads render with them, as a person sees the cells.
 */
function numberFormatOf(sheet: Sheet, body: Record<string, unknown>): void {
  const range = body.range as
    | { startRowIndex?: number; endRowIndex?: number; startColumnIndex?: number; endColumnIndex?: number }
    | undefined;
  const pattern = (body.cell as { userEnteredFormat?: { numberFormat?: { pattern?: string } } } | undefined)
    ?.userEnteredFormat?.numberFormat?.pattern;
  if (!range) return;
  const end = range.endColumnIndex ?? (range.startColumnIndex ?? 0) + 1;
  if (range.endRowIndex === undefined) {
    if (!pattern || (range.startRowIndex ?? 0) > 1) return;
    for (let c = range.startColumnIndex ?? 0; c < end; c++) sheet.columnFormats[columnLetters(c)] = pattern;
    return;
  }
  if (!pattern && !String(body.fields ?? '').includes('numberFormat')) return;
  const own = cellFormats(sheet);
  for (let r = range.startRowIndex ?? 0; r < range.endRowIndex; r++)
    for (let c = range.startColumnIndex ?? 0; c < end; c++) {
      const key = `${columnLetters(c)}${r + 1}`;
      if (pattern) own[key] = pattern;
      else delete own[key];
    }
}

/** Resizes a sheet's grid or refuses the whole batch with Google's cell-limit error (fidelity S10). */
function grow(file: WorkbookFile, sheet: Sheet, rows: number, cols: number, where: string): void {
  const refused = resize(file, sheet, rows, cols);
  if (refused) throw new TwinError(400, 'INVALID_ARGUMENT', `Invalid ${where}: ${refused}`);
}

export function batchUpdate(
  twin: TwinSpreadsheet,
  requests: readonly Request[],
): { spreadsheetId: string; replies: unknown[] } {
  const original = twin.file;
  const working = structuredClone(original);
  twin.file = working;
  try {
    const replies = requests.map((request, at) => apply(twin, working, request, at));
    return { spreadsheetId: twin.id, replies };
  } catch (e) {
    twin.file = original; // all or nothing
    throw e;
  }
}

function apply(twin: TwinSpreadsheet, file: WorkbookFile, request: Request, at: number): unknown {
  const [kind, body] = Object.entries(request)[0] ?? [];
  if (!kind || !body)
    throw new TwinError(400, 'INVALID_ARGUMENT', `Invalid requests[${at}]: request is empty`);
  const gridOf = (range: unknown) =>
    sheetById(file, (range as { sheetId?: number } | undefined)?.sheetId, at);
  switch (kind) {
    case 'addSheet': {
      const p = (body.properties ?? {}) as {
        sheetId?: number;
        title?: string;
        gridProperties?: { frozenRowCount?: number; rowCount?: number; columnCount?: number };
      };
      if (p.sheetId !== undefined && file.sheets.some((s) => s.properties.sheetId === p.sheetId))
        throw new TwinError(
          400,
          'INVALID_ARGUMENT',
          `Invalid requests[${at}].addSheet: Sheet with id ${p.sheetId} already exists.`,
        );
      const sheet = twin.addSheet(
        p.title ?? `Sheet${file.sheets.length + 1}`,
        p.gridProperties?.frozenRowCount ?? 0,
        p.gridProperties?.rowCount,
        p.gridProperties?.columnCount,
      );
      if (p.sheetId !== undefined) sheet.properties.sheetId = p.sheetId;
      return { addSheet: { properties: sheet.properties } };
    }
    case 'deleteSheet': {
      const sheet = sheetById(file, body.sheetId, at);
      file.sheets.splice(file.sheets.indexOf(sheet), 1);
      return {};
    }
    case 'updateSheetProperties': {
      const p = body.properties as {
        sheetId?: number;
        title?: string;
        gridProperties?: { frozenRowCount?: number; rowCount?: number; columnCount?: number };
      };
      const sheet = sheetById(file, p.sheetId, at);
      const fields = String(body.fields ?? '*');
      const asked = (f: string) => fields === '*' || fields.split(',').some((x) => x.trim() === f);
      if (p.title && asked('title')) sheet.properties.title = p.title;
      if (p.gridProperties?.frozenRowCount !== undefined && asked('gridProperties.frozenRowCount'))
        sheet.properties.gridProperties.frozenRowCount = p.gridProperties.frozenRowCount;
      const g = gridSize(sheet);
      const rows = asked('gridProperties.rowCount') ? (p.gridProperties?.rowCount ?? g.rows) : g.rows;
      const cols = asked('gridProperties.columnCount') ? (p.gridProperties?.columnCount ?? g.cols) : g.cols;
      if (rows !== g.rows || cols !== g.cols)
        grow(file, sheet, rows, cols, `requests[${at}].updateSheetProperties`);
      return {};
    }
    case 'appendDimension': {
      const b = body as { sheetId?: number; dimension?: 'ROWS' | 'COLUMNS'; length?: number };
      const sheet = sheetById(file, b.sheetId, at);
      const g = gridSize(sheet);
      const n = b.length ?? 0;
      if (n < 1)
        throw new TwinError(
          400,
          'INVALID_ARGUMENT',
          `Invalid requests[${at}].appendDimension: length must be > 0`,
        );
      if (b.dimension === 'COLUMNS') grow(file, sheet, g.rows, g.cols + n, `requests[${at}].appendDimension`);
      else grow(file, sheet, g.rows + n, g.cols, `requests[${at}].appendDimension`);
      return {};
    }
    case 'insertDimension':
    case 'deleteDimension': {
      const range = body.range as {
        sheetId?: number;
        dimension: 'ROWS' | 'COLUMNS';
        startIndex: number;
        endIndex: number;
      };
      const sheet = sheetById(file, range.sheetId, at);
      const n = range.endIndex - range.startIndex;
      const g = gridSize(sheet);
      const sign = kind === 'insertDimension' ? 1 : -1;
      if (range.dimension === 'ROWS') grow(file, sheet, g.rows + sign * n, g.cols, `requests[${at}].${kind}`);
      else grow(file, sheet, g.rows, g.cols + sign * n, `requests[${at}].${kind}`);
      if (range.dimension === 'ROWS') {
        if (kind === 'insertDimension')
          sheet.values.splice(range.startIndex, 0, ...Array.from({ length: n }, () => []));
        else sheet.values.splice(range.startIndex, n);
        shiftRows(sheet, range.startIndex, sign * n); // formulas, notes and cell formats move with their rows
      } else
        for (const row of sheet.values)
          if (kind === 'insertDimension') row.splice(range.startIndex, 0, ...new Array(n).fill(null));
          else row.splice(range.startIndex, n);
      return {};
    }
    case 'addNamedRange': {
      const named = { namedRangeId: String(nextObjectId(file)), ...(body.namedRange as object) };
      const holder = file as WorkbookFile & { namedRanges?: unknown[] };
      holder.namedRanges = [...(holder.namedRanges ?? []), named];
      return { addNamedRange: { namedRange: named } };
    }
    case 'addChart': {
      const chart = { chartId: nextObjectId(file), ...(body.chart as object) };
      const anchor = (chart as { position?: { overlayPosition?: { anchorCell?: { sheetId?: number } } } })
        .position?.overlayPosition?.anchorCell;
      list(sheetById(file, anchor?.sheetId, at), 'charts').push(chart);
      return { addChart: { chart } };
    }
    case 'updateChartSpec': {
      for (const sheet of file.sheets) {
        const chart = list(sheet, 'charts').find(
          (c) => (c as { chartId: number }).chartId === body.chartId,
        ) as { spec?: unknown } | undefined;
        if (chart) {
          chart.spec = body.spec;
          return {};
        }
      }
      throw new TwinError(
        400,
        'INVALID_ARGUMENT',
        `Invalid requests[${at}].updateChartSpec: No chart with id: ${String(body.chartId)}`,
      );
    }
    case 'deleteProtectedRange': {
      for (const sheet of file.sheets) {
        const ranges = list(sheet, 'protectedRanges') as { protectedRangeId?: number }[];
        const found = ranges.findIndex((p) => p.protectedRangeId === body.protectedRangeId);
        if (found >= 0) {
          ranges.splice(found, 1);
          return {};
        }
      }
      throw new TwinError(
        400,
        'INVALID_ARGUMENT',
        `Invalid requests[${at}].deleteProtectedRange: No protected range with id: ${String(body.protectedRangeId)}`,
      );
    }
    case 'deleteConditionalFormatRule': {
      const rules = list(sheetById(file, body.sheetId, at), 'conditionalFormats');
      const i = Number(body.index ?? 0);
      if (!(i >= 0 && i < rules.length))
        throw new TwinError(
          400,
          'INVALID_ARGUMENT',
          `Invalid requests[${at}].deleteConditionalFormatRule: No conditional format on the sheet at index ${i}`,
        );
      rules.splice(i, 1);
      return {};
    }
    default: {
      const key = STORED[kind];
      if (!key)
        throw new TwinError(
          400,
          'INVALID_ARGUMENT',
          `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${at}]': the twin does not model it`,
        );
      const target = (body.range ??
        (body.rule as { ranges?: unknown[] } | undefined)?.ranges?.[0] ??
        (body.protectedRange as { range?: unknown } | undefined)?.range ??
        (body.developerMetadata as { location?: { sheetId?: number } } | undefined)?.location) as unknown;
      // Stored as spreadsheets.get returns them: a protected range with its id, a conditional format
      // as its rule, the others as sent.
      const stored =
        kind === 'addProtectedRange'
          ? { protectedRangeId: nextObjectId(file), ...(body.protectedRange as object) }
          : kind === 'addConditionalFormatRule'
            ? (body.rule as object)
            : body;
      const sheet = gridOf(target);
      // A number format on bounded cells is the cells' state (numberFormatOf), not a rule to keep:
      // a report rewritten daily would pile up its requests.
      const cellsOnly =
        kind === 'repeatCell' &&
        (body.range as { endRowIndex?: number })?.endRowIndex !== undefined &&
        String(body.fields ?? '') === 'userEnteredFormat.numberFormat';
      if (!cellsOnly) list(sheet, key).push(stored);
      if (kind === 'repeatCell') numberFormatOf(sheet, body);
      return kind === 'addProtectedRange' ? { addProtectedRange: { protectedRange: stored } } : {};
    }
  }
}
