/**
 * `invoices`: the invoice lines not exported yet, as QuickBooks Online or Xero CSV files (split to
 * each importer's limits), marked Exported in the same write so a second export never repeats them.
 */
import { stringify } from 'csv-stringify/sync';
import type { CommandContext } from '../../../shared/desk';
import { DeskError } from '../../../shared/errors';
import type { InvoiceFormat } from '../../../shared/invoice-export';
import { planInvoiceExport } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import { loadWorkbook } from './load';

export interface InvoiceExport {
  readonly files: string[];
  readonly invoices: number;
  readonly lines: number;
}

/** `singleFile`: refuse, before marking anything Exported, when the lines need more than one file. */
export async function exportInvoices(
  port: SpreadsheetPort,
  format: InvoiceFormat,
  ctx: CommandContext,
  singleFile = false,
): Promise<InvoiceExport> {
  const plan = planInvoiceExport(await loadWorkbook(port), format, ctx, (rows) =>
    stringify(rows, { record_delimiter: '\r\n' }),
  );
  if (singleFile && plan.files.length > 1)
    throw new DeskError(
      'REFUSED',
      `${plan.files.length} files are needed (the importer's limits per file): give --out FILE`,
    );
  await port.write(plan.patches);
  return { files: plan.files, invoices: plan.invoices, lines: plan.lines };
}
