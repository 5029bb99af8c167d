/**
 * `check` and the formula columns of a workbook the CLI made (it writes values only): each column
 * whose rows hold no formula is named with its rows, as an alert (the check still passes, exit 0);
 * `check --repair` writes the formulas the add-on would (logged), keeps a value a person typed in
 * their place, and the next check says nothing more of them. Over the Sheets API too (the twin over
 * HTTP), where a repair writes the formulas with USER_ENTERED and the Log row with RAW.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';

async function shop(dir: string): Promise<string[]> {
  const w = ['--workbook', 'w.json'];
  writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse,OnHand\nA,MAIN,5\nB,MAIN,3\nC,MAIN,1\n');
  writeFileSync(
    join(dir, 'o.csv'),
    'OrderID,Line,OrderDate,Customer,SKU,Qty,UnitPrice\nSO-1,1,2026-11-20,Harbor,A,8,10\n',
  );
  await cli(dir, 'init', ...w);
  await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'i.csv');
  await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o.csv', '--allocate');
  return w;
}

describe('check and the formula columns', () => {
  it('names the rows without their formula, and --repair writes them, keeping a typed value', async () => {
    const dir = tempDir();
    const w = await shop(dir);
    // A person typed a number where Available's formula belongs, on C's row.
    const path = join(dir, 'w.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const inventory = file.sheets.find(
      (s: { properties: { title: string } }) => s.properties.title === 'Inventory',
    );
    const available = (inventory.values[0] as string[]).indexOf('Available');
    inventory.values[3][available] = 7;
    writeFileSync(path, JSON.stringify(file));

    const check = await cli(dir, 'check', ...w);
    expect(check.code).toBe(0);
    expect(check.stdout.split('\n')[0]).toBe('workbook OK: every tab, column and balance checks out');
    expect(check.stdout).toContain(
      'alert: Inventory!H: Available has no formula in 2 row(s) (2–3): exports compute it, a spreadsheet opened on the workbook shows it blank; check --repair writes the formulas',
    );
    expect(check.stdout).toContain(
      'alert: Inventory!H: Available holds a typed value instead of its formula in 1 row(s) (4): kept as typed',
    );
    expect(check.stdout).toContain('alert: Backorders!AE: Age has no formula in 1 row(s) (2)');

    const repair = await cli(dir, 'check', ...w, '--repair');
    expect(repair.stdout).toContain('repaired: formulas written in 3 blank formula cell(s)');
    const after = JSON.parse(readFileSync(path, 'utf8'));
    const sheet = (name: string) =>
      after.sheets.find((s: { properties: { title: string } }) => s.properties.title === name);
    expect(sheet('Inventory').formulas).toEqual({
      H2: '=IF(A2="","",F2-G2)',
      H3: '=IF(A3="","",F3-G3)',
    });
    expect(sheet('Inventory').values[3][available]).toBe(7);
    expect(Object.keys(sheet('Backorders').formulas)).toEqual(['AE2']);
    const log = sheet('Log').values as unknown[][];
    expect(log.at(-1)?.[3]).toBe('check');
    expect(log.at(-1)?.[5]).toBe('formulas written in 3 blank formula cell(s)');

    const again = await cli(dir, 'check', ...w);
    expect(again.stdout).not.toContain('has no formula');
    expect(again.stdout).toContain('holds a typed value instead of its formula in 1 row(s) (4)');
    // The export shows the formula's value, as before.
    const csv = (await cli(dir, 'export', ...w, '--tab', 'Inventory')).stdout;
    expect(csv.split('\r\n')[1]?.split(',')[available]).toBe('0');
  });
});
