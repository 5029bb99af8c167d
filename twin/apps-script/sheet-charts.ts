/**
 * A twin sheet's embedded charts (`Sheet.newChart`, `insertChart`, `getCharts`, `updateChart`): kept
 * in the sheet's metadata as the Sheets API's chart specs, each with its ranges (labels first) and a
 * builder seeded with it for `modify()`. Unknown chart ids are refused as Apps Script refuses them.
 */
import type { Sheet } from '../../local-store/workbook-file';
import { chartBuilder, type StoredChart } from './builders';
import type { TwinRange } from './range';

export interface ChartHost {
  /** The sheet's stored model (throws when it was deleted). */
  readonly sheet: (id: number) => Sheet;
  /** Counts a call under its Apps Script name. */
  readonly hit: (kind: string) => void;
  /** A range of the sheet by row, column and size (1-based). */
  readonly rangeOn: (id: number, row: number, col: number, rows: number, cols: number) => TwinRange;
}

/** The chart methods of the sheet `id`. */
export function sheetCharts(id: number, { sheet, hit, rangeOn }: ChartHost) {
  return {
    newChart: () => chartBuilder(id),
    insertChart(chart: StoredChart) {
      hit('Sheet.insertChart');
      const charts = ((sheet(id).metadata.charts as StoredChart[]) ?? []) as StoredChart[];
      charts.push({ ...chart, chartId: id * 100 + charts.length + 1 });
      sheet(id).metadata.charts = charts;
    },
    // EmbeddedChart: its ranges (labels first), and modify() for a builder seeded with it.
    getCharts: () => {
      hit('Sheet.getCharts');
      return ((sheet(id).metadata.charts as StoredChart[]) ?? []).map((chart) => ({
        ...chart,
        getChartId: () => chart.chartId,
        getRanges: () =>
          [
            ...(chart.spec.basicChart?.domains ?? []).flatMap((d) => d.domain.sourceRange.sources),
            ...(chart.spec.basicChart?.series ?? []).flatMap((x) => x.series.sourceRange.sources),
          ].map((g) =>
            rangeOn(
              id,
              g.startRowIndex + 1,
              g.startColumnIndex + 1,
              g.endRowIndex - g.startRowIndex,
              g.endColumnIndex - g.startColumnIndex,
            ),
          ),
        modify: () => chartBuilder(id, chart),
      }));
    },
    updateChart(chart: StoredChart) {
      hit('Sheet.updateChart');
      const charts = ((sheet(id).metadata.charts as StoredChart[]) ?? []) as StoredChart[];
      const at = charts.findIndex((c) => c.chartId === chart.chartId);
      if (at < 0) throw new Error('Exception: The chart does not exist on this sheet.');
      charts[at] = chart;
    },
  };
}
