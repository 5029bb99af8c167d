/**
 * A workbook file is read and written as one JSON text, and V8 holds no string longer than
 * 0x1fffffe8 characters (about 512 MiB): past it every command would die with "Invalid string
 * length". A year of history weighs about 2.25 KB per order line, so a busy workbook meets this near
 * 238,000 lines. Commands are warned from 80 % of it, all but the ways out (archive, check, export)
 * refused from 95 %, and a save that would pass it refused with nothing written, each naming the way
 * out: move old history into an archive file.
 */
import { DeskError } from '../shared/primitives/errors';
import { grouped } from '../shared/primitives/quantity';

/** V8's longest string, in UTF-16 units; a workbook file is nearly all ASCII, so about its bytes. */
export const TEXT_LIMIT = 0x1fffffe8;
const WARN_SHARE = 0.8;
const FULL_SHARE = 0.95;

const WAY_OUT =
  'move old history out: `backorder-desk archive --workbook FILE --before YYYY-MM-DD --to ARCHIVE.json`';
const mb = (n: number) => `${grouped(Math.round(n / 1_048_576))} MB`;

export interface TextBudget {
  readonly level: 'ok' | 'warn' | 'full';
  readonly message: string;
}

/** Where a workbook file of `bytes` stands against the longest text a command can read and write. */
export function textBudget(bytes: number, limit = TEXT_LIMIT): TextBudget {
  const share = bytes / limit;
  const level = share >= FULL_SHARE ? 'full' : share >= WARN_SHARE ? 'warn' : 'ok';
  const held = `The workbook file is ${mb(bytes)} of the ${mb(limit)} a command can read and write as one text (${Math.floor(share * 100)} %)`;
  const message =
    level === 'full'
      ? `${held}: a save could pass it, so only archive, check and export run; ${WAY_OUT}`
      : level === 'warn'
        ? `${held}: past it no command can save the file; ${WAY_OUT}`
        : held;
  return { level, message };
}

/** JSON text of a workbook for saving, or a refusal naming the way out when it would pass the limit. */
export function workbookText(path: string, file: unknown): string {
  try {
    return `${JSON.stringify(file)}\n`;
  } catch (e) {
    if (e instanceof RangeError && /string length/i.test(e.message))
      throw new DeskError(
        'REFUSED',
        `${path}: the workbook would pass the ${mb(TEXT_LIMIT)} a command can write as one text; nothing was written; ${WAY_OUT}`,
      );
    throw e;
  }
}

/** A read of a file too long to be one text, as a refusal naming the file and its size. */
export function tooLongToRead(path: string, e: unknown): DeskError | undefined {
  if ((e as NodeJS.ErrnoException)?.code !== 'ERR_STRING_TOO_LONG') return undefined;
  return new DeskError(
    'REFUSED',
    `${path} is longer than the ${mb(TEXT_LIMIT)} a command can read as one text; it was written by something other than Backorder Desk, which refuses to save past that: split its history into another file`,
  );
}
