/**
 * `spreadsheets.get` of the twin: the spreadsheet's properties and sheets (grid data is not served),
 * each sheet with its grid size and the metadata setup installed (charts, protected ranges,
 * conditional formats, developer metadata), cut to a `fields` mask as partial responses are
 * (docs/fidelity.md S16).
 */

import type { WorkbookFile } from '../local-store/workbook-file';
import { gridOf } from './grid';

/**
 * `spreadsheets.get`: properties and sheets (grid data is not served), cut to a `fields` mask of
 * top-level names and `sheets.properties` / `sheets.charts`… paths, as the API's partial responses do.
 */
export function describeSpreadsheet(id: string, file: WorkbookFile, fields?: string) {
  const full = everything(id, file);
  if (!fields) return full;
  const wanted = fields.split(',').map((f) => f.trim().replace(/\(.*\)$/, ''));
  const out: Record<string, unknown> = {};
  for (const f of wanted) {
    const [top, sub] = f.split('.');
    if (!top || !(top in full)) continue;
    const value = (full as Record<string, unknown>)[top];
    if (sub && top === 'sheets') {
      const previous = (out.sheets as Record<string, unknown>[] | undefined) ?? full.sheets.map(() => ({}));
      out.sheets = full.sheets.map((s, i) => ({
        ...previous[i],
        [sub]: (s as Record<string, unknown>)[sub],
      }));
    } else out[top] = value;
  }
  return out;
}

function everything(id: string, file: WorkbookFile) {
  return {
    spreadsheetId: id,
    properties: {
      title: file.properties.title,
      locale: file.properties.locale,
      timeZone: file.properties.timeZone,
    },
    sheets: file.sheets.map((s) => ({
      properties: {
        ...s.properties,
        sheetType: 'GRID',
        gridProperties: {
          ...s.properties.gridProperties,
          rowCount: gridOf(s).rows,
          columnCount: gridOf(s).cols,
        },
      },
      ...Object.fromEntries(
        Object.entries(s.metadata).filter(([k]) =>
          ['charts', 'protectedRanges', 'conditionalFormats', 'developerMetadata'].includes(k),
        ),
      ),
    })),
    namedRanges: (file as WorkbookFile & { namedRanges?: unknown[] }).namedRanges ?? [],
  };
}
