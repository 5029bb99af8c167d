/**
 * One empty spreadsheet served by the Sheets API twin over real HTTP, with the environment that points
 * the CLI at it (a test token, the twin's URL). `close()` stops the server.
 */
import { newWorkbookFile } from '../../local-store/workbook-file';
import { SheetsApiTwin } from '../../twin/sheets-api';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

export async function servedSpreadsheet() {
  const doc = new TwinSpreadsheet(
    newWorkbookFile('Shop', 'America/New_York'),
    () => new Date('2026-11-23T15:00:00Z'),
  );
  const twin = new SheetsApiTwin({ tokens: { t: 'cli' }, perMinute: 10_000 });
  twin.add(doc);
  const env = { BACKORDER_DESK_SHEETS_URL: await twin.listen(), BACKORDER_DESK_ACCESS_TOKEN: 't' };
  return { doc, twin, env, target: ['--spreadsheet', doc.id], close: () => twin.close() };
}
