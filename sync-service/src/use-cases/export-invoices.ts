/**
 * `invoices`: the invoice lines not exported yet, as QuickBooks Online or Xero CSV files (split to
 * each importer's limits), marked Exported in the same write so a second export never repeats them.
 */
import { stringify } from 'csv-stringify/sync';
import type { CommandContext } from '../../../shared/desk';
import { DeskError } from '../../../shared/errors';
import { type InvoiceFormat, invoiceFiles } from '../../../shared/invoice-export';
import { makeLogEntry } from '../../../shared/log-entry';
import type { SpreadsheetPort } from '../../../shared/ports';
import { planWrites } from '../../../shared/workbook';
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
  const { workbook, tabs, context } = await loadWorkbook(port);
  const pending = workbook.invoices.filter((i) => !i.exported);
  if (pending.length === 0)
    throw new DeskError('REFUSED', 'No invoice lines to export: every line is already marked Exported');
  const files = invoiceFiles(pending, format, workbook.config).map((rows) =>
    stringify(rows, { record_delimiter: '\r\n' }),
  );
  if (singleFile && files.length > 1)
    throw new DeskError(
      'REFUSED',
      `${files.length} files are needed (the importer's limits per file): give --out FILE`,
    );
  const invoices = new Set(pending.map((i) => i.invoiceNo)).size;
  const entry = makeLogEntry(workbook.log, ctx, {
    action: 'invoices',
    entity: 'Invoices',
    summary: `${invoices} invoice(s), ${pending.length} line(s) exported for ${format} in ${files.length} file(s)`,
  });
  await port.write(
    planWrites(
      tabs,
      {
        invoices: { updated: pending.map((i) => ({ ...i, exported: true })), added: [] },
        log: { updated: [], added: [entry] },
      },
      'engine',
      context,
    ),
  );
  return { files, invoices, lines: pending.length };
}
