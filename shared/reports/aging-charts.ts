/**
 * The owner's charts on the Aging tab, planned in the Sheets API's shape (every edge places them from
 * it: the Sheets API port as they are, the add-on through EmbeddedChartBuilder, the workbook file and
 * the twin as stored data): each one's report table, title, axes and place beside the report.
 * shared/reports/render-aging.ts says which tables they draw.
 */

/** A table of the report a chart draws: labels in one column, values in another (1-based). */
export interface ChartData {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly labelColumn: number;
  readonly valueColumn: number;
}

/** A chart of the Aging tab: what it draws, its axes, and the report table it reads. */
export interface AgingChart extends ChartData {
  readonly title: string;
  /** COLUMN: vertical bars along the labels; BAR: horizontal bars, for long labels (vendors). */
  readonly type: 'COLUMN' | 'BAR';
  readonly labelAxis: string;
  readonly valueAxis: string;
}

/**
 * Where the bucket table sits for `buckets` age buckets (Settings' bounds + 1): the rows above it
 * never change, so a chart set up once keeps pointing at it.
 */
export function agingChartRange(buckets: number): ChartData {
  return { firstRow: 14, lastRow: 13 + buckets, labelColumn: 1, valueColumn: 2 };
}

/** The bucket chart, for a tab set up before any report: backorders per age bucket. */
export function bucketChart(buckets: number): AgingChart {
  return {
    ...agingChartRange(buckets),
    title: 'Open backorders by age',
    type: 'COLUMN',
    labelAxis: 'Age',
    valueAxis: 'Backorders',
  };
}

/**
 * The Aging chart as the Sheets API embeds it: backorders per age bucket, beside the report.
 * https://developers.google.com/sheets/api/samples/charts
 */
export function agingChart(buckets: number, sheetId = 0): object {
  return chartOn(embeddedChart(bucketChart(buckets), 0), sheetId);
}

/** Every chart of a rendered report as the Sheets API embeds them, stacked beside the report. */
export function agingCharts(sheet: { readonly charts: readonly AgingChart[] }): object[] {
  return sheet.charts.map((c, i) => embeddedChart(c, i));
}

/** The row (0-based) of the `index`th chart's top-left corner, counting charts from the top. */
const chartAnchorRow = (index: number): number => 1 + index * CHART_ROWS;

/** Rows of the tab each chart's height covers (Google's default chart is about 18 rows tall). */
const CHART_ROWS = 20;

/** The column the charts stand in (0-based: I), right of the report's widest section. */
const CHART_COLUMN = 8;

/** Points a chart (or any request) made for sheet 0 at another sheet (every GridRange and anchor). */
export function chartOn(chart: object, sheetId: number): object {
  return JSON.parse(JSON.stringify(chart).replace(/"sheetId":\d+/g, `"sheetId":${sheetId}`)) as object;
}

/**
 * One chart in the Sheets API's shape: its title, both axes titled, each bar labelled with its value
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/charts#BasicChartSeries:
 * `dataLabel`), on sheet 0 (`chartOn` points it elsewhere).
 */
function embeddedChart(c: AgingChart, index: number, sheetId = 0): object {
  const column = (col: number) => ({
    sheetId,
    startRowIndex: c.firstRow - 1,
    endRowIndex: c.lastRow,
    startColumnIndex: col - 1,
    endColumnIndex: col,
  });
  // A column chart's labels run along the bottom; a bar chart's up the left side.
  const [labels, values] = c.type === 'COLUMN' ? ['BOTTOM_AXIS', 'LEFT_AXIS'] : ['LEFT_AXIS', 'BOTTOM_AXIS'];
  return {
    spec: {
      title: c.title,
      basicChart: {
        chartType: c.type,
        legendPosition: 'NO_LEGEND',
        axis: [
          { position: labels, title: c.labelAxis },
          { position: values, title: c.valueAxis },
        ],
        domains: [{ domain: { sourceRange: { sources: [column(c.labelColumn)] } } }],
        series: [
          {
            series: { sourceRange: { sources: [column(c.valueColumn)] } },
            targetAxis: values,
            dataLabel: { type: 'DATA', placement: 'OUTSIDE_END' },
          },
        ],
        headerCount: 0,
      },
    },
    position: {
      overlayPosition: {
        anchorCell: { sheetId, rowIndex: chartAnchorRow(index), columnIndex: CHART_COLUMN },
      },
    },
  };
}
