/**
 * 000, a building-supply ERP's workflow, steps 1–5 and the dashboard, end to end through the core.
 */
import { describe, expect, it } from 'vitest';
import { computeAging } from '../../../shared/reports/aging';
import { backorderConfirmation, packingSlip, pickList } from '../../../shared/reports/documents';
import { item, line, poLine, workbook } from '../../support/build';
import { Session } from '../../support/session';

describe('000: backorders and partial shipments in building supply', () => {
  it('walks steps 1–5 and shows the result on the dashboard', () => {
    const s = new Session(
      workbook({
        inventory: [
          item({ sku: 'BEAM', product: 'Steel beam 20ft', onHand: 6, vendor: 'Northline', leadTimeDays: 10 }),
          item({
            sku: 'BEAM',
            warehouse: 'EAST',
            product: 'Steel beam 20ft',
            onHand: 2,
            vendor: 'Northline',
            leadTimeDays: 10,
          }),
          item({ sku: 'INSUL', product: 'Insulation roll R-19', onHand: 40, vendor: 'Keystone' }),
        ],
        orders: [
          line({
            orderId: 'SO-7',
            line: 1,
            sku: 'BEAM',
            qty: 12,
            customer: 'Pioneer Contracting',
            shipTo: 'Lot 4, Elm Rd',
          }),
          line({
            orderId: 'SO-7',
            line: 2,
            sku: 'INSUL',
            qty: 30,
            customer: 'Pioneer Contracting',
            shipTo: 'Lot 4, Elm Rd',
          }),
        ],
        pos: [
          poLine({
            po: 'PO-9',
            sku: 'BEAM',
            qty: 10,
            vendor: 'Northline',
            promisedDate: '2026-12-03' as never,
          }),
        ],
      }),
    );
    // Step 1: stock gaps at order entry, across every warehouse.
    const allocated = s.do({ action: 'allocate', orderId: 'SO-7' });
    expect(s.line('SO-7', 1)).toMatchObject({
      qtyAllocated: 8,
      allocatedFrom: 'MAIN:6 EAST:2',
      qtyBackordered: 4,
    });
    expect(allocated.shortfalls).toHaveLength(1);

    // Step 2: ship-now and backorder queues, linked to the original order.
    const shipped = s.do({ action: 'ship', orderId: 'SO-7' });
    expect(s.backorder('BO-000001')).toMatchObject({
      orderId: 'SO-7',
      line: 1,
      qty: 4,
      po: 'PO-9',
      expectedDate: '2026-12-03',
    });

    // Step 3: pick lists, packing slips and the backorder confirmation with its expected date.
    const [main, east] = shipped.newIds.filter((id) => id.startsWith('SH-'));
    expect(pickList(s.wb, main as string).text).toContain('Pick list SH-000001: order SO-7, warehouse MAIN');
    const slip = packingSlip(s.wb, main as string).text;
    expect(slip).toContain('Ship to: Lot 4, Elm Rd');
    expect(slip).toContain('Still on backorder: 4 × BEAM, expected 2026-12-03.');
    expect(pickList(s.wb, east as string).text).toMatch(/BEAM\s+Steel beam 20ft\s+2/);
    expect(backorderConfirmation(s.wb, 'BO-000001').text).toContain('Your price is locked');

    // Step 4: the purchasing side sees the PO linked to the backorder (inbound ETA).
    expect(s.stock('BEAM').onOrder).toBe(10); // PO-9 was typed by a person; every action keeps OnOrder current

    // Step 5: restock queues the backorder automatically and notifies the warehouse; fulfil closes the loop.
    const received = s.do({ action: 'receive', po: 'PO-9' });
    expect(received.messages).toContain('BO-000001 (Pioneer Contracting): 4 × BEAM ready to fulfill');
    const done = s.do({ action: 'fulfill', backorderId: 'BO-000001' });
    expect(packingSlip(s.wb, done.newIds[0] as string).text).toContain(
      'This shipment is a backorder completion of BO-000001.',
    );
    expect(s.line('SO-7', 1).status).toBe('Shipped');

    // Bonus: the dashboard.
    const aging = computeAging(s.wb, '2026-11-23' as never);
    expect(aging.kpis).toMatchObject({ openBackorders: 0, averageFulfilmentDays: 0 });
    expect(aging.vendors).toEqual([
      { vendor: 'Northline', linesReceived: 1, averageDaysLate: -10, worstDaysLate: -10, etaChanges: 0 },
    ]);
  });
});
