/**
 * The owner's Aging charts through the built Code.js in the twin: Rebuild aging places the three
 * charts the core plans (backorders by age, by expected fulfilment, vendor delays); when a list above
 * the vendors' table grows and moves it, the vendors' chart is re-pointed with `modify()` and
 * `updateChart` (never a fourth chart), and a rebuild that moves nothing touches no chart, so a
 * person's styling stays. Amounts show in the workbook's currency, and a cell that held an amount
 * in the last report shows no currency once a count sits there.
 */
import { describe, expect, it } from 'vitest';
import type { StoredChart } from '../../twin/apps-script/builders';
import { openDesk, typeWorkedExample } from '../support/addon';

describe('add-on: the Aging charts', () => {
  it('follow the vendors’ table as it moves, and stay put when nothing moved', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    desk.run('menuAllocateAll');
    desk.run('menuRebuildAging');
    const aging = () => desk.twin.sheetNamed('Aging');
    const charts = () => aging().metadata.charts as StoredChart[];
    const vendorsAt = () => aging().values.findIndex((r) => r[0] === 'Vendor delays') + 2;
    const vendorChartAt = () =>
      charts()[2]?.spec.basicChart?.domains?.[0]?.domain.sourceRange.sources[0]?.startRowIndex;
    expect(charts()).toHaveLength(3);
    expect(vendorChartAt()).toBe(vendorsAt());
    const before = vendorsAt();

    // A second customer waits for the same case: the lists by customer grow, the vendors move down.
    desk.type('Orders', [
      {
        OrderID: 'SO-2',
        Line: 1,
        OrderDate: '2026-11-21',
        Warehouse: 'MAIN',
        Customer: 'Bayside Hardware',
        SKU: 'CASE-1',
        Qty: 4,
        UnitPrice: 12.5,
      },
    ]);
    desk.run('menuAllocateAll');
    desk.rt.counter.reset();
    desk.run('menuRebuildAging');
    expect(vendorsAt()).toBeGreaterThan(before);
    expect(charts()).toHaveLength(3);
    expect(vendorChartAt()).toBe(vendorsAt());
    expect(desk.rt.counter.counts['Sheet.updateChart']).toBe(1);
    expect(desk.rt.counter.counts['Sheet.insertChart'] ?? 0).toBe(0);

    // Amounts show in the workbook's currency (USD by default); counts and quantities stay plain,
    // however the sections moved since the last report.
    const shown = desk.twin.read('Aging', { valueRenderOption: 'FORMATTED_VALUE' }).values ?? [];
    const row = (label: string) => shown.find((r) => r[0] === label) ?? [];
    expect(row('Value waiting (locked prices)')[1]).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(row('Bayside Hardware')[3]).toBe('$50.00');
    expect(row('Bayside Hardware').slice(1, 3)).toEqual(['1', '4']);
    // Every cell shown in dollars is an amount: under a Value header, or the value waiting.
    const headerAbove = (r: number, c: number) => {
      for (let h = r; h > 0; h--)
        if (shown[h - 1]?.length === 1 || shown[h - 1]?.[0] === '') return shown[h]?.[c];
      return undefined;
    };
    const dollars = shown.flatMap((r, ri) =>
      r.flatMap((cell, ci) => (String(cell).startsWith('$') ? [[ri, ci] as const] : [])),
    );
    expect(dollars.length).toBeGreaterThan(10);
    // And no format of the last report is left behind, on text or anywhere else.
    const a1 = ([r, c]: readonly [number, number]) => `${String.fromCharCode(65 + c)}${r + 1}`;
    const formatted = Object.keys(aging().metadata.cellFormats as Record<string, string>).filter((k) =>
      (aging().metadata.cellFormats as Record<string, string>)[k]?.startsWith('"$"'),
    );
    expect(formatted.sort()).toEqual(dollars.map(a1).sort());
    for (const [r, c] of dollars)
      expect(
        shown[r]?.[0] === 'Value waiting (locked prices)' || headerAbove(r, c) === 'Value',
        `${r},${c}`,
      ).toBe(true);

    // The same report again: no chart is touched.
    desk.rt.counter.reset();
    desk.run('menuRebuildAging');
    expect(desk.rt.counter.total(/Chart/)).toBe(0);
  });
});
