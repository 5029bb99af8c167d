/**
 * npm start's playground serving a workbook file while CLI processes change the same file: every
 * request of the playground is one unit under the workbook's lock on the file as it is on disk
 * (local-store/shared-workbook.ts), so the shipments made from the sidebar and those made
 * by `backorder-desk do ship` before or at the same moment all end up in the file, and `check` is
 * clean. Without the shared file (tried) the sidebar's save overwrote the CLI's shipment.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SharedWorkbookFile } from '../../local-store/shared-workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../local-store/workbook-file';
import { Playground } from '../../playground/server';
// @ts-expect-error: the build script is plain JavaScript.
import { buildPlayground } from '../../scripts/build.mjs';
import { TwinSpreadsheet } from '../../twin/spreadsheet';
import { builtAddon } from '../support/addon';
import { BIN, cli } from '../support/cli';
import { shopWith } from '../support/shop';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

describe('the playground beside the CLI', () => {
  it('loses nothing when the sidebar and CLI processes ship from one file at once', async () => {
    const dir = await shopWith(6);
    const path = join(dir, 'w.json');
    await builtAddon();
    const page = await buildPlayground();
    const twin = new TwinSpreadsheet((await readWorkbookFile(path)) as never);
    const playground = await Playground.open({
      twin,
      dist: join(ROOT, 'addon/dist'),
      page,
      save: () => writeWorkbookFile(path, twin.file),
      file: new SharedWorkbookFile(path, twin, 'the playground under test'),
    });
    const { url } = await playground.listen(0);
    try {
      const env = { ...process.env, BACKORDER_DESK_TODAY: '2026-11-23', BACKORDER_DESK_ACTOR: 'cli' };
      const shipFromCli = (i: number) =>
        run('node', [BIN, 'do', 'ship', '--workbook', 'w.json', '--order', `SO-${i}`], {
          cwd: dir,
          env,
        }).then((o) => expect(o.stdout).toMatch(/^ship: done/));
      const shipFromSidebar = (i: number) =>
        fetch(`${url}rpc/sidebarAction`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify([
            { command: { action: 'ship', orderId: `SO-${i}` }, requestId: `sidebar-ship-${i}` },
            null,
          ]),
        })
          .then((r) => r.json() as Promise<{ value?: unknown; error?: string }>)
          .then((r) => expect(r.error).toBeUndefined());
      // The CLI changes the file under the running playground, then the sidebar acts: it must act on
      // the file as the CLI left it, not on its own older copy.
      await shipFromCli(1);
      await shipFromSidebar(2);
      // Then both at once.
      await Promise.all([shipFromCli(3), shipFromCli(4), shipFromSidebar(5), shipFromSidebar(6)]);
    } finally {
      await playground.close();
    }
    const file = await readWorkbookFile(path);
    const shipments = file?.sheets.find((s) => s.properties.title === 'Shipments')?.values ?? [];
    const at = (shipments[0] ?? []).findIndex((h) => String(h).replace(/\s/g, '') === 'OrderID');
    expect(new Set(shipments.slice(1).map((r) => String(r[at])))).toEqual(
      new Set(['SO-1', 'SO-2', 'SO-3', 'SO-4', 'SO-5', 'SO-6']),
    );
    expect((await cli(dir, 'check', '--workbook', 'w.json')).code).toBe(0);
  }, 120_000);
});
