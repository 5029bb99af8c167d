import { describe, expect, it } from 'vitest';
import { cliWith, emptyFeed, tempDir } from '../support/cli';
import { servedSpreadsheet } from '../support/sheets-twin';

/** Grows the spreadsheet's first tab until every grid together holds `cells` cells. */
function growTo(doc: Awaited<ReturnType<typeof servedSpreadsheet>>['doc'], cells: number) {
  const others = doc.file.sheets.slice(1);
  const rest = others.reduce(
    (n, s) =>
      n + (s.properties.gridProperties.rowCount ?? 1000) * (s.properties.gridProperties.columnCount ?? 26),
    0,
  );
  const first = doc.file.sheets[0];
  if (!first) throw new Error('no sheet');
  const cols = first.properties.gridProperties.columnCount ?? 26;
  first.properties.gridProperties.rowCount = Math.ceil((cells - rest) / cols);
}

describe('Google’s cell limit', () => {
  it('reports the cells, warns from 80 % and refuses an action from 99 %, never a way out', async () => {
    const s = await servedSpreadsheet();
    const dir = tempDir();
    try {
      expect((await cliWith(s.env, dir, 'init', ...s.target)).code).toBe(0);
      const small = await cliWith(s.env, dir, 'check', ...s.target);
      expect(small.stdout).toMatch(
        /^cells: The spreadsheet holds [\d,]+ of Google's 10,000,000 cells \(\d %\)$/m,
      );
      expect(small.stderr).toBe('');

      growTo(s.doc, 8_200_000);
      const warned = await cliWith(s.env, dir, 'do', 'allocate', ...s.target);
      expect(warned.code).toBe(0);
      expect(warned.stderr).toMatch(
        /^warning: The spreadsheet holds 8,2\d\d,\d{3} of Google's 10,000,000 cells \(82 %\): at the limit Google refuses every write that adds rows; move old rows out: `backorder-desk archive/m,
      );

      growTo(s.doc, 9_950_000);
      const refused = await cliWith(s.env, dir, 'do', 'allocate', ...s.target);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/only archive, check and export run; move old rows out/);
      // The sync does not read a spreadsheet that full either, and says why.
      emptyFeed(dir);
      const sync = await cliWith(s.env, dir, 'sync', ...s.target, '--feeds', 'feeds.json');
      expect(sync.code).toBe(1);
      expect(sync.stderr).toMatch(/only archive, check and export run/);
      const check = await cliWith(s.env, dir, 'check', ...s.target);
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(
        /^cells: The spreadsheet holds 9,95\d,\d{3} of Google's 10,000,000 cells \(99 %\)/m,
      );
    } finally {
      await s.close();
    }
  });
});
