/**
 * Opens what a CLI command works on: a local workbook file (locked per read–write cycle under the
 * command's name, see store/workbook-lock.ts) or a Google spreadsheet through the Sheets API, whose
 * client (googleapis) loads only for such a command.
 */
import { resolve } from 'node:path';
import { FileSpreadsheet } from '../local-store/file-spreadsheet';
import type { SpreadsheetPort } from '../shared/ports';
import { DEFAULT_RETRY, Retrier } from '../sync-service/src/sheets/retry';
import { SheetsSpreadsheet } from '../sync-service/src/sheets/sheets-spreadsheet';
import { type Options, UsageError } from './args';
import type { Io } from './io';

/** The Sheets client (googleapis, 0.1 s to load) only for commands on a Google spreadsheet. */
export const sheetsClient = async (env: Record<string, string | undefined>) =>
  (await import('../sync-service/src/sheets/client')).sheetsClient(env);

/** The spreadsheet a command works on: a workbook file, or a Google spreadsheet through the Sheets API. */
export interface Opened {
  readonly port: SpreadsheetPort;
  readonly timeZone: string;
  /** The file did not exist: it is created on first use (PRODUCT.md section 7). */
  readonly created: boolean;
  readonly file?: FileSpreadsheet;
  readonly label: string;
}

export async function openWorkbook(options: Options, io: Io, lockAs: string): Promise<Opened> {
  if (options.spreadsheet && options.workbook)
    throw new UsageError('give --workbook FILE or --spreadsheet ID, not both');
  if (options.spreadsheet) {
    const port = new SheetsSpreadsheet(
      await sheetsClient(io.env),
      options.spreadsheet,
      new Retrier({ ...DEFAULT_RETRY, ...io.retry }),
    );
    return {
      port,
      timeZone: await port.timeZone(),
      created: false,
      label: `spreadsheet ${options.spreadsheet}`,
    };
  }
  const file = await openFile(options, io, `backorder-desk ${lockAs}`);
  return {
    port: file,
    timeZone: file.file.properties.timeZone,
    created: file.created,
    file,
    label: options.workbook as string,
  };
}

/** How long a command waits for another process's lock on the workbook (BACKORDER_DESK_LOCK_WAIT_MS). */
export function lockWait(io: Io): number | undefined {
  const ms = Number(io.env.BACKORDER_DESK_LOCK_WAIT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

async function openFile(options: Options, io: Io, lockAs: string): Promise<FileSpreadsheet> {
  if (!options.workbook) throw new UsageError('--workbook FILE or --spreadsheet ID is required');
  return FileSpreadsheet.open(resolve(io.cwd, options.workbook), 'Backorder Desk', lockAs, lockWait(io));
}
