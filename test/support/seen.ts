/**
 * What a person sees in a spreadsheet: every tab read with `FORMATTED_VALUE`, as Sheets displays it.
 * `unreadableDates` lists every non-empty cell of a date or timestamp column (by the tab's column
 * table) that does not show as a date, e.g. a bare serial number "46349".
 */
import type { Columns, TabSpec } from '../../shared/sheet/columns';
import { normalizeHeader } from '../../shared/sheet/columns';
import { TAB_KEYS, TABS } from '../../shared/workbook';
import type { TwinSpreadsheet } from '../../twin/spreadsheet';

export function unreadableDates(doc: TwinSpreadsheet): string[] {
  const bad: string[] = [];
  let seen = 0;
  for (const key of TAB_KEYS) {
    const spec = TABS[key] as unknown as TabSpec<Columns>;
    const [header = [], ...rows] =
      doc.read(`'${spec.name}'`, { valueRenderOption: 'FORMATTED_VALUE' }).values ?? [];
    header.forEach((h, c) => {
      const column = Object.values(spec.columns).find(
        (col) => normalizeHeader(col.header) === normalizeHeader(h),
      );
      if (!column || (column.kind !== 'date' && column.kind !== 'timestamp')) return;
      rows.forEach((r, i) => {
        const v = String(r[c] ?? '');
        if (v === '') return;
        seen += 1;
        if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(v))
          bad.push(`${spec.name}!${String(h)} row ${i + 2}: "${v}"`);
      });
    });
  }
  if (seen === 0) bad.push('no date cell at all: nothing was checked');
  return bad;
}
