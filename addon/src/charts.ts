/**
 * The Aging charts through Apps Script's EmbeddedChartBuilder. The core plans each chart in the Sheets
 * API's shape (shared/reports/aging-charts.ts); here each becomes a builder: its labels and values
 * ranges, title, axis titles, no legend, a value on each bar, its place beside the report. A chart
 * already on the tab that reads the same ranges is left as it is (a person may have styled it); one
 * whose table moved is re-pointed with `modify()` and `updateChart`; a missing one is inserted.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Grid {
  startRowIndex: number;
  endRowIndex: number;
  startColumnIndex: number;
  endColumnIndex: number;
}

/** The parts of a Sheets API EmbeddedChart the builder needs. */
interface Planned {
  spec: {
    title: string;
    basicChart: {
      chartType: 'COLUMN' | 'BAR';
      axis: { position: 'BOTTOM_AXIS' | 'LEFT_AXIS'; title: string }[];
      domains: { domain: { sourceRange: { sources: Grid[] } } }[];
      series: { series: { sourceRange: { sources: Grid[] } } }[];
    };
  };
  position: { overlayPosition: { anchorCell: { rowIndex: number; columnIndex: number } } };
}

const rangeOf = (sheet: Sheet, g: Grid) =>
  sheet.getRange(
    g.startRowIndex + 1,
    g.startColumnIndex + 1,
    g.endRowIndex - g.startRowIndex,
    g.endColumnIndex - g.startColumnIndex,
  );

/** Puts every planned chart on the Aging tab, in order, touching only those that differ. */
export function placeAgingCharts(sheet: Sheet, charts: readonly object[]): void {
  const have = sheet.getCharts();
  charts.forEach((planned, i) => {
    const c = planned as Planned;
    const basic = c.spec.basicChart;
    const grids = [
      basic.domains[0]?.domain.sourceRange.sources[0],
      basic.series[0]?.series.sourceRange.sources[0],
    ];
    const ranges = grids.flatMap((g) => (g ? [rangeOf(sheet, g)] : []));
    const existing = have[i];
    const shown = existing?.getRanges().map((r) => r.getA1Notation());
    if (shown && shown.join() === ranges.map((r) => r.getA1Notation()).join()) return;
    const base = existing ? existing.modify().clearRanges() : sheet.newChart();
    const typed = basic.chartType === 'BAR' ? base.asBarChart() : base.asColumnChart();
    const axis = (position: string) => basic.axis.find((a) => a.position === position)?.title ?? '';
    const anchor = c.position.overlayPosition.anchorCell;
    let builder = typed as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
    for (const r of ranges) builder = builder.addRange(r);
    const built = builder
      .setOption('title', c.spec.title)
      .setOption('hAxis.title', axis('BOTTOM_AXIS'))
      .setOption('vAxis.title', axis('LEFT_AXIS'))
      .setOption('legend', { position: 'none' })
      .setOption('series', { 0: { dataLabel: 'value' } })
      .setPosition(anchor.rowIndex + 1, anchor.columnIndex + 1, 0, 0)
      .build();
    if (existing) sheet.updateChart(built);
    else sheet.insertChart(built);
  });
}
