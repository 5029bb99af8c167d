/**
 * What the playground's page shows of a tab: its cells as Sheets shows them, who owns each column,
 * its dropdowns, its row colours and their legend, its charts; and a fingerprint of it, so the page,
 * which asks every few seconds, is sent the tab again only when it changed.
 */
import { createHash } from 'node:crypto';
import { sheetRules } from '../shared/setup/sheet-rules';
import { normalizeHeader } from '../shared/sheet/columns';
import { TAB_KEYS, TABS } from '../shared/workbook';
import type { GridRange, StoredChart } from '../twin/apps-script/builders';
import type { TwinSpreadsheet } from '../twin/spreadsheet';

const OWNERS = new Map(
  TAB_KEYS.map((k) => [
    TABS[k].name,
    new Map(
      Object.values(TABS[k].columns as Record<string, { header: string; owner: string }>).map((c) => [
        normalizeHeader(c.header),
        c.owner,
      ]),
    ),
  ]),
);

/**
 * A fingerprint of what a tab shows: its cells and formulas, its charts, and today (formulas such
 * as Age follow the date). Cheap beside building the view, and far cheaper than sending it.
 */
export function sheetVersion(twin: TwinSpreadsheet, name: string): string {
  const sheet = twin.sheetNamed(name);
  const hash = createHash('sha1');
  hash.update(new Date().toISOString().slice(0, 10));
  hash.update(JSON.stringify(sheet.values));
  hash.update(JSON.stringify(sheet.formulas));
  hash.update(JSON.stringify(sheet.metadata.charts ?? null));
  return hash.digest('base64url');
}

export function sheetView(twin: TwinSpreadsheet, name: string) {
  const sheet = twin.sheetNamed(name);
  const shown = twin.read(name, { valueRenderOption: 'FORMATTED_VALUE' }).values ?? [];
  const header = (shown[0] ?? []).map(String);
  const owners = OWNERS.get(name);
  const rules = sheetRules(name, header);
  const lists: Record<number, readonly string[]> = {};
  for (const v of rules?.validations ?? [])
    if (v.rule.type === 'list')
      lists[header.findIndex((h) => normalizeHeader(h) === normalizeHeader(v.header))] = v.rule.values;
  const colors: Record<number, string> = {};
  for (const h of rules?.highlights ?? []) {
    const first = Number(/\d+/.exec(h.range)?.[0] ?? 2);
    const last = /:\D+(\d+)$/.exec(h.range) ? Number(/:\D+(\d+)$/.exec(h.range)?.[1]) : shown.length;
    for (let r = first; r <= Math.min(last, shown.length); r++)
      if (twin.formulas.evaluateAt(h.formula, name, r - first) === true) colors[r] = h.background;
  }
  const charts = ((sheet.metadata.charts as StoredChart[]) ?? []).map((c) => {
    const basic = c.spec.basicChart;
    const d = basic?.domains?.[0]?.domain.sourceRange.sources[0];
    const s = basic?.series?.[0]?.series.sourceRange.sources[0];
    const cells = (g: GridRange | undefined) =>
      g ? shown.slice(g.startRowIndex, g.endRowIndex).map((r) => String(r[g.startColumnIndex] ?? '')) : [];
    const type = basic?.chartType === 'BAR' ? ('BAR' as const) : ('COLUMN' as const);
    const axis = (position: string) => basic?.axis?.find((a) => a.position === position)?.title ?? '';
    // A column chart's labels run along the bottom axis; a bar chart's up the left one.
    const [labelAxis, valueAxis] =
      type === 'COLUMN' ? [axis('BOTTOM_AXIS'), axis('LEFT_AXIS')] : [axis('LEFT_AXIS'), axis('BOTTOM_AXIS')];
    return {
      title: c.spec.title ?? '',
      type,
      labelAxis,
      valueAxis,
      valueLabels: basic?.series?.[0]?.dataLabel !== undefined,
      labels: cells(d),
      values: cells(s).map((v) => (v === '' ? 0 : Number(v))),
    };
  });
  return {
    name,
    values: shown,
    frozen: sheet.properties.gridProperties.frozenRowCount ?? 0,
    owners: header.map((h) => owners?.get(normalizeHeader(h)) ?? (owners ? 'user (extra column)' : 'report')),
    lists,
    colors,
    // What each row colour means, for the page's legend.
    legend: (rules?.highlights ?? []).map((h) => ({ background: h.background, meaning: h.meaning })),
    charts,
  };
}
