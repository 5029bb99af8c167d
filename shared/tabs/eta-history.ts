/**
 * ETA History tab: one row per change of a PO line's vendor ETA, written by the sync service, so the
 * Aging tab can show each vendor's slips and the sync can predict when a vendor's stated ETA will
 * really hold (PRODUCT.md section 5). Nobody edits it; it only grows.
 */
import { date, defineTab, id, int, type RecordOf, text, timestamp } from '../sheet/columns';

export const EtaHistoryTab = defineTab(
  'ETA History',
  {
    historyId: id('HistoryID', 'sync', { required: true }),
    recordedAt: timestamp('RecordedAt', 'sync'),
    vendor: text('Vendor', 'sync'),
    po: id('PO', 'sync'),
    line: int('Line', 'sync'),
    sku: id('SKU', 'sync'),
    previousEta: date('PreviousETA', 'sync'),
    eta: date('ETA', 'sync'),
  },
  ['historyId'],
);
export type EtaChange = RecordOf<typeof EtaHistoryTab.columns>;
