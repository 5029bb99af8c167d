/**
 * `document`: a pick list, packing slip, backorder confirmation or customer message, as text or as
 * printable HTML. Reads only; nothing is written or logged.
 */

import type { SpreadsheetPort } from '../../../shared/ports';
import { DeskError } from '../../../shared/primitives/errors';
import {
  backorderConfirmation,
  customerMessage,
  type MessageKind,
  packingSlip,
  pickList,
} from '../../../shared/reports/documents';
import { NOTICE_KINDS } from '../../../shared/tabs/notifications';
import { loadWorkbook } from './load';

const MESSAGES: readonly MessageKind[] = NOTICE_KINDS;

export interface DocumentRequest {
  readonly kind?: string;
  readonly shipment?: string;
  readonly backorder?: string;
  readonly message?: string;
  readonly format?: string;
}

export async function renderDocument(
  port: SpreadsheetPort,
  r: DocumentRequest,
  today: string,
): Promise<string> {
  const format = r.format ?? 'text';
  if (format !== 'text' && format !== 'html')
    throw new DeskError('BAD_INPUT', `--format must be text or html, got "${format}"`);
  const need = (value: string | undefined, flag: string) => {
    if (!value) throw new DeskError('BAD_INPUT', `document --kind ${r.kind} needs ${flag}`);
    return value;
  };
  const { workbook } = await loadWorkbook(port);
  const doc = (() => {
    switch (r.kind) {
      case 'pick-list':
        return pickList(workbook, need(r.shipment, '--shipment ID'));
      case 'packing-slip':
        return packingSlip(workbook, need(r.shipment, '--shipment ID'));
      case 'confirmation':
        return backorderConfirmation(workbook, need(r.backorder, '--backorder ID'));
      case 'message': {
        const kind = MESSAGES.find((m) => m === r.message);
        if (!kind) throw new DeskError('BAD_INPUT', `--message must be one of ${MESSAGES.join(', ')}`);
        return customerMessage(workbook, need(r.backorder, '--backorder ID'), kind, today);
      }
      default:
        throw new DeskError('BAD_INPUT', '--kind must be pick-list, packing-slip, confirmation or message');
    }
  })();
  return `${format === 'html' ? doc.html : doc.text}\n`;
}
