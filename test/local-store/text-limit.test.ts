/**
 * A workbook file is read and written as one JSON text, and V8 holds no longer string: commands are
 * warned from 80 % of that, all but the ways out refused from 95 %, and a save or a read past it is
 * refused with the way out named, never "internal error: RangeError: Invalid string length".
 */
import { describe, expect, it } from 'vitest';
import { TEXT_LIMIT, textBudget, tooLongToRead, workbookText } from '../../local-store/text-limit';
import { DeskError } from '../../shared/primitives/errors';

describe('the longest text a workbook file can be', () => {
  it('is fine far from the limit, warns from 80 % and lets only the ways out run from 95 %', () => {
    expect(textBudget(3_500_000)).toMatchObject({ level: 'ok' });
    const warn = textBudget(Math.ceil(TEXT_LIMIT * 0.81));
    expect(warn.level).toBe('warn');
    expect(warn.message).toMatch(
      /^The workbook file is 415 MB of the 512 MB a command can read and write as one text \(81 %\): past it no command can save the file; move old history out: `backorder-desk archive --workbook FILE --before YYYY-MM-DD --to ARCHIVE.json`$/,
    );
    const full = textBudget(Math.ceil(TEXT_LIMIT * 0.96));
    expect(full.level).toBe('full');
    expect(full.message).toContain('only archive, check and export run');
  });

  it('refuses a save that would pass it, naming the way out, and writes nothing', () => {
    const tooLong = {
      toJSON: () => {
        throw new RangeError('Invalid string length');
      },
    };
    expect(() => workbookText('shop.json', tooLong)).toThrow(DeskError);
    expect(() => workbookText('shop.json', tooLong)).toThrow(
      /^shop\.json: the workbook would pass the 512 MB a command can write as one text; nothing was written; move old history out: `backorder-desk archive/,
    );
    expect(workbookText('shop.json', { a: 1 })).toBe('{"a":1}\n');
    // Any other failure is not dressed up as this one.
    const other = {
      toJSON: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    expect(() => workbookText('shop.json', other)).toThrow('Maximum call stack');
  });

  it("turns Node's refusal to read a file past it into a refusal naming the file", () => {
    const e = Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), {
      code: 'ERR_STRING_TOO_LONG',
    });
    expect(tooLongToRead('shop.json', e)?.message).toMatch(/^shop\.json is longer than the 512 MB/);
    expect(tooLongToRead('shop.json', new Error('EACCES'))).toBeUndefined();
  });
});
