/**
 * A command on a workbook file decodes only the rows it decides from
 * (sync-service/src/use-cases/run-action.ts): through the real file port, every command fast-check
 * draws on the demo workbook must write what the plan from whole tabs writes, say the same and refuse
 * alike; the Log's last rows read expire the undo images leaving the window as a whole read would,
 * and none that the rows read cannot show past it.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileSpreadsheet } from '../../../local-store/file-spreadsheet';
import { SEGMENT_FROM_ROWS } from '../../../local-store/history-segment';
import { workbookFileOf, writeWorkbookFile } from '../../../local-store/workbook-file';
import { type Command, CommandSchema } from '../../../shared/commands/schema';
import { LOG_TAIL_ROWS as LOG_TAIL } from '../../../shared/io/scope-contract';
import { ALL_TAB_NAMES, decodeLoaded, planAction } from '../../../shared/plans';
import { renderWorkbook } from '../../../shared/setup/render-workbook';
import type { TabPatch } from '../../../shared/sheet/codec';
import type { Workbook } from '../../../shared/workbook';
import { runAction } from '../../../sync-service/src/use-cases/run-action';
import { TODAY } from '../../support/build';
import { tempDir } from '../../support/cli';
import { commandFor, drawnPicks, normalPatches, planOutcome, settledDemo } from '../../support/scope-oracle';

const demo = settledDemo();
const CTX = { today: TODAY, now: `${TODAY}T10:00:00.000Z`, actor: 'rep@test' };

async function demoFile(wb: Workbook = demo): Promise<string> {
  const path = join(tempDir(), 'w.json');
  const tabs = renderWorkbook(wb, { face: 'api', timeZone: 'UTC', currencyDigits: 2 });
  await writeWorkbookFile(path, workbookFileOf('demo', 'UTC', tabs));
  return path;
}

/** The command through the real port, written, with what it wrote and said, or the refusal. */
async function throughPort(path: string, command: Command, requestId: string) {
  const port = await FileSpreadsheet.open(path, 'demo', 'scoped-action.test');
  const write = port.write.bind(port);
  let written: readonly TabPatch[] = [];
  port.write = async (patches, newTabs) => {
    written = patches;
    await write(patches, newTabs);
  };
  try {
    const result = await runAction(port, command, { ...CTX, requestId });
    return { patches: normalPatches(written), messages: result.messages, newIds: result.newIds };
  } catch (e) {
    await port.release();
    return { refused: (e as Error).message };
  }
}

async function fromWholeTabs(path: string, command: Command, requestId: string) {
  const port = await FileSpreadsheet.open(path);
  const { tabs, timeZone } = await port.read(ALL_TAB_NAMES);
  return planOutcome(() => planAction(decodeLoaded(tabs, timeZone, 'api'), command, { ...CTX, requestId }));
}

describe('a command on a workbook file decides from its rows as from whole tabs', () => {
  /**
   * The demo with its Log grown past SEGMENT_FROM_ROWS by old actions, so every history tab lives in
   * a segment that the command reads row by row (local-store/segment-rows.ts).
   */
  const withSegment: Workbook = {
    ...demo,
    log: [
      ...demo.log,
      ...Array.from({ length: SEGMENT_FROM_ROWS }, (_, i) => ({
        ...(demo.log[0] as Workbook['log'][number]),
        logId: `LG-${String(demo.log.length + 1 + i).padStart(6, '0')}`,
        summary: `an action ${i}`,
        requestId: `earlier-${i}`,
        detail: '{"expired":true}',
      })),
    ],
  };

  it.each([
    ['one file', demo],
    ['history in a segment', withSegment],
  ] as const)(
    'writes, says and refuses alike for drawn commands, step after step (%s)',
    async (_, wb) => {
      let compared = 0;
      await fc.assert(
        fc.asyncProperty(drawnPicks(2, 6), async (picks) => {
          const path = await demoFile(wb);
          if (wb === withSegment)
            expect(readdirSync(dirname(path)).some((n) => n.includes('.history-'))).toBe(true);
          for (const [i, pick] of picks.entries()) {
            const command = commandFor(demo, pick);
            if (!command) continue;
            compared++;
            const whole = await fromWholeTabs(path, command, `scoped-${i}`);
            expect(await throughPort(path, command, `scoped-${i}`)).toEqual(whole);
          }
        }),
        { numRuns: 25, seed: 42 },
      );
      expect(compared).toBeGreaterThan(50);
    },
    120_000,
  );

  it('expires the undo images leaving the window among the Log rows it reads, and the rest at a whole read', async () => {
    // A Log whose every row still holds its undo image, as a workbook from before undo's window.
    const image = JSON.stringify({ before: {}, after: {}, added: {} });
    const path = await demoFile({ ...demo, log: demo.log.map((l) => ({ ...l, detail: image })) });
    const details = async () => {
      const port = await FileSpreadsheet.open(path);
      const { tabs } = await port.read(ALL_TAB_NAMES);
      const log = decodeLoaded(tabs, 'UTC', 'api').workbook.log;
      return log.map((l) => l.detail.startsWith('{"expired"') || l.detail.includes('"truncated"'));
    };
    const before = await details();
    expect(before.length).toBeGreaterThan(LOG_TAIL + 100);
    const backorder = demo.backorders.find((b) => b.qtyRemaining > 0)?.backorderId as string;
    const call = { action: 'log-call', backorderId: backorder, method: 'Phone', summary: 'asked' };
    expect(await throughPort(path, CommandSchema.parse(call), 'scoped-call')).not.toHaveProperty('refused');
    const after = await details();
    const m = before.length;
    // The window (the latest 100 actions, the call among them) keeps its images; past it, the rows
    // read are expired (a margin of 10 for undo rows, which the window does not count)…
    expect(after.slice(m - 99, m)).toEqual(before.slice(m - 99));
    expect(after.slice(m - LOG_TAIL, m - 110).every(Boolean)).toBe(true);
    expect(before.slice(m - LOG_TAIL, m - 110).some((e) => !e)).toBe(true);
    // …and the rows older than the last ones read are left for a command that reads the whole Log.
    expect(after.slice(0, m - LOG_TAIL)).toEqual(before.slice(0, m - LOG_TAIL));
    expect(before.slice(0, m - LOG_TAIL).some((e) => !e)).toBe(true);
    expect(await throughPort(path, CommandSchema.parse({ action: 'refresh' }), 'whole')).not.toHaveProperty(
      'refused',
    );
    expect((await details()).slice(0, m - 110).every(Boolean)).toBe(true);
  });
});
