/**
 * What each sidebar and menu action would cost in real Apps Script: the built Code.js
 * runs in the twin on allocated workbooks of 1,000, 10,000 and 50,000 order lines, and again at
 * 50,000 with 100,000 rows of history across Log, Shipments and Invoices. For every action the
 * twin counts the service calls and the cells read and written; the cells whose value changed are
 * counted by comparing the spreadsheet before and after; the cost model
 * (twin/apps-script/cost-model.ts, docs/twin.md "Cost model") turns them into estimated seconds.
 * The entities acted on sit at the first, middle and last rows of their tabs (addon-cost-state.ts),
 * so a plan that writes one tall rectangle over scattered rows shows. `BENCH_COUNTS_OF=<action>`
 * (e.g. viewOrder) prints that action's calls by kind to stderr, to see where its time goes.
 */
import { addDays } from '../shared/primitives/dates';
import { LIST_PARTS } from '../shared/sidebar/list-parts';
import type { ActionReply, RowRef, RowView } from '../shared/sidebar/rpc';
import { mergeViewParts, VIEW_PARTS, type ViewPart } from '../shared/sidebar/view-parts';
import { estimateSeconds } from '../twin/apps-script/cost-model';
import { benchState, cellsChanged } from './addon-cost-state';
import { addonInTwin } from './addon-twin';
import { BENCH_TODAY } from './workbooks';

/**
 * An action to count, and what the rep does first, outside the count (looks at the row). A view the
 * sidebar reads in parts sent at once (addon/src/ui/view-reader.ts) is several runs: each is its own
 * execution, and the view takes as long as the longest.
 */
type Step = readonly [run: () => unknown, before?: () => void, alongside?: readonly (() => unknown)[]];

export interface ActionCost {
  readonly calls: number;
  readonly cellsRead: number;
  /** Cells TextFinder searches covered (priced per cell by the cost model). */
  readonly cellsScanned: number;
  readonly cellsWritten: number;
  readonly cellsChanged: number;
  readonly estimatedSeconds: Record<'low' | 'central' | 'high', number>;
  /** Executions sent at once (a view in parts), when more than one: calls and cells are their sum. */
  readonly executions?: number;
}

export async function addonCost(lines: number, history = 0) {
  const { wb, first, middle, last, po, other } = benchState(lines, history);
  const { twin, rt } = await addonInTwin(wb);
  const orderRow = wb.orders.length + 1;
  const backorderRow = wb.backorders.indexOf(middle) + 2;
  const rowOf = (b: typeof first) => ({ sheet: 'Backorders', row: wb.backorders.indexOf(b) + 2 });
  const onOrder = { sheet: 'Orders', row: orderRow };
  // Two open backorders of one SKU, from the middle of the tab on: a rep working down its queue.
  const open = wb.backorders.filter((b) => b.qtyRemaining > 0);
  const from = open.slice(Math.floor(open.length / 2)).concat(open);
  const queued = from.find((b) => open.some((o) => o.sku === b.sku && o.backorderId !== b.backorderId));
  const sibling = open.find((o) => o.sku === queued?.sku && o.backorderId !== queued?.backorderId);
  if (!queued || !sibling) throw new Error('the bench workbook has no SKU with two open backorders');
  const onPo = { sheet: 'POs', row: 2 };
  const onOther = { sheet: 'POs', row: wb.pos.indexOf(other) + 2 };
  let n = 0;
  // An action as the sidebar sends it (addon/src/ui/sidebar.ts `act`): the row's view is read first,
  // outside the count (the rep looked at the row before acting), and the action carries its versions,
  // the searches it made, and the row it stands on.
  let view: RowView | undefined;
  // The view the rep looked at, as the sidebar holds it where Google runs its parts side by side:
  // the parts merged (addon/src/ui/view-reader.ts), their searches the memory the action carries.
  const viewOf = (at: RowRef) => () => {
    const parts = VIEW_PARTS.map((name) => rt.run('sidebarViewPart', at, name, null) as ViewPart);
    view = mergeViewParts(parts) ?? (rt.run('sidebarView', at) as RowView);
  };
  // `fromReply`: the action is taken from the previous action's reply (its view, and the memory of
  // that action's searches), as a rep does a second thing on the same row.
  // `prepared`: the rep opened the action's form first, and its rows were found while they filled it
  // in (sidebarPrepare, outside the count: it runs while the rep types).
  const prepare = (at: RowRef, command: object) => () => {
    viewOf(at)();
    const shown = view as RowView;
    const request = { command, ...(shown.memory ? { memory: shown.memory } : {}) };
    const done = rt.run('sidebarPrepare', request, at) as { memory?: RowView['memory'] };
    view = { ...shown, ...(done.memory ? { memory: done.memory } : {}) };
  };
  const act = (
    command: object,
    at: RowRef,
    withStock = false,
    fromReply = false,
    prepared: boolean | object = false,
  ): Step => [
    () => {
      const shown = view as RowView;
      const expected = withStock ? shown.expectedWithStock : shown.expected;
      const reply = rt.run(
        'sidebarAction',
        {
          command: { ...command, expected },
          requestId: `bench-${lines}-${history}-${n++}`,
          attempt: 1,
          ...(shown.memory ? { memory: shown.memory } : {}),
        },
        at,
      ) as ActionReply;
      view = reply.view;
      return reply;
    },
    ...((fromReply ? [] : [prepared ? prepare(at, prepared === true ? command : prepared) : viewOf(at)]) as [
      () => void,
    ]),
  ];
  // A rep's click on a row: the poll that notices it brings the row's view (sidebarFollow). The
  // selection is moved first, outside the count (a person clicks; no script runs).
  const selectThen = (sheet: string, row: number) => () => {
    rt.run('sidebarJump', { sheet, row });
    rt.counter.reset();
    return rt.run('sidebarFollow', { shown: '', cached: [] });
  };
  const alone = (run: () => unknown): Step => [run];
  // A view as the sidebar reads it where Google runs a user's calls side by side: its parts (and a
  // list entry's Go, the selection moved) sent at once, each with the last view's searches.
  const part = (at: RowRef, name: string, memory?: () => unknown) => () =>
    rt.run('sidebarViewPart', at, name, memory?.() ?? null);
  const inParts = (at: RowRef, memory?: () => unknown, jump = false): Step => {
    const [first, ...rest] = VIEW_PARTS.map((name) => part(at, name, memory));
    return [first as () => unknown, undefined, [...rest, ...(jump ? [() => rt.run('sidebarJump', at)] : [])]];
  };
  const inListParts = (filter: object): Step => {
    const [first, ...rest] = Array.from(
      { length: LIST_PARTS },
      (_, i) => () => rt.run('sidebarListPart', filter, i),
    );
    return [first as () => unknown, undefined, rest];
  };
  const onBackorder = { sheet: 'Backorders', row: backorderRow };
  const middleLine = {
    sheet: 'Orders',
    row: wb.orders.findIndex((l) => l.orderId === middle.orderId && l.line === middle.line) + 2,
  };
  const lastMemory = () => (view as RowView).memory ?? null;
  const [nextEntity, , nextQueue] = inParts(rowOf(sibling), lastMemory);
  const actions: [string, Step, number][] = [
    ['viewOrder', inParts(onOrder), 1],
    ['viewBackorder', inParts(onBackorder), 1],
    ['viewNextBackorder', [nextEntity, viewOf(rowOf(queued)), nextQueue], 1],
    ['viewPoLine', inParts(onPo), 1],
    ['goFromList', inParts(onBackorder, undefined, true), 1],
    // The same views in one call each: what the sidebar asks where Google queues a user's calls.
    ['viewOrderOneCall', alone(() => rt.run('sidebarView', onOrder)), 1],
    ['viewBackorderOneCall', alone(() => rt.run('sidebarView', onBackorder)), 1],
    // The next backorder waiting for the same SKU, from the list of the one just viewed: the view
    // carries that view's searches (the SKU's queue and stock are found already).
    [
      'viewNextBackorderOneCall',
      [() => rt.run('sidebarView', rowOf(sibling), lastMemory()), viewOf(rowOf(queued))],
      1,
    ],
    // A PO line, as a receiving clerk opens it when a truck arrives (the PO has 40 lines).
    ['viewPoLineOneCall', alone(() => rt.run('sidebarView', onPo)), 1],
    // A list entry's Go (addon/src/ui/sidebar.ts `goTo`): the selection moved and the view, in one call.
    ['goFromListOneCall', alone(() => rt.run('sidebarGo', onBackorder, null)), 1],
    // The Lists tab's "due today": its parts sent at once, one band of the Backorders rows each
    // (addon/src/ui/list-reader.ts), and in one call (sidebarList) where Google queues them.
    ['listDueToday', inListParts({ when: 'due today' }), 1],
    ['listDueTodayOneCall', alone(() => rt.run('sidebarList', { when: 'due today' })), 1],
    ['clickOrderRow', alone(selectThen('Orders', orderRow)), 1],
    ['clickBackorderRow', alone(selectThen('Backorders', backorderRow)), 1],
    ['allocateOne', act({ action: 'allocate', orderId: 'SO-PROBE' }, onOrder, true), 1],
    ['ship', act({ action: 'ship', orderId: 'SO-PROBE' }, onOrder, true), 1],
    ['fulfil', act({ action: 'fulfill', backorderId: last.backorderId }, rowOf(last), true), 1],
    [
      'cancel',
      act({ action: 'cancel', backorderId: first.backorderId, reason: 'Customer Requested' }, rowOf(first)),
      1,
    ],
    [
      'reschedule',
      act(
        {
          action: 'reschedule',
          backorderId: middle.backorderId,
          date: addDays(BENCH_TODAY, 9),
          reason: 'vendor',
        },
        rowOf(middle),
      ),
      1,
    ],
    [
      'logCall',
      act(
        { action: 'log-call', backorderId: middle.backorderId, method: 'Phone', summary: 'told the date' },
        rowOf(middle),
      ),
      1,
    ],
    // The same backorder again, from the call's reply: the customer asked for a later date.
    [
      'rescheduleAfterCall',
      act(
        {
          action: 'reschedule',
          backorderId: middle.backorderId,
          date: addDays(BENCH_TODAY, 12),
          reason: 'customer',
        },
        rowOf(middle),
        false,
        true,
      ),
      1,
    ],
    // The rest of a rep's and a buyer's single-entity actions, on rows the steps above left open.
    ['recordNotice', act({ action: 'record-notice', backorderId: middle.backorderId }, rowOf(middle)), 1],
    // The order's own actions, from its line's row, where the sidebar offers them (shared/applicable.ts),
    // with the stock versions the sidebar sends for them; the forms it opens first are prepared.
    [
      'hold',
      act({ action: 'hold', orderId: middle.orderId, note: 'credit check' }, middleLine, true, false, true),
      1,
    ],
    // A held order's row shows its release form open: prepared while the rep reads the row.
    ['release', act({ action: 'release', orderId: middle.orderId }, middleLine, true, false, true), 1],
    [
      'changeLine',
      act(
        {
          action: 'change-line',
          orderId: middle.orderId,
          line: middle.line,
          requiredDate: addDays(BENCH_TODAY, 30),
        },
        middleLine,
        true,
        false,
        // The sidebar prepares a line's change as for a new quantity (addon/src/ui/actions.ts).
        { action: 'change-line', orderId: middle.orderId, line: middle.line, qty: 1 },
      ),
      1,
    ],
    [
      'cancelLine',
      act(
        { action: 'cancel-line', orderId: middle.orderId, line: middle.line, reason: 'Customer Requested' },
        middleLine,
        false,
        false,
        true,
      ),
      1,
    ],
    [
      'changePo',
      act(
        { action: 'change-po', po: other.po, line: other.line, promisedDate: addDays(BENCH_TODAY, 20) },
        onOther,
      ),
      1,
    ],
    ['cancelPoLine', act({ action: 'cancel-po-line', po: other.po, line: other.line }, onOther), 1],
    // A PO line's row prepares the whole PO's receipt as it shows (its Receive form is open:
    // shared/commands/receive.ts), so either receipt finds its rows already found.
    [
      'receivePoLine',
      act({ action: 'receive', po, line: 1 }, onPo, false, false, { action: 'receive', po }),
      1,
    ],
    ['receivePo', act({ action: 'receive', po }, onPo, false, false, true), 1],
    ['rebuildAging', alone(() => rt.run('menuRebuildAging')), 1],
    ['allocateAll', alone(() => rt.run('menuAllocateAll')), 1],
    // The daily trigger's one execution: follow-ups (deliveries settled), then Aging rebuilt.
    ['dailyRun', alone(() => rt.run('dailyRun', {})), 1],
  ];
  const out: Record<string, ActionCost> = {};
  const only = process.env.BENCH_COUNTS_OF;
  for (const [name, [run, look, alongside = []], executions] of actions) {
    look?.();
    const before = twin.file.sheets.map((s) => s.values.map((r) => [...r]));
    const each = [run, ...alongside].map((r) => {
      rt.counter.reset();
      r();
      if (only === name) console.error(name, JSON.stringify(rt.counter.counts));
      return {
        calls: Object.values(rt.counter.counts).reduce((k, c) => k + c, 0),
        ...rt.counter.cells,
        seconds: estimateSeconds(rt.counter, executions),
      };
    });
    const sum = (k: 'calls' | 'read' | 'scanned' | 'written') => each.reduce((n, e) => n + e[k], 0);
    const longest = (k: 'low' | 'central' | 'high') => Math.max(...each.map((e) => e.seconds[k]));
    out[name] = {
      calls: sum('calls'),
      cellsRead: sum('read'),
      cellsScanned: sum('scanned'),
      cellsWritten: sum('written'),
      cellsChanged: cellsChanged(before, twin),
      estimatedSeconds: { low: longest('low'), central: longest('central'), high: longest('high') },
      ...(each.length > 1 ? { executions: each.length } : {}),
    };
  }
  return { lines, history, actions: out };
}
