/**
 * The twin's Apps Script face: a bundled script in a `node:vm` context holding only Apps Script
 * globals reads and writes the same model the HTTP face serves. Date cells come back as Date objects
 * in the spreadsheet's zone; the same scenario through either face gives the same workbook; the
 * document lock, property limits, the add-on trigger rule and templated HTML behave as documented;
 * every call is counted.
 * Documentation followed: Range.getValues returns Date objects for date cells
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() ; Lock.waitLock
 * throws when the lock cannot be acquired https://developers.google.com/apps-script/reference/lock/lock ;
 * property quotas (9 KB a value, 500 KB a store) https://developers.google.com/apps-script/guides/services/quotas ;
 * add-on triggers (one of each type per document) https://developers.google.com/workspace/add-ons/concepts/editor-triggers ;
 * templated HTML scriptlets https://developers.google.com/apps-script/guides/html/templates
 */
import { join } from 'node:path';
import { sheets } from '@googleapis/sheets';
import { OAuth2Client } from 'google-auth-library';
import { beforeAll, describe, expect, it } from 'vitest';
import { newSheet, newWorkbookFile } from '../../local-store/workbook-file';
// @ts-expect-error: the build script is plain JavaScript.
import { bundleForAppsScript } from '../../scripts/build.mjs';
import { AppsScriptRuntime } from '../../twin/apps-script/runtime';
import { SheetsApiTwin } from '../../twin/sheets-api';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

let code = '';
beforeAll(async () => {
  code = (await bundleForAppsScript(join(__dirname, 'fixtures/script.ts'), 'TestScript', { minify: false }))
    .code;
});

/** The real Sheets client with the token the twins in this file accept. */
function client(rootUrl: string) {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 't', expiry_date: Date.now() + 3_600_000 });
  return sheets({ version: 'v4', auth, rootUrl });
}

function twinWith(): TwinSpreadsheet {
  const file = newWorkbookFile('Apps Script twin', 'America/New_York');
  newSheet(file, 'Orders', ['OrderID', 'Qty', 'OrderDate']);
  return new TwinSpreadsheet(file, () => new Date('2026-11-23T15:00:00Z'));
}

describe('Apps Script runtime on the twin', () => {
  it('runs the bundled script with only Apps Script globals, and counts every call', () => {
    const twin = twinWith();
    const rt = new AppsScriptRuntime({ twin, code });
    rt.run('writeRows', 'Orders', 2, [
      ['SO-1', 5, '2026-11-20'],
      ['SO-2', '=B2*2', "'00123"],
    ]);
    expect(JSON.parse(rt.run('readAll', 'Orders') as string)).toEqual([
      ['OrderID', 'Qty', 'OrderDate'],
      ['SO-1', 5, 'Date:2026-11-20T05:00:00.000Z'],
      ['SO-2', 10, '00123'],
    ]);
    expect(rt.counter.counts['Range.setValues']).toBe(1);
    expect(rt.counter.counts['Range.getValues']).toBe(1);
    expect(rt.execution().process).toBeUndefined();
  });

  it('gives Date objects at midnight in the sheet zone, on a DST day too', () => {
    const twin = twinWith();
    const rt = new AppsScriptRuntime({ twin, code });
    rt.run('writeDate', 'Orders', 'C2', '2026-03-08T05:00:00.000Z'); // midnight in New York, DST starts at 2:00
    expect(twin.file.sheets[0]?.values[1]?.[2]).toBe(46089);
    expect(JSON.parse(rt.run('readAll', 'Orders') as string)[1][2]).toBe('Date:2026-03-08T05:00:00.000Z');
    expect(rt.run('today', 'America/New_York')).toBe('2026-03-08 01:30');
    expect(rt.run('today', 'Asia/Tokyo')).toBe('2026-03-08 15:30');
  });

  it('yields the same workbook whether a scenario goes through the HTTP face or SpreadsheetApp', async () => {
    const rows = [
      ['SO-1', 5, '2026-11-20'],
      ['SO-2', '=B2*2', 'text'],
      ['SO-3', 'TRUE', "'=1+1"],
    ];
    const viaScript = twinWith();
    new AppsScriptRuntime({ twin: viaScript, code }).run('writeRows', 'Orders', 2, rows);
    const viaApi = twinWith();
    const api = new SheetsApiTwin({ tokens: { t: 'sync' } });
    api.add(viaApi);
    const root = await api.listen();
    try {
      await client(root).spreadsheets.values.update({
        spreadsheetId: viaApi.id,
        range: 'Orders!A2',
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: rows },
      });
    } finally {
      await api.close();
    }
    const grid = (t: TwinSpreadsheet) => ({
      values: t.file.sheets[0]?.values,
      formulas: t.file.sheets[0]?.formulas,
    });
    expect(grid(viaApi)).toEqual(grid(viaScript));
    expect(viaApi.read('Orders!A2:C4', { valueRenderOption: 'UNFORMATTED_VALUE' }).values).toEqual([
      ['SO-1', 5, 46346],
      ['SO-2', 10, 'text'],
      ['SO-3', true, '=1+1'],
    ]);
  });

  it('holds the document lock for one execution at a time', () => {
    const rt = new AppsScriptRuntime({ twin: twinWith(), code });
    const first = rt.execution();
    expect((first.holdLock as () => boolean)()).toBe(true);
    expect(rt.run('holdLock')).toBe(false);
    expect(() => rt.run('waitForLock', 3000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(rt.state.lockHolder).toBe('execution-1');
  });

  it('enforces property limits and one time-based trigger per document', () => {
    const rt = new AppsScriptRuntime({ twin: twinWith(), code });
    expect(() => rt.run('storeProperty', 'big', 9 * 1024 + 1)).toThrow('Argument too large: value');
    for (let i = 0; i < 55; i++) rt.run('storeProperty', `k${i}`, 9 * 1024); // 55 × 9 KB fits in 500 KB; a 56th does not
    expect(() => rt.run('storeProperty', 'k55', 9 * 1024)).toThrow('exceeded the property storage quota');
    rt.run('installDaily');
    expect(() => rt.run('installDaily')).toThrow('too many time-based triggers');
    expect(rt.state.triggers).toHaveLength(1);
  });

  it('escapes <?= ?> and prints <?!= ?> raw in templates', () => {
    const rt = new AppsScriptRuntime({
      twin: twinWith(),
      code,
      files: {
        Message: '<p><?= customer ?></p><div><?!= "<b>bold</b>" ?></div><? if (customer) { ?>yes<? } ?>',
      },
    });
    expect(rt.run('renderTemplate', 'Message', '<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p><div><b>bold</b></div>yes',
    );
  });
});

describe('both faces on one spreadsheet', () => {
  it('a script’s writes read through the HTTP face and back, and latency slows every call', async () => {
    const twin = twinWith();
    const rt = new AppsScriptRuntime({ twin, code, latencyMs: 5 });
    const api = new SheetsApiTwin({ tokens: { t: 'sync' } });
    api.add(twin);
    const root = await api.listen();
    try {
      const api = client(root);
      const started = performance.now();
      rt.run('writeRows', 'Orders', 2, [['SO-9', 3, '2026-12-01']]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(5 * rt.counter.total(/./) - 1); // never faster than the latency
      const read = await api.spreadsheets.values.get({
        spreadsheetId: twin.id,
        range: 'Orders!A2:C2',
        valueRenderOption: 'UNFORMATTED_VALUE',
      });
      expect(read.data.values).toEqual([['SO-9', 3, 46357]]);
      await api.spreadsheets.values.update({
        spreadsheetId: twin.id,
        range: 'Orders!B2',
        valueInputOption: 'RAW',
        requestBody: { values: [[4]] },
      });
      expect(JSON.parse(rt.run('readAll', 'Orders') as string)[1]).toEqual([
        'SO-9',
        4,
        'Date:2026-12-01T05:00:00.000Z',
      ]);
    } finally {
      await api.close();
    }
  });
});

describe('named ranges, field masks and saving', () => {
  it('shares named ranges across faces, cuts spreadsheets.get to its fields, and saves after each run', async () => {
    const twin = twinWith();
    const saved: number[] = [];
    const rt = new AppsScriptRuntime({ twin, code, onChange: (t) => saved.push(t.file.sheets.length) });
    rt.run('writeRows', 'Orders', 2, [['SO-1', 5, '2026-11-20']]);
    rt.run('nameRange', 'Orders', 'A2:B2', 'FirstLine');
    expect(JSON.parse(rt.run('readNamed', 'FirstLine') as string)).toEqual([['SO-1', 5]]);
    expect(saved).toHaveLength(3);
    const api = new SheetsApiTwin({ tokens: { t: 'sync' } });
    api.add(twin);
    const root = await api.listen();
    try {
      const got = await client(root).spreadsheets.get({
        spreadsheetId: twin.id,
        fields: 'namedRanges,sheets.properties',
      });
      expect(Object.keys(got.data).sort()).toEqual(['namedRanges', 'sheets']);
      expect(got.data.namedRanges).toEqual([
        {
          name: 'FirstLine',
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
        },
      ]);
      expect(got.data.sheets?.[0]).toEqual({
        properties: expect.objectContaining({ title: 'Orders', sheetId: 0 }),
      });
    } finally {
      await api.close();
    }
  });
});
