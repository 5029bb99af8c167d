/**
 * The Sheets API face of the twin, row by row of docs/fidelity.md (S1–S21; S15, S18 and S21 are pinned in sheets-api.test.ts and resilience.test.ts), through the real
 * googleapis client over loopback HTTP: each case names its row and so the documentation it pins.
 */
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSheet, newWorkbookFile } from '../../local-store/workbook-file';
import { SheetsApiTwin } from '../../twin/sheets-api';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

const TOKEN = 'ya29.fidelity';
let twin: SheetsApiTwin;
let api: sheets_v4.Sheets;
let doc: TwinSpreadsheet;
const spreadsheetId = () => doc.id;

beforeEach(async () => {
  const file = newWorkbookFile('fidelity', 'America/New_York');
  newSheet(file, 'Orders', ['OrderID', 'Qty', 'OrderDate']).values.push(
    ['SO-1', 5, 46349],
    [],
    ['SO-3', '', ''],
  );
  newSheet(file, "O'Brien", ['a']);
  doc = new TwinSpreadsheet(file, () => new Date('2026-11-23T15:00:00Z'));
  twin = new SheetsApiTwin({ tokens: { [TOKEN]: 'fidelity@test' } });
  twin.add(doc);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  api = sheets({ version: 'v4', auth, rootUrl: await twin.listen() });
});

afterEach(async () => {
  await twin.close();
});

async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; data: { error: Record<string, unknown> } }> {
  try {
    await p;
  } catch (e) {
    return (e as { response: { status: number; data: { error: Record<string, unknown> } } }).response;
  }
  throw new Error('expected the request to fail');
}

const get = (range: string, o: Partial<sheets_v4.Params$Resource$Spreadsheets$Values$Get> = {}) =>
  api.spreadsheets.values.get({ spreadsheetId: spreadsheetId(), range, ...o }).then((r) => r.data);
const put = (range: string, values: unknown[][], valueInputOption = 'RAW') =>
  api.spreadsheets.values.update({
    spreadsheetId: spreadsheetId(),
    range,
    valueInputOption,
    requestBody: { values },
  });
const structure = (requests: sheets_v4.Schema$Request[]) =>
  api.spreadsheets.batchUpdate({ spreadsheetId: spreadsheetId(), requestBody: { requests } });
const grid = async (title: string) => {
  const meta = await api.spreadsheets.get({ spreadsheetId: spreadsheetId(), fields: 'sheets.properties' });
  const p = meta.data.sheets?.find((s) => s.properties?.title === title)?.properties;
  return [p?.gridProperties?.rowCount, p?.gridProperties?.columnCount];
};

describe('docs/fidelity.md — Sheets API v4', () => {
  it('S1: values.get trims trailing empty rows and cells, and omits `values` for an empty range', async () => {
    expect((await get('Orders!A3:C3')).values).toBeUndefined();
    expect((await get('Orders', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      ['OrderID', 'Qty', 'OrderDate'],
      ['SO-1', 5, 46349],
      [],
      ['SO-3'],
    ]);
  });

  it('S2–S3: UNFORMATTED_VALUE with SERIAL_NUMBER gives serials; FORMATTED_VALUE (the default) gives text', async () => {
    doc.sheetNamed('Orders').columnFormats.C = 'yyyy-mm-dd';
    const raw = await get('Orders!C2', {
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    expect(raw.values).toEqual([[46349]]);
    expect((await get('Orders!B2:C2')).values).toEqual([['5', '2026-11-23']]);
  });

  it('S4–S5: RAW stores input as it is; USER_ENTERED parses numbers, booleans, dates, formulas, and a leading apostrophe keeps text', async () => {
    await put('Orders!A5:E5', [['=1+1', '12', 'TRUE', '2026-11-23', "'=x"]]);
    expect((await get('Orders!A5:E5', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      ['=1+1', '12', 'TRUE', '2026-11-23', "'=x"],
    ]);
    await put('Orders!A6:E6', [['=1+1', '12', 'TRUE', '2026-11-23', "'=x"]], 'USER_ENTERED');
    expect((await get('Orders!A6:E6', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      [2, 12, true, 46349, '=x'],
    ]);
  });

  it('S6–S7: a write or a read past the grid is 400 "exceeds grid limits", naming the first cell outside', async () => {
    const wide = await failure(put("'Orders'!A1", [Array.from({ length: 32 }, (_, i) => `h${i}`)]));
    expect(wide.status).toBe(400);
    expect(wide.data.error).toMatchObject({
      status: 'INVALID_ARGUMENT',
      message: "Range ('Orders'!AA1) exceeds grid limits. Max rows: 1000, max columns: 26",
    });
    const deep = await failure(get('Orders!A990:A1010'));
    expect(deep.data.error.message).toBe(
      "Range ('Orders'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
  });

  it('S8: values.append writes after the table and grows the grid, rows and columns, even with OVERWRITE', async () => {
    doc.sheetNamed('Orders').values.push(...Array.from({ length: 996 }, (_, i) => [`SO-${i + 4}`]));
    const res = await api.spreadsheets.values.append({
      spreadsheetId: spreadsheetId(),
      range: 'Orders!A1',
      valueInputOption: 'RAW',
      insertDataOption: 'OVERWRITE',
      requestBody: { values: [['SO-X'], ['SO-Y', ...Array.from({ length: 27 }, () => 'x')]] },
    });
    expect(res.data.updates?.updatedRange).toBe('Orders!A1001:AB1002');
    expect(await grid('Orders')).toEqual([1002, 28]);
  });

  it('S9–S10: addSheet makes 1,000 × 26 unless told otherwise; appendDimension grows; 10 million cells at most', async () => {
    await structure([
      { addSheet: { properties: { title: 'Plain' } } },
      { addSheet: { properties: { title: 'Wide', gridProperties: { rowCount: 1000, columnCount: 32 } } } },
    ]);
    expect([await grid('Plain'), await grid('Wide')]).toEqual([
      [1000, 26],
      [1000, 32],
    ]);
    const id = doc.sheetNamed('Plain').properties.sheetId;
    await structure([{ appendDimension: { sheetId: id, dimension: 'ROWS', length: 500 } }]);
    expect(await grid('Plain')).toEqual([1500, 26]);
    const over = await failure(
      structure([{ appendDimension: { sheetId: id, dimension: 'ROWS', length: 400_000 } }]),
    );
    expect(over.data.error.message).toMatch(/above the limit of 10000000 cells/);
  });

  it("S11–S12: A1 with quoted names (O''Brien), whole columns and open-ended ranges", async () => {
    await put("'O''Brien'!A2", [['x']]);
    expect((await get("'O''Brien'!A:A")).values).toEqual([['a'], ['x']]);
    expect((await get('Orders!B2:C', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      [5, 46349],
    ]);
    expect((await get('Orders!2:2', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      ['SO-1', 5, 46349],
    ]);
  });

  it('S13: spreadsheets.batchUpdate applies all requests or none', async () => {
    const bad = await failure(
      structure([{ addSheet: { properties: { title: 'Kept?' } } }, { deleteSheet: { sheetId: 999 } }]),
    );
    expect(bad.status).toBe(400);
    expect(doc.file.sheets.map((s) => s.properties.title)).toEqual(['Orders', "O'Brien"]);
  });

  it('S14: errors carry {code, message, status} with Google’s status names', async () => {
    for (const [status, name] of [
      [403, 'PERMISSION_DENIED'],
      [429, 'RESOURCE_EXHAUSTED'],
      [500, 'INTERNAL'],
      [503, 'UNAVAILABLE'],
    ] as const) {
      twin.faults.push({ status, route: /:batchUpdate/ });
      const e = await failure(put('Orders!A9', [['x']]).then(() => structure([])));
      expect(e.data.error).toMatchObject({ code: status, status: name });
    }
    const missing = await failure(api.spreadsheets.get({ spreadsheetId: 'nope' }));
    expect(missing.data.error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
  });

  it('S16: spreadsheets.get answers only the fields asked for', async () => {
    const meta = await api.spreadsheets.get({
      spreadsheetId: spreadsheetId(),
      fields: 'properties.timeZone',
    });
    expect(meta.data).toEqual({
      properties: { title: 'fidelity', locale: 'en_US', timeZone: 'America/New_York' },
    });
  });

  it('S17: a cell holds at most 50,000 characters', async () => {
    const e = await failure(put('Orders!A9', [['x'.repeat(50_001)]]));
    expect(e.data.error.message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('S19: values.batchUpdate checks every range before writing any', async () => {
    const e = await failure(
      api.spreadsheets.values.batchUpdate({
        spreadsheetId: spreadsheetId(),
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'Orders!A9', values: [['written?']] },
            { range: 'Orders!AA9', values: [['outside']] },
          ],
        },
      }),
    );
    expect(e.status).toBe(400);
    expect(doc.sheetNamed('Orders').values[8]).toBeUndefined();
  });

  it('S20: deleteDimension shrinks the grid with the rows', async () => {
    const sheetId = doc.sheetNamed('Orders').properties.sheetId;
    await structure([
      { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 2, endIndex: 3 } } },
    ]);
    expect(await grid('Orders')).toEqual([999, 26]);
    expect(doc.sheetNamed('Orders').values[2]).toEqual(['SO-3', '', '']);
  });
});
