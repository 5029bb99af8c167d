/**
 * The batch reads of Allocate all, Rebuild aging and the daily follow-up (shared/io/read-plan.ts
 * `BatchTabs`) against the whole read, as an oracle: on the demo workbook, after drawn single-entity
 * steps that leave work to allocate, overdue backorders and deliveries to settle, each batch is planned from whole tabs and from their batch read (deciding tabs whole,
 * the Log by its last rows and this RequestID), and the two plans must write the same cells, append
 * the same rows, rebuild the same Aging and say the same things. The batch read must leave the
 * history tabs it does not decide from unread, so its cost stays flat as they grow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/apply-changes';
import { runCommand } from '../../shared/commands/run';
import { type Command, CommandSchema } from '../../shared/commands/schema';
import { simulateDemo } from '../../shared/demo/simulate';
import type { CommandContext } from '../../shared/desk';
import {
  AGING_TABS,
  ALLOCATE_ALL_TABS,
  type BatchTabs,
  batchTabKeys,
  batchTabs,
  FOLLOW_UP_TABS,
  withUnreadAsEmpty,
} from '../../shared/io/read-plan';
import { readScoped } from '../../shared/io/row-scope';
import { NO_KEYS } from '../../shared/io/scope-keys';
import { decodeLoaded, planAction, planAging } from '../../shared/plans';
import { addDays } from '../../shared/primitives/dates';
import type { RawTab } from '../../shared/sheet/codec';
import { AGING_TAB, type Workbook } from '../../shared/workbook';
import { TODAY } from '../support/build';
import {
  commandFor,
  drawnPicks,
  memorySource,
  normalPatches,
  type Pick,
  rawOf,
  settledDemo,
} from '../support/scope-oracle';

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
    searches: batch.searches,
    alsoWhole,
    requestId,
    appends: true,
  });
  return { tabs: withUnreadAsEmpty(read.tabs), sparse: read.sparse, rowsRead: counted.rows };
}

/** `picks` applied in turn as commands (a refused one changes nothing), as reps would have acted. */
function applyPicks(start: Workbook, picks: readonly Pick[], tag: string): Workbook {
  let wb = start;
  picks.forEach((p, i) => {
    const command = commandFor(wb, p);
    if (!command) return;
    const ctx = { today: TODAY, now: `${TODAY}T09:00:0${i}.000Z`, actor: 'rep', requestId: `${tag}${i}` };
    try {
      wb = applyChanges(wb, runCommand(wb, command, ctx).changes);
    } catch {
      // A refused step changes nothing.
    }
  });
  return wb;
}

/** `command` planned from whole tabs and from `batch`'s read, which must write and say the same. */
function planBoth(raw: Record<string, RawTab>, command: Command, batch: BatchTabs, ctx: CommandContext) {
  const whole = planAction(decodeLoaded(raw, 'UTC', 'api'), command, ctx);
  const read = batchRead(raw, batch, ctx.requestId);
  const scoped = planAction(decodeLoaded(read.tabs, 'UTC', 'api'), command, ctx);
  expect(normalPatches(scoped.patches)).toEqual(normalPatches(whole.patches));
  expect(scoped.result.messages).toEqual(whole.result.messages);
  return { whole, read };
}

describe('batch reads decide as whole reads do', () => {
  it('Allocate all is the batch read the add-on uses for it', () => {
    expect(batchTabs(ALLOCATE_ALL)).toBe(ALLOCATE_ALL_TABS);
    expect(batchTabs(CommandSchema.parse({ action: 'allocate', orderId: 'SO-1' }))).toBeUndefined();
    expect(batchTabs(CommandSchema.parse({ action: 'fulfill' }))).toBeUndefined();
    expect(batchTabs(CommandSchema.parse({ action: 'refresh' }))).toBeUndefined();
  });

  it('plans Allocate all and Rebuild aging alike from the batch read and from whole tabs', () => {
    let allocatedSomething = 0;
    let runs = 0;
    fc.assert(
      fc.property(drawnPicks(2, 6), (picks) => {
        const wb = applyPicks(demo, picks, 's');
        const ctx: CommandContext = {
          today: TODAY,
          now: `${TODAY}T11:00:00.000Z`,
          actor: 'owner@test',
          requestId: `batch-${runs++}`,
        };
        const raw = rawOf(wb);
        const { whole, read } = planBoth(raw, ALLOCATE_ALL, ALLOCATE_ALL_TABS, ctx);
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

  it('plans the daily follow-up alike from its batch read, settling the deliveries people typed', () => {
    // The demo as simulated, before any daily run: DeliveredAt typed on shipments, not yet settled.
    const unsettled = simulateDemo({ today: TODAY });
    const followUp = CommandSchema.parse({ action: 'follow-up' });
    expect(batchTabs(followUp)).toBe(FOLLOW_UP_TABS);
    const seen = { settled: 0, followedUp: 0 };
    let runs = 0;
    fc.assert(
      fc.property(drawnPicks(0, 4), fc.nat(20), (picks, later) => {
        const wb = applyPicks(unsettled, picks, 'f');
        const today = addDays(TODAY, later);
        const ctx: CommandContext = {
          today,
          now: `${today}T05:00:00.000Z`,
          actor: 'daily',
          requestId: `d-${runs++}`,
        };
        const raw = rawOf(wb);
        const { whole } = planBoth(raw, followUp, FOLLOW_UP_TABS, ctx);
        if (whole.result.changed.Shipments?.updated) seen.settled++;
        if (whole.result.changed.Backorders?.updated) seen.followedUp++;
      }),
      { numRuns: 20, seed: 1204 },
    );
    // Not vacuous: runs settled deliveries and set follow-ups.
    expect(seen.settled).toBeGreaterThan(5);
    expect(seen.followedUp).toBeGreaterThan(5);
  });

  it('keeps a held order out of the queue and mends OnOrder after a hand-edited PO, as from whole tabs', () => {
    const sim = simulateDemo({ today: TODAY });
    // A fulfilled backorder whose delivery people typed, and another order waiting on the same SKU.
    const pending = new Set(
      sim.shipments.filter((x) => x.deliveredAt && x.status !== 'Delivered').map((x) => x.backorderId),
    );
    const pair = sim.backorders
      .filter((b) => b.status === 'Fulfilled' && pending.has(b.backorderId))
      .map((done) => ({
        done,
        waiting: sim.backorders.find(
          (b) =>
            b.sku === done.sku && b.orderId !== done.orderId && b.qtyRemaining > 0 && b.queuePosition > 0,
        ),
      }))
      .find((p) => p.waiting);
    const waiting = pair?.waiting;
    if (!pair || !waiting) throw new Error('the demo has no fulfilled backorder beside a waiting one');
    // The waiting order on hold, as `hold` leaves it (its backorders out of the queue), set here
    // directly: the hold command would settle every typed delivery before the daily run could.
    const po = sim.pos.find((p) => p.status === 'Sent' && p.qtyReceived < p.qty && p.dropShipFor === '');
    if (!po) throw new Error('the demo has no open PO line');
    const wb: Workbook = {
      ...sim,
      orders: sim.orders.map((l) => (l.orderId === waiting.orderId ? { ...l, hold: 'Held' } : l)),
      backorders: sim.backorders.map((b) => (b.orderId === waiting.orderId ? { ...b, queuePosition: 0 } : b)),
      // A person raised an open PO line's quantity by hand: OnOrder is stale until the next command.
      pos: sim.pos.map((p) => (p === po ? { ...p, qty: p.qty + 5 } : p)),
    };
    const followUp = CommandSchema.parse({ action: 'follow-up' });
    const ctx: CommandContext = {
      today: TODAY,
      now: `${TODAY}T05:00:00.000Z`,
      actor: 'daily',
      requestId: 'd',
    };
    const raw = rawOf(wb);
    // Typed as a person might ("held", padded): the codec reads it as Held, and so must the search.
    const orders = raw.Orders as RawTab;
    const holdAt = (orders.values[0] ?? []).indexOf('Hold');
    const idAt = (orders.values[0] ?? []).indexOf('OrderID');
    for (const row of orders.values.slice(1) as unknown[][])
      if (row[idAt] === waiting.orderId) row[holdAt] = ' held ';
    const { whole, read } = planBoth(raw, followUp, FOLLOW_UP_TABS, ctx);
    expect(whole.result.messages).toContain(`${pair.done.backorderId} delivered: Complete`);
    expect(whole.result.changed.Inventory?.updated).toBeGreaterThan(0);
    // Of Orders, only the held order's lines were read.
    const readOrders = (read.tabs.Orders as RawTab).values.slice(1).filter((r) => r.length > 0);
    expect(readOrders.length).toBe(sim.orders.filter((l) => l.orderId === waiting.orderId).length);
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
