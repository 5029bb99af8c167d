/**
 * The twin's Sheets API face, driven by the real googleapis Sheets client over loopback HTTP with an
 * OAuth2Client holding a test token: documented value semantics (serial dates from 1899-12-30,
 * RAW vs USER_ENTERED, trimming, A1 edge cases), Google's error shapes, all-or-nothing batchUpdate,
 * injected faults and the per-minute quota, and the workbook file shared with the CLI.
 * Documentation followed: ValueInputOption (RAW stores as is; USER_ENTERED parses as typed)
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption ; ValueRenderOption and
 * DateTimeRenderOption (SERIAL_NUMBER counts days from 1899-12-30)
 * https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption ; values.get trims
 * trailing empty rows and columns https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/get ;
 * error bodies https://cloud.google.com/apis/design/errors ; usage limits (60 requests a minute per
 * user) https://developers.google.com/sheets/api/limits ; batchUpdate is atomic
 * https://developers.google.com/sheets/api/guides/batchupdate
 */
import { join } from 'node:path';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  newSheet,
  newWorkbookFile,
  readWorkbookFile,
  writeWorkbookFile,
} from '../../local-store/workbook-file';
import { SheetsApiTwin } from '../../twin/sheets-api';
import { TwinSpreadsheet } from '../../twin/spreadsheet';
import { cli, tempDir } from '../support/cli';

const TOKEN = 'ya29.test-token-for-the-twin';

function client(rootUrl: string, token = TOKEN): sheets_v4.Sheets {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return sheets({ version: 'v4', auth, rootUrl });
}

let twin: SheetsApiTwin;
let root: string;
let doc: TwinSpreadsheet;

beforeEach(async () => {
  const file = newWorkbookFile('Twin test', 'America/New_York');
  newSheet(file, 'Orders', ['OrderID', 'Qty', 'OrderDate']).values.push(
    ['SO-1', 5, 46349],
    [],
    ['SO-3', 2, 46350],
  );
  newSheet(file, "Jo's tab", ['a']);
  doc = new TwinSpreadsheet(file, () => new Date('2026-11-23T15:00:00Z'));
  twin = new SheetsApiTwin({ tokens: { [TOKEN]: 'sync@test', 'other-token': 'someone-else' } });
  twin.add(doc);
  root = await twin.listen();
});

afterEach(async () => {
  await twin.close();
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { response?: { status: number; data: unknown } }).response;
  }
  throw new Error('expected the request to fail');
};

describe('Sheets API twin, through the real googleapis client', () => {
  it('reads with UNFORMATTED_VALUE + SERIAL_NUMBER, trimmed as Google trims', async () => {
    const api = client(root);
    const res = await api.spreadsheets.values.batchGet({
      spreadsheetId: doc.id,
      ranges: ['Orders', 'Orders!A2:B', "'Jo''s tab'!A1"],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    expect(res.data.valueRanges?.map((r) => r.values)).toEqual([
      [['OrderID', 'Qty', 'OrderDate'], ['SO-1', 5, 46349], [], ['SO-3', 2, 46350]],
      [['SO-1', 5], [], ['SO-3', 2]],
      [['a']],
    ]);
    expect(res.data.valueRanges?.[2]?.range).toBe("'Jo''s tab'!A1:A1");
    const formattedRead = await api.spreadsheets.values.get({ spreadsheetId: doc.id, range: 'Orders!B2' });
    expect(formattedRead.data.values).toEqual([['5']]);
  });

  it('stores RAW text as text and computes USER_ENTERED formulas, TODAY() on the twin clock', async () => {
    const api = client(root);
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: doc.id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: 'Orders!D1:D2', values: [['Note'], ['=IMPORTXML("http://attacker.example","//a")']] },
        ],
      },
    });
    await api.spreadsheets.values.update({
      spreadsheetId: doc.id,
      range: 'Orders!E2:G2',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=B2*2', '=TODAY()-C2', '2026-11-30']] },
    });
    const read = (valueRenderOption: string) =>
      api.spreadsheets.values.get({ spreadsheetId: doc.id, range: 'Orders!D2:G2', valueRenderOption });
    expect((await read('UNFORMATTED_VALUE')).data.values).toEqual([
      ['=IMPORTXML("http://attacker.example","//a")', 10, 0, 46356],
    ]);
    expect((await read('FORMULA')).data.values).toEqual([
      ['=IMPORTXML("http://attacker.example","//a")', '=B2*2', '=TODAY()-C2', 46356],
    ]);
    expect(doc.file.sheets[0]?.formulas).toEqual({ E2: '=B2*2', F2: '=TODAY()-C2' });
  });

  it('answers with Google’s error shapes: 401, 404, 400', async () => {
    expect(await errorOf(client(root, 'wrong').spreadsheets.get({ spreadsheetId: doc.id }))).toMatchObject({
      status: 401,
      data: { error: { code: 401, status: 'UNAUTHENTICATED' } },
    });
    expect(await errorOf(client(root).spreadsheets.get({ spreadsheetId: 'nope' }))).toMatchObject({
      status: 404,
      data: { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
    });
    expect(
      await errorOf(client(root).spreadsheets.values.get({ spreadsheetId: doc.id, range: 'Nope!A1' })),
    ).toMatchObject({
      status: 400,
      data: { error: { code: 400, message: 'Unable to parse range: Nope', status: 'INVALID_ARGUMENT' } },
    });
  });

  it('applies a batchUpdate whole or not at all', async () => {
    const api = client(root);
    const failed = await errorOf(
      api.spreadsheets.batchUpdate({
        spreadsheetId: doc.id,
        requestBody: {
          requests: [
            { addSheet: { properties: { title: 'Aging' } } },
            { addSheet: { properties: { title: 'Orders' } } },
          ],
        },
      }),
    );
    expect(failed?.status).toBe(400);
    expect(doc.file.sheets.map((s) => s.properties.title)).toEqual(['Orders', "Jo's tab"]);
    const ok = await api.spreadsheets.batchUpdate({
      spreadsheetId: doc.id,
      requestBody: {
        requests: [
          { addSheet: { properties: { title: 'Aging', gridProperties: { frozenRowCount: 1 } } } },
          {
            setDataValidation: {
              range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
              rule: {
                condition: { type: 'NUMBER_GREATER_THAN_EQ', values: [{ userEnteredValue: '0' }] },
                strict: true,
              },
            },
          },
        ],
      },
    });
    expect(ok.data.replies?.[0]?.addSheet?.properties?.title).toBe('Aging');
    expect(doc.file.sheets[0]?.metadata.dataValidations).toHaveLength(1);
  });

  it('injects faults (the client retries a GET on 503) and enforces 60 requests a minute per principal', async () => {
    const api = client(root);
    twin.faults.push({ route: /^GET .*values:batchGet/, status: 503 });
    const res = await api.spreadsheets.values.batchGet({ spreadsheetId: doc.id, ranges: ['Orders!A1'] });
    expect(res.status).toBe(200);
    expect(twin.log.map((r) => r.status)).toEqual([503, 200]);
    for (let i = 0; i < 59; i++) await api.spreadsheets.get({ spreadsheetId: doc.id });
    const limited = await errorOf(
      api.spreadsheets.values.append({
        spreadsheetId: doc.id,
        range: 'Orders',
        valueInputOption: 'RAW',
        requestBody: { values: [['x']] },
      }),
    );
    expect(limited).toMatchObject({ status: 429, data: { error: { status: 'RESOURCE_EXHAUSTED' } } });
    expect(twin.log.filter((r) => r.principal === 'sync@test')).toHaveLength(62);
    expect((await client(root, 'other-token').spreadsheets.get({ spreadsheetId: doc.id })).status).toBe(200);
  });

  it('appends after the last row of data, and commits before a dropped response', async () => {
    const api = client(root);
    twin.faults.push({ route: /:append$/, dropAfterCommit: true });
    await expect(
      api.spreadsheets.values.append({
        spreadsheetId: doc.id,
        range: 'Orders!A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['SO-4', 1, 46351]] },
      }),
    ).rejects.toThrow();
    expect(doc.file.sheets[0]?.values[4]).toEqual(['SO-4', 1, 46351]);
  });
});

describe('one workbook file for the CLI and the twin', () => {
  it('a file the CLI wrote serves through the twin, and the twin’s writes open in the CLI', async () => {
    const dir = tempDir();
    await cli(dir, 'init', '--workbook', 'w.json');
    const path = join(dir, 'w.json');
    const file = await readWorkbookFile(path);
    const served = new TwinSpreadsheet(file!, () => new Date('2026-11-23T15:00:00Z'));
    const api2 = new SheetsApiTwin({
      tokens: { [TOKEN]: 'sync' },
      onChange: (s) => writeWorkbookFile(path, s.file),
    });
    api2.add(served);
    const url = await api2.listen();
    try {
      const api = client(url);
      const settings = await api.spreadsheets.values.get({
        spreadsheetId: served.id,
        range: 'Settings!A2:B2',
      });
      expect(settings.data.values).toEqual([['TimeZone', 'America/New_York']]);
      await api.spreadsheets.values.append({
        spreadsheetId: served.id,
        range: 'Inventory!A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['TILE', 'MAIN', 'Tile', '', '', 7]] },
      });
    } finally {
      await api2.close();
    }
    const exported = JSON.parse(
      (await cli(dir, 'export', '--workbook', 'w.json', '--tab', 'Inventory', '--format', 'json')).stdout,
    );
    expect(exported).toEqual([expect.objectContaining({ SKU: 'TILE', Warehouse: 'MAIN', OnHand: 7 })]);
    expect((await cli(dir, 'check', '--workbook', 'w.json')).code).toBe(0);
  });
});

describe('xlsx export of the workbook file', () => {
  it('writes every tab with dates as dates and formulas with their results', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const dir = tempDir();
    await cli(dir, 'init', '--workbook', 'w.json', '--today', '2026-11-23');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-1,1,2026-11-20,"=HYPERLINK(""x"")",A,5\n',
    );
    // An order line's SKU must be in Inventory (an unknown SKU is refused at import).
    writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse\nA,MAIN\n');
    expect(
      (await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Inventory', '--csv', 'i.csv')).code,
    ).toBe(0);
    expect((await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'o.csv')).code).toBe(
      0,
    );
    expect(
      (
        await cli(
          dir,
          'export',
          '--workbook',
          'w.json',
          '--tab',
          'all',
          '--format',
          'xlsx',
          '--out',
          'w.xlsx',
        )
      ).code,
    ).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'w.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Orders',
      'Inventory',
      'Backorders',
      'POs',
      'Shipments',
      'Calls',
      'Invoices',
      'Log',
      'Settings',
      'ETA History',
      'Notifications',
      'Aging',
    ]);
    const row = book.getWorksheet('Orders')?.getRow(2);
    expect(row?.getCell(3).value).toEqual(new Date('2026-11-20T00:00:00.000Z'));
    expect(row?.getCell(4).value).toBe('=HYPERLINK("x")'); // text, not a formula
    expect(book.getWorksheet('Orders')?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(
      (await cli(dir, 'export', '--workbook', 'w.json', '--tab', 'Orders', '--format', 'xlsx')).code,
    ).toBe(2);
  });
});
