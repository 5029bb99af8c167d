/**
 * `export` and `invoices`: a tab as CSV, JSON or xlsx (a workbook file only: Sheets downloads its own
 * xlsx), and the invoice lines for QuickBooks Online or Xero, every file on disk before a line is
 * marked Exported. `output` writes a command's text to `--out` (durably) or stdout.
 */
import { resolve } from 'node:path';
import { writeFileDurably } from '../local-store/durable-file';
import type { CommandContext } from '../shared/desk';
import type { SpreadsheetPort } from '../shared/ports';
import { DeskError } from '../shared/primitives/errors';
import { exportInvoices } from '../sync-service/src/use-cases/export-invoices';
import { exportTab, isDateColumn, xlsxTabs } from '../sync-service/src/use-cases/export-tab';
import { type Options, UsageError, whole } from './args';
import type { Io } from './io';
import type { Opened } from './open-workbook';
import { loadOptional } from './optional-module';

/** A command's text, to `--out` (written durably) or to stdout. */
export async function output(options: Options, io: Io, text: string): Promise<void> {
  if (options.out) await writeFileDurably(resolve(io.cwd, options.out), text);
  else io.stdout(text);
}

/** `export --tab TAB [--format csv|json|xlsx] [--out FILE]`. */
export async function exportCommand(
  opened: Opened,
  options: Options,
  ctx: CommandContext,
  io: Io,
): Promise<number> {
  const { port } = opened;
  if (!options.tab) throw new UsageError('export needs --tab TAB');
  const format = options.format ?? 'csv';
  if (format === 'xlsx') {
    if (!options.out) throw new UsageError('export --format xlsx needs --out FILE.xlsx');
    const tabs = await xlsxTabs(port, options.tab);
    if (!opened.file)
      throw new DeskError(
        'NOT_AVAILABLE',
        'xlsx export reads a workbook file; a Google spreadsheet can be downloaded as xlsx from Sheets itself',
      );
    // exceljs and the formula engine load only for this export (exceljs may not be installed).
    const { toXlsx } = await loadOptional(
      'exceljs',
      'export --format xlsx',
      () => import('../local-store/xlsx'),
    );
    const data = await toXlsx(opened.file.file, tabs, isDateColumn);
    await writeFileDurably(resolve(io.cwd, options.out), data);
    io.stdout(`${tabs.join(', ')} → ${options.out}\n`);
    return 0;
  }
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format must be csv or json, got "${format}"`);
  await output(options, io, await exportTab(port, options.tab, format, ctx.today));
  return 0;
}

/** `invoices --format quickbooks|xero [--out FILE] [--again [--batch N]]`. */
export async function invoicesCommand(
  port: SpreadsheetPort,
  options: Options,
  ctx: CommandContext,
  io: Io,
): Promise<number> {
  const format = options.format;
  if (format !== 'quickbooks' && format !== 'xero')
    throw new UsageError('invoices needs --format quickbooks or --format xero');
  const batch = whole('batch', options.batch);
  if (batch !== undefined && !options.again) throw new UsageError('--batch N goes with --again');
  const out = options.out;
  // Every file is on disk (synced) before a line is marked Exported: a failed write marks nothing.
  const plan = await exportInvoices(
    port,
    {
      format,
      again: options.again ? (batch ?? true) : undefined,
      names: (count) =>
        Array.from({ length: count }, (_, i) =>
          i === 0 ? (out ?? '-') : (out ?? '').replace(/(\.csv)?$/i, `-${i + 1}.csv`),
        ),
    },
    ctx,
    async (p) => {
      if (!out) return void io.stdout(p.files[0] as string);
      for (const [i, text] of p.files.entries())
        await writeFileDurably(resolve(io.cwd, p.names[i] as string), text);
    },
    !out,
  );
  if (out)
    io.stdout(
      options.json
        ? `${JSON.stringify({ invoices: plan.invoices, lines: plan.lines, files: plan.names, batch: plan.batch, again: options.again === true })}\n`
        : `${plan.invoices} invoice(s), ${plan.lines} line(s) → ${plan.names.join(', ')} (${options.again ? 'exported again' : `export batch ${plan.batch}`})\n`,
    );
  return 0;
}
