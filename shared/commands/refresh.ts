/**
 * Refresh (the repair half of `check --repair`): re-derives every status from the quantities and
 * renumbers every backorder queue, writing only what drifted, e.g. a Status someone typed over; every
 * SKU is then settled (shared/queue.ts), so stock a recount or an import freed reaches who waits.
 */
import { recomputeQueues } from '../backorder';
import type { Desk } from '../desk';
import { deriveBackorderStatus, deriveLineStatus, derivePoStatus } from '../status';
import type { ActionSpec } from './spec';

export function refresh(desk: Desk): void {
  desk.entity('Workbook');
  for (const l of desk.uow.all('orders')) {
    const status = deriveLineStatus(l, false);
    if (status !== l.status) desk.uow.put('orders', { ...l, status });
  }
  const delivered = new Map<string, boolean>();
  for (const s of desk.uow.all('shipments'))
    if (s.backorderId)
      delivered.set(s.backorderId, (delivered.get(s.backorderId) ?? true) && s.deliveredAt !== null);
  for (const b of desk.uow.all('backorders')) {
    const status = deriveBackorderStatus(b, delivered.get(b.backorderId) === true);
    if (status !== b.status) desk.uow.put('backorders', { ...b, status });
    desk.touchedSkus.add(b.sku);
  }
  for (const p of desk.uow.all('pos')) {
    const status = derivePoStatus(p);
    if (status !== p.status) desk.uow.put('pos', { ...p, status });
  }
  // Idle stock while someone waits is drift too: the standing rule (run after this) settles every SKU.
  for (const i of desk.uow.all('inventory')) desk.touchedSkus.add(i.sku);
  recomputeQueues(desk);
}

export const REFRESH: ActionSpec<'refresh'> = { run: refresh, settles: true };
