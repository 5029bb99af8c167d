/**
 * `invoices`: invoice lines as QuickBooks Online or Xero CSV files (split to each importer's limits).
 * The files are delivered first (`deliver`: written and synced to disk by the CLI) and the lines are
 * marked Exported only after every file is delivered, in one write; a failed delivery changes nothing
 * in the workbook, so a retry carries every line.
 */
import type { CommandContext } from '../../../shared/desk';
import type { SpreadsheetPort } from '../../../shared/ports';
import { DeskError } from '../../../shared/primitives/errors';
import {
  type InvoiceExportPlan,
  type InvoiceExportRequest,
  planInvoiceExport,
} from '../../../shared/reports/invoice-export-plan';
import { csvText } from './csv-text';
import { loadWorkbook } from './load';

/** `singleFile`: refuse, before delivering anything, when the lines need more than one file. */
export async function exportInvoices(
  port: SpreadsheetPort,
  request: InvoiceExportRequest,
  ctx: CommandContext,
  deliver: (plan: InvoiceExportPlan) => Promise<void>,
  singleFile = false,
): Promise<InvoiceExportPlan> {
  let plan: InvoiceExportPlan;
  try {
    plan = planInvoiceExport(await loadWorkbook(port), request, ctx, csvText);
    if (singleFile && plan.files.length > 1)
      throw new DeskError(
        'REFUSED',
        `${plan.files.length} files are needed (the importer's limits per file): give --out FILE`,
      );
    await deliver(plan);
  } catch (e) {
    await port.release?.();
    throw e;
  }
  await port.write(plan.patches);
  return plan;
}
