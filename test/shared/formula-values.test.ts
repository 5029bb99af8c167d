/**
 * A formula column's value computed in code equals what its formula shows in a spreadsheet (the
 * twin's formula engine stands in for Sheets), so a workbook the CLI made, whose cells hold no
 * formulas, exports the same Available and Age a Google spreadsheet would; and `export` carries them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { workbookFileOf } from '../../local-store/workbook-file';
import { type IsoDate, isoDateToSerial } from '../../shared/primitives/dates';
import { formulaColumns } from '../../shared/setup/sheet-rules';
import { columnLetter } from '../../shared/sheet/a1';
import { TwinSpreadsheet } from '../../twin/spreadsheet';
import { cli, tempDir } from '../support/cli';

const TODAY = '2026-11-23' as IsoDate;

/** Each formula column of `tab` on `rows`: what the formula shows, and what `value` computes. */
function bothWays(tab: string, header: string[], rows: (string | number)[][]) {
  const file = workbookFileOf('f', 'UTC', [{ name: tab, values: [header, ...rows] }]);
  const sheet = file.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const twin = new TwinSpreadsheet(file, () => new Date(`${TODAY}T12:00:00Z`));
  const out: { shown: unknown; computed: unknown }[] = [];
  for (const f of formulaColumns(tab)) {
    const col = header.indexOf(f.header);
    rows.forEach((row, i) => {
      sheet.formulas[`${columnLetter(col)}${i + 2}`] = f.formula(i + 2, header);
      const cell = (name: string) => row[header.indexOf(name)];
      out.push({
        shown: twin.formulas.valueAt(tab, i + 1, col),
        computed: f.value(cell, isoDateToSerial(TODAY)),
      });
    });
  }
  return out;
}

describe('formula columns computed in code', () => {
  it('give what their formulas show: Available and Age', () => {
    const inventory = bothWays(
      'Inventory',
      ['SKU', 'Warehouse', 'OnHand', 'Allocated', 'Available'],
      [
        ['A', 'MAIN', 15, 4, ''],
        ['B', 'MAIN', 0, 0, ''],
        ['', '', '', '', ''],
      ],
    );
    expect(inventory.map((x) => x.computed)).toEqual([11, 0, '']);
    // The twin's engine reads an empty cell = "" as FALSE, where Sheets reads TRUE (docs/twin.md,
    // known gaps): the rows whose formula tests a blank are compared on the rows that have values.
    for (const x of inventory.slice(0, 2)) expect(x.computed).toEqual(x.shown);
    const created = isoDateToSerial('2026-11-01' as IsoDate);
    const backorders = bothWays(
      'Backorders',
      ['BackorderID', 'CreatedAt', 'QtyRemaining', 'Age'],
      [
        ['BO-1', created, 5, ''],
        ['BO-2', created, 0, ''],
        ['BO-3', '', 2, ''],
      ],
    );
    expect(backorders.map((x) => x.computed)).toEqual([22, '', '']);
    for (const x of backorders.slice(0, 2)) expect(x.computed).toEqual(x.shown);
  });

  it('reach the export of a workbook the CLI made', async () => {
    const dir = tempDir();
    const w = ['--workbook', 'shop.json'];
    await cli(dir, 'init', ...w);
    writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse,OnHand\nTILE-12,MAIN,15\n');
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty,Warehouse\nSO-1,1,2026-11-20,Harbor,TILE-12,20,MAIN\n',
    );
    await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'i.csv');
    await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o.csv', '--allocate');
    const rows = async (tab: string) =>
      parse((await cli(dir, 'export', ...w, '--tab', tab)).stdout, { columns: true }) as Record<
        string,
        string
      >[];
    expect((await rows('Inventory'))[0]).toMatchObject({ OnHand: '15', Allocated: '15', Available: '0' });
    // Created today (the CLI's clock in tests), 5 remaining: 0 days old.
    expect((await rows('Backorders'))[0]).toMatchObject({ QtyRemaining: '5', Age: '0' });
  });
});
