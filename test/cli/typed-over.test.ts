/**
 * An engine value typed over in the sheet never becomes shipped units: a QtyAllocated of 999 typed on
 * a 2-unit line is refused by ship, naming the line, and the workbook is left as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { shopWith } from '../support/shop';

describe('a typed-over QtyAllocated', () => {
  it('is refused by ship, and nothing is shipped', async () => {
    const dir = await shopWith(1);
    const path = join(dir, 'w.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const orders = file.sheets.find(
      (s: { properties: { title: string } }) => s.properties.title === 'Orders',
    );
    const at = (orders.values[0] as string[]).findIndex((h) => h.replace(/\s/g, '') === 'QtyAllocated');
    expect(orders.values[1][at]).toBe(1);
    orders.values[1][at] = 999;
    writeFileSync(path, JSON.stringify(file));
    const r = await cli(dir, 'do', 'ship', '--workbook', 'w.json', '--order', 'SO-1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^backorder-desk: Order SO-1 line 1: QtyAllocated 999 does not match the line \(1 still open/,
    );
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(file);
  });
});
