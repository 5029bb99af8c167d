/**
 * The CLI against the longest text a workbook file can be (local-store/text-limit.ts): the file's
 * size is stood in for (a 430 MB file has no place in a test), the rest runs as typed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileSpreadsheet } from '../../local-store/file-spreadsheet';
import { TEXT_LIMIT } from '../../local-store/text-limit';
import { cli, tempDir } from '../support/cli';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a workbook file near the longest text a command can write', () => {
  it('warns from 80 %, and from 95 % refuses an action but still runs check', async () => {
    const dir = tempDir();
    expect((await cli(dir, 'init', '--workbook', 'shop.json')).code).toBe(0);
    const size = vi.spyOn(FileSpreadsheet.prototype, 'bytes', 'get');

    size.mockReturnValue(Math.ceil(TEXT_LIMIT * 0.85));
    const warned = await cli(dir, 'do', 'allocate', '--workbook', 'shop.json');
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/^warning: The workbook file is 435 MB of the 512 MB .*\(85 %\)/m);

    size.mockReturnValue(Math.ceil(TEXT_LIMIT * 0.97));
    const refused = await cli(dir, 'do', 'allocate', '--workbook', 'shop.json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('only archive, check and export run');
    expect(refused.stderr).toContain('backorder-desk archive --workbook FILE --before YYYY-MM-DD');
    const check = await cli(dir, 'check', '--workbook', 'shop.json');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^file: The workbook file is 497 MB of the 512 MB/m);
  });
});
