/**
 * Apply vendor ETAs (PRODUCT.md section 5; 000 step 4 "tracks inbound ETAs and links the shipment to
 * the outstanding backorder"): each validated ETA goes to its PO line's sync columns (VendorETA,
 * ETASource, ETAUpdatedAt); backorders that take their date from that PO follow it (a Manual date is
 * never overwritten); where a date slips by more than SlipThresholdDays, the rep gets a follow-up
 * today and the backorder a "Rescheduled" entry in Calls with the vendor as its source. An ETA equal
 * to the one already recorded changes nothing, so a second run with the same feed writes nothing.
 */

import { addCall } from '../calls';
import type { Desk } from '../desk';
import { addDays, daysBetween, type IsoDate } from '../primitives/dates';
import type { VendorEta } from '../vendor-etas';
import type { ActionSpec } from './spec';

/**
 * A vendor's median slip in days (receipt − promise) over its last ten received PO lines; `null`
 * when it has received nothing yet.
 * @example medianSlip([3, 9, 1]) // 3
 */
export function medianSlip(slips: readonly number[]): number | null {
  if (slips.length === 0) return null;
  const s = [...slips].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : Math.round(((s[mid - 1] as number) + (s[mid] as number)) / 2);
}

function vendorSlips(desk: Desk): Map<string, number | null> {
  const received = new Map<string, { at: string; slip: number }[]>();
  for (const p of desk.uow.all('pos'))
    if (p.receivedAt && p.promisedDate && p.qtyReceived > 0)
      received.set(p.vendor, [
        ...(received.get(p.vendor) ?? []),
        { at: p.receivedAt, slip: daysBetween(p.promisedDate, p.receivedAt) },
      ]);
  const out = new Map<string, number | null>();
  for (const [vendor, list] of received)
    out.set(
      vendor,
      medianSlip(
        list
          .sort((a, b) => (a.at < b.at ? 1 : -1))
          .slice(0, 10)
          .map((x) => x.slip),
      ),
    );
  return out;
}

export function applyEtas(desk: Desk, etas: readonly VendorEta[]): void {
  desk.entity('Vendor ETAs');
  let changed = 0;
  const slips = vendorSlips(desk);
  for (const e of etas) {
    const p = desk.uow.get('pos', `${e.po}#${e.line}`);
    if (!p) {
      desk.messages.push(
        `${e.vendor} row ${e.row}: PO ${e.po} line ${e.line} is gone from the workbook; skipped`,
      );
      continue;
    }
    if (p.vendorEta === e.eta) continue;
    changed += 1;
    const slip = slips.get(p.vendor) ?? null;
    desk.uow.put('pos', {
      ...p,
      vendorEta: e.eta as IsoDate,
      etaSource: `${e.vendor} feed${e.note ? `: ${e.note}` : ''}`,
      etaUpdatedAt: desk.ctx.now,
      predictedEta: slip === null ? null : addDays(e.eta as IsoDate, slip),
    });
    desk.uow.add('etaHistory', {
      historyId: desk.uow.nextId('EH', () => desk.uow.all('etaHistory').map((h) => h.historyId)),
      recordedAt: desk.ctx.now,
      vendor: e.vendor,
      po: p.po,
      line: p.line,
      sku: p.sku,
      previousEta: p.vendorEta ?? p.promisedDate,
      eta: e.eta as IsoDate,
    });
    const previous = p.vendorEta ?? p.promisedDate;
    desk.messages.push(
      previous === e.eta
        ? `${p.po} line ${p.line} (${p.sku}): ${e.vendor} confirms ${e.eta}`
        : `${p.po} line ${p.line} (${p.sku}): ETA ${previous ?? 'none'} → ${e.eta}`,
    );
    for (const b of desk.uow.all('backorders')) {
      if (
        b.po !== p.po ||
        b.sku !== p.sku ||
        b.qtyRemaining === 0 ||
        b.expectedSource !== 'PO' ||
        b.expectedDate === e.eta
      )
        continue;
      const slip = b.expectedDate ? daysBetween(b.expectedDate, e.eta as IsoDate) : 0;
      const slipped = slip > desk.config.SlipThresholdDays;
      if (slipped) {
        addCall(
          desk,
          { ...b, rep: b.salesRep },
          {
            method: 'Other',
            summary: `Rescheduled: ${e.vendor} moved ${p.po} from ${b.expectedDate} to ${e.eta} (${slip} days later)${e.note ? `: ${e.note}` : ''}`,
            choice: '',
            nextFollowUp: desk.ctx.today,
            source: e.vendor,
          },
        );
        desk.messages.push(
          `${b.backorderId} (${b.customer}, rep ${b.salesRep || 'none'}): slipped ${slip} days; follow up today`,
        );
      }
      desk.putBackorder({
        ...b,
        expectedDate: e.eta as IsoDate,
        ...(slipped ? { nextFollowUp: desk.ctx.today } : {}),
      });
    }
  }
  desk.messages.unshift(`${etas.length} ETA(s) read, ${changed} changed`);
}

export const APPLY_ETAS: ActionSpec<'apply-etas'> = {
  run: (d, c) => applyEtas(d, c.etas),
  // It records each vendor's date change in ETA History.
  reads: ['etaHistory'],
};
