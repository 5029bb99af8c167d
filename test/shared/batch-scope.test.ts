/**
 * The batch reads of Allocate all and Rebuild aging (shared/read-plan.ts `BatchTabs`) against the
 * whole read, as an oracle: on the demo workbook, after drawn single-entity steps that leave work to
 * allocate, both batches are planned from whole tabs and from their batch read (deciding tabs whole,
 * the Log by its last rows and this RequestID), and the two plans must write the same cells, append
 * the same rows, rebuild the same Aging and say the same things. The batch read must leave the
 * history tabs it does not decide from unread, so its cost stays flat as they grow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/apply-changes';
import type { RawTab } from '../../shared/codec';
import { runCommand } from '../../shared/commands/run';
import { CommandSchema } from '../../shared/commands/schema';
import type { CommandContext } from '../../shared/desk';
import { decodeLoaded, planAction, planAging } from '../../shared/plans';
import {
  AGING_TABS,
  ALLOCATE_ALL_TABS,
  type BatchTabs,
  batchTabKeys,
  batchTabs,
  withUnreadAsEmpty,
} from '../../shared/read-plan';
import { renderWorkbook } from '../../shared/render-workbook';
import { readScoped } from '../../shared/row-scope';
import { NO_KEYS } from '../../shared/scope-keys';
import { AGING_TAB, type Workbook } from '../../shared/workbook';
import { TODAY } from '../support/build';
import { commandFor, drawnPicks, memorySource, normalPatches, settledDemo } from '../support/scope-oracle';

const CELLS = { face: 'api' as const, timeZone: 'UTC', currencyDigits: 2 };
const rawOf = (wb: Workbook) => Object.fromEntries(renderWorkbook(wb, CELLS).map((t) => [t.name, t]));
const ALLOCATE_ALL = CommandSchema.parse({ action: 'allocate' });

const demo = settledDemo();

/** The raw tabs a batch read hands the plan, and how many rows of each sparse tab it read. */
function batchRead(
  raw: Record<string, RawTab>,
  batch: BatchTabs,
  requestId: string,
  alsoWhole?: readonly string[],
) {
  const { source, counted } = memorySource(raw);
  const read = readScoped(source, NO_KEYS, {
    tabs: batchTabKeys(batch),
    whole: batch.whole,
    alsoWhole,
    requestId,
    appends: true,
  });
  return { tabs: withUnreadAsEmpty(read.tabs), sparse: read.sparse, rowsRead: counted.rows };
}

describe('batch reads decide as whole reads do', () => {
  it('Allocate all is the batch read the add-on uses for it', () => {
    expect(batchTabs(ALLOCATE_ALL)).toBe(ALLOCATE_ALL_TABS);
    expect(batchTabs(CommandSchema.parse({ action: 'allocate', orderId: 'SO-1' }))).toBeUndefined();
    expect(batchTabs(CommandSchema.parse({ action: 'fulfill' }))).toBeUndefined();
  });

  it('plans Allocate all and Rebuild aging alike from the batch read and from whole tabs', () => {
    let allocatedSomething = 0;
    let runs = 0;
    fc.assert(
      fc.property(drawnPicks(2, 6), (picks) => {
        let wb = demo;
        picks.forEach((p, i) => {
          const command = commandFor(wb, p);
          if (!command) return;
          const ctx = { today: TODAY, now: `${TODAY}T09:00:0${i}.000Z`, actor: 'rep', requestId: `s${i}` };
          try {
            wb = applyChanges(wb, runCommand(wb, command, ctx).changes);
          } catch {
            // A refused step changes nothing.
          }
        });
        const ctx: CommandContext = {
          today: TODAY,
          now: `${TODAY}T11:00:00.000Z`,
          actor: 'owner@test',
          requestId: `batch-${runs++}`,
        };
        const raw = rawOf(wb);
        const whole = planAction(decodeLoaded(raw, 'UTC', 'api'), ALLOCATE_ALL, ctx);
        const read = batchRead(raw, ALLOCATE_ALL_TABS, ctx.requestId);
        const scoped = planAction(decodeLoaded(read.tabs, 'UTC', 'api'), ALLOCATE_ALL, ctx);
        expect(normalPatches(scoped.patches)).toEqual(normalPatches(whole.patches));
        expect(scoped.result.messages).toEqual(whole.result.messages);
        expect([...read.sparse]).toEqual(['Log']);
        if (whole.result.shortfalls.length > 0 || whole.result.changed.Orders?.updated) allocatedSomething++;

        const agingWhole = planAging(decodeLoaded(raw, 'UTC', 'api'), ctx);
        const agingRead = batchRead(raw, AGING_TABS, ctx.requestId, [AGING_TAB]);
        const agingScoped = planAging(decodeLoaded(agingRead.tabs, 'UTC', 'api'), ctx);
        expect(normalPatches(agingScoped.patches)).toEqual(normalPatches(agingWhole.patches));
        expect(agingScoped.newTabs).toEqual(agingWhole.newTabs);
        expect(agingScoped.summary).toEqual(agingWhole.summary);
      }),
      { numRuns: 25, seed: 1203 },
    );
    // The oracle is not vacuous: the drawn steps left lines for Allocate all to work on.
    expect(allocatedSomething).toBeGreaterThan(5);
  });

  it('reads the Log by its last rows and leaves Calls, Invoices (and, allocating, Shipments) unread', () => {
    const raw = rawOf(demo);
    const log = raw.Log as RawTab;
    expect(log.values.length).toBeGreaterThan(50);
    const allocate = batchRead(raw, ALLOCATE_ALL_TABS, 'r-1');
    // Three tail rows of the Log; the request id is new, so its search finds nothing more.
    expect(allocate.rowsRead).toBe(3);
    expect(allocate.tabs.Log?.values.length).toBe(log.values.length);
    for (const tab of ['Shipments', 'Invoices', 'Calls'])
      expect(allocate.tabs[tab]?.values.length, tab).toBe(1);
    const aging = batchRead(raw, AGING_TABS, 'r-2');
    expect(aging.tabs.Shipments?.values.length).toBe((raw.Shipments as RawTab).values.length);
    expect(aging.tabs.Orders?.values.length).toBe(1);
  });
});
