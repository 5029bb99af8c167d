/**
 * The Aging chart through Apps Script's EmbeddedChartBuilder: backorders per age bucket, a column
 * chart over the bucket table the core lays out (render-aging.ts), placed beside the report.
 */
import { agingChartRange } from '../../shared/reports/render-aging';

/** `chart` is the Sheets API shape the core plans; the add-on needs only its bucket count. */
export function insertAgingChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, chart: object): void {
  const text = JSON.stringify(chart);
  const end = /"endRowIndex":(\d+)/.exec(text);
  const start = /"startRowIndex":(\d+)/.exec(text);
  const rows = end && start ? Number(end[1]) - Number(start[1]) : 4;
  const r = agingChartRange(rows);
  const built = sheet
    .newChart()
    .asColumnChart()
    .addRange(sheet.getRange(r.firstRow, r.labelColumn, rows, 1))
    .addRange(sheet.getRange(r.firstRow, r.valueColumn, rows, 1))
    .setOption('title', 'Open backorders by age')
    .setPosition(1, 7, 0, 0)
    .build();
  sheet.insertChart(built);
}
