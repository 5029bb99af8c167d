/**
 * The accountant's download in the playground on the demo distributor, the built add-on over real HTTP:
 * a QuickBooks export that needs several files (100 invoices a file) delivers every file with every
 * line it marked, and the add-on's own menu exports a batch again with every link on show.
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { workbookFileOf } from '../../local-store/workbook-file';
import { Playground } from '../../playground/server';
// @ts-expect-error: the build script is plain JavaScript.
import { buildPlayground } from '../../scripts/build.mjs';
import { simulateDemo } from '../../shared/demo/simulate';
import type { IsoDate } from '../../shared/primitives/dates';
import { renderWorkbook } from '../../shared/setup/render-workbook';
import { TwinSpreadsheet } from '../../twin/spreadsheet';
import { builtAddon } from '../support/addon';

const ROOT = join(__dirname, '../..');
const CELLS = { face: 'api' as const, timeZone: 'America/New_York', currencyDigits: 2 };

describe('the playground delivers a split invoice export whole', () => {
  it('sends every file of the export, and the menu exports the batch again', async () => {
    const wb = simulateDemo({ today: '2026-11-23' as IsoDate });
    const pending = wb.invoices.filter((l) => !l.exported).length;
    await builtAddon();
    const twin = new TwinSpreadsheet(
      workbookFileOf('demo', CELLS.timeZone, renderWorkbook(wb, CELLS)) as never,
    );
    const playground = await Playground.open({
      twin,
      dist: join(ROOT, 'addon/dist'),
      page: await buildPlayground(),
      save: async () => undefined,
    });
    const { url } = await playground.listen(0);
    try {
      const out = (await (await fetch(`${url}api/invoices/quickbooks`)).json()) as {
        files: { name: string; csv: string }[];
        note: string;
      };
      expect(out.files.length).toBeGreaterThan(2);
      expect(out.files.map((f) => f.name).slice(0, 2)).toEqual([
        'quickbooks-invoices-1-1.csv',
        'quickbooks-invoices-1-2.csv',
      ]);
      const rows = out.files.flatMap((f) => parse(f.csv, { columns: true }) as unknown[]);
      expect(rows.length).toBe(pending);
      expect(out.note).toMatch(/^Export batch 1: \d+ files/);

      const again = (await (
        await fetch(`${url}api/menu/menuExportQuickBooks`, {
          method: 'POST',
          body: JSON.stringify({ prompt: 'again 1' }),
        })
      ).json()) as { dialogs: { html: string; height: number }[]; alerts: string[] };
      const dialog = again.dialogs[0];
      for (const f of out.files) expect(dialog?.html).toContain(`download="${f.name}"`);
      expect(dialog?.html).toContain('Exported again; nothing was re-marked.');
      expect(dialog?.height).toBeGreaterThanOrEqual(150 + 34 * out.files.length);
      const nothing = await fetch(`${url}api/invoices/quickbooks`);
      expect(nothing.status).toBe(409);
    } finally {
      await playground.close();
    }
  }, 120_000);
});
