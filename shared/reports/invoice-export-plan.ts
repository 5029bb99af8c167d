/**
 * Invoice export as a plan: which lines go into the importer's files, under which export batch, and
 * the one write that marks them. The edges deliver the files first and apply the write only once every
 * file is safely delivered (written and synced to disk, or handed to the browser), so a failed
 * delivery leaves the lines unexported and a retry carries them all (docs/design.md, "Exports").
 *
 * Each fresh export is a numbered batch: its lines get Exported and ExportBatch, and its Log row names
 * the batch, the files and the lines. `again` exports lines already exported (every one, or one batch
 * by number) for a lost file or the other accounting system; it marks nothing and is logged too. A
 * retried export with the same request id (a CLI retry after a failed mark) gives the same batch again.
 */
import type { CommandContext } from '../desk';
import { makeLogEntry } from '../log-entry';
import type { Loaded, WritePlan } from '../plans';
import { DeskError } from '../primitives/errors';
import type { InvoiceLine } from '../tabs/invoices';
import { planWrites } from '../workbook';
import { type InvoiceFormat, invoiceFiles, type Plain } from './invoice-export';

export interface InvoiceExportPlan extends WritePlan {
  readonly files: string[];
  readonly names: string[];
  readonly invoices: number;
  readonly lines: number;
  /** The export batch the files carry (0: lines exported before batches were numbered). */
  readonly batch: number;
}

export interface InvoiceExportRequest {
  readonly format: InvoiceFormat;
  /** Export again what was exported: `true` for every exported line, a number for one batch. */
  readonly again?: true | number;
  /** The file names for `count` files of `batch` (the CLI's --out names, the add-on's download names). */
  readonly names?: (count: number, batch: number) => string[];
}

/** Download names: `quickbooks-invoices-3.csv`, or `-3-1.csv`, `-3-2.csv` … when split. */
export function downloadNames(format: InvoiceFormat) {
  return (count: number, batch: number) =>
    Array.from({ length: count }, (_, i) => `${format}-invoices-${batch}${count > 1 ? `-${i + 1}` : ''}.csv`);
}

const BATCH_DETAIL = /^batch (\d+)\b/;

function lastBatch(lines: readonly InvoiceLine[]): number {
  return lines.reduce((m, l) => Math.max(m, l.exportBatch), 0);
}

/** The lines a request exports, and the batch they carry; refuses, naming what exists, when none. */
function select(
  loaded: Loaded,
  again: true | number | undefined,
  ctx: CommandContext,
): { lines: InvoiceLine[]; batch: number; fresh: boolean } {
  const all = loaded.workbook.invoices;
  const retried = loaded.workbook.log.find(
    (l) => l.action === 'invoices' && l.requestId === ctx.requestId && BATCH_DETAIL.test(l.detail),
  );
  if (again === undefined && retried) again = Number(BATCH_DETAIL.exec(retried.detail)?.[1]);
  if (again === undefined) {
    const pending = all.filter((i) => !i.exported);
    if (pending.length === 0)
      throw new DeskError(
        'REFUSED',
        'No invoice lines to export: every line is already marked Exported (export them again with --again, or --again --batch N)',
      );
    return { lines: pending, batch: lastBatch(all) + 1, fresh: true };
  }
  const lines = all.filter((i) => i.exported && (again === true || i.exportBatch === again));
  if (lines.length === 0) {
    const batches = [...new Set(all.filter((i) => i.exported).map((i) => i.exportBatch))]
      .filter((b) => b > 0)
      .sort((a, b) => a - b);
    throw new DeskError(
      'REFUSED',
      again === true
        ? 'No invoice lines have been exported yet: export them first'
        : `No invoice lines were exported in batch ${again}; batches: ${batches.length > 0 ? batches.join(', ') : 'none yet'}`,
    );
  }
  return { lines, batch: again === true ? 0 : again, fresh: false };
}

/**
 * The files of an export and the write that records it. `toCsv` is the edge's CSV writer (csv-stringify
 * in Node; the add-on's own RFC 4180 quoting); both quote every field with a line break.
 */
export function planInvoiceExport(
  loaded: Loaded,
  request: InvoiceExportRequest,
  ctx: CommandContext,
  toCsv: (rows: Plain[][]) => string,
): InvoiceExportPlan {
  const { workbook, tabs, context } = loaded;
  const { format } = request;
  const { lines, batch, fresh } = select(loaded, request.again, ctx);
  const files = invoiceFiles(lines, format, workbook.config).map((rows) => toCsv(rows));
  const names = (request.names ?? downloadNames(format))(files.length, batch);
  const invoices = new Set(lines.map((i) => i.invoiceNo)).size;
  const what = `${invoices} invoice(s), ${lines.length} line(s) for ${format} in ${files.length} file(s)`;
  const entry = makeLogEntry(workbook.log, ctx, {
    action: 'invoices',
    entity: 'Invoices',
    summary: fresh
      ? `export batch ${batch}: ${what}`
      : `exported again (${batch > 0 ? `batch ${batch}` : 'every exported line'}): ${what}; nothing re-marked`,
    detail:
      `batch ${batch}; files ${names.join(', ')}; lines ${lines.map((l) => `${l.invoiceNo}/${l.line}`).join(' ')}`.slice(
        0,
        45_000, // under Sheets' 50,000 characters a cell; the batch number and files come first
      ),
  });
  const patches = planWrites(
    tabs,
    {
      invoices: {
        updated: fresh ? lines.map((i) => ({ ...i, exported: true, exportBatch: batch })) : [],
        added: [],
      },
      log: { updated: [], added: [entry] },
    },
    'engine',
    context,
  );
  return { patches, newTabs: [], files, names, invoices, lines: lines.length, batch };
}
