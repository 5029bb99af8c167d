/**
 * Opens what a CLI command works on: a local workbook file (locked per read–write cycle under the
 * command's name, see store/workbook-lock.ts) or a Google spreadsheet through the Sheets API, whose
 * client (googleapis) loads only for such a command.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileSpreadsheet } from '../local-store/file-spreadsheet';
import type { SpreadsheetPort } from '../shared/ports';
import { DeskError } from '../shared/primitives/errors';
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
  /** The file did not exist: `init`, `import` or `--create` creates it on its first write. */
  readonly created: boolean;
  readonly file?: FileSpreadsheet;
  readonly label: string;
}

export async function openWorkbook(
  options: Options,
  io: Io,
  lockAs: string,
  mayCreate = false,
): Promise<Opened> {
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
  const file = await openFile(options, io, `backorder-desk ${lockAs}`, mayCreate || options.create === true);
  return {
    port: file,
    timeZone: file.timeZone,
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

/**
 * Only `init` and `import` (or any command given `--create`) start a new workbook: on a mistyped path
 * anything else would "succeed" on an empty workbook, and a script would never learn that its work
 * went nowhere.
 */
async function openFile(
  options: Options,
  io: Io,
  lockAs: string,
  mayCreate: boolean,
): Promise<FileSpreadsheet> {
  if (!options.workbook) throw new UsageError('--workbook FILE or --spreadsheet ID is required');
  const path = resolve(io.cwd, options.workbook);
  const missing = () =>
    new DeskError(
      'NOT_FOUND',
      `${path} does not exist: nothing was done. Check the path, or create the workbook with \`backorder-desk init --workbook ${options.workbook}\` (or add --create).`,
    );
  if (!mayCreate && !existsSync(path)) throw missing();
  const file = await FileSpreadsheet.open(path, 'Backorder Desk', lockAs, lockWait(io));
  if (file.created && !mayCreate) {
    // Deleted between the check and the lock: refuse all the same.
    await file.release();
    throw missing();
  }
  return file;
}
