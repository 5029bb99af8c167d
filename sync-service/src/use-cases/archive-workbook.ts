/**
 * `archive`: moves orders closed before a date, with their backorders, shipments and calls, into an
 * archive workbook file (created when missing), keeping every column people added. The archive is
 * written first and skips rows it already holds, then the working workbook drops them in one write,
 * so a run cut short can simply be run again. Both workbooks log the move; the working workbook's
 * balances are checked before anything is written.
 */
import { applyChanges } from '../../../shared/apply-changes';
import { planArchive } from '../../../shared/bulk/archive';
import type { CommandContext } from '../../../shared/desk';
import { checkInvariants } from '../../../shared/invariants';
import { makeLogEntry } from '../../../shared/log-entry';
import { logPatch } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import type { IsoDate } from '../../../shared/primitives/dates';
import { DeskError } from '../../../shared/primitives/errors';
import { planSetup } from '../../../shared/setup/setup';
import { type Cell, isEmptyCell } from '../../../shared/sheet/cells';
import { decodeTab, type RawTab, type TabPatch } from '../../../shared/sheet/codec';
import { keyOf, normalizeHeader } from '../../../shared/sheet/columns';
import { decodeWorkbook, planWrites, TABS, tabSpec, type WorkbookChanges } from '../../../shared/workbook';
import { ALL_TAB_NAMES, loadWorkbook } from './load';

const MOVED = ['orders', 'backorders', 'shipments', 'calls'] as const;

export async function archiveWorkbook(
  main: SpreadsheetPort,
  archive: SpreadsheetPort,
  before: IsoDate,
  ctx: CommandContext,
): Promise<string> {
  const m = await loadWorkbook(main);
  const plan = planArchive(m.workbook, before);
  if (plan.orders.length === 0)
    throw new DeskError('REFUSED', `No order was closed before ${before}: nothing to archive`);
  const changes: WorkbookChanges = {};
  for (const t of MOVED)
    (changes as Record<string, unknown>)[t] = { updated: [], added: [], deleted: plan[t] };
  const broken = checkInvariants(applyChanges(m.workbook, changes));
  if (broken.length > 0)
    throw new DeskError(
      'INVARIANT',
      'Archiving would break balances; nothing moved:',
      broken.map((v) => `${v.tab} ${v.key}: ${v.message}`),
    );
  const orderCount = new Set(plan.orders.map((l) => l.orderId)).size;
  const summary = `${orderCount} order(s) closed before ${before}: ${plan.orders.length} lines, ${plan.backorders.length} backorders, ${plan.shipments.length} shipments, ${plan.calls.length} calls`;

  // 1. The archive: complete workbook, the moved tabs with every column the working tabs have.
  const { tabs: held, timeZone } = await archive.read(ALL_TAB_NAMES);
  const setup = planSetup(held);
  const newTabs: RawTab[] = setup.newTabs.map((t) => ({ ...t, values: t.values.map((r) => [...r]) }));
  const patches: TabPatch[] = setup.patches.filter((p) => !MOVED.some((t) => TABS[t].name === p.tab));
  for (const t of MOVED) {
    const spec = tabSpec(t);
    const source = m.raw[spec.name] as RawTab;
    const sourceHeader = (source.values[0] ?? []).map(String);
    const created = newTabs.find((n) => n.name === spec.name);
    const target = created ?? (held[spec.name] as RawTab);
    const header = [...(target.values[0] ?? [])].map(String);
    const headerWrites = sourceHeader
      .filter(
        (h) => normalizeHeader(h) !== '' && !header.some((x) => normalizeHeader(x) === normalizeHeader(h)),
      )
      .map((h) => {
        header.push(h);
        return { row: 0, col: header.length - 1, value: h as Cell };
      });
    const already = decodeTab(
      spec,
      { name: spec.name, values: [header, ...target.values.slice(1)] },
      { face: 'api', timeZone, currencyDigits: 2 },
    ).byKey;
    const decoded = m.tabs[t] as unknown as { byKey: Map<string, number>; rowNumbers: number[] };
    const rows = (plan[t] as never[])
      .filter((r) => !already.has(keyOf(spec, r)))
      .map((r) => {
        const row =
          source.values[(decoded.rowNumbers[decoded.byKey.get(keyOf(spec, r)) as number] as number) - 1] ??
          [];
        return header.map((h) => {
          const at = sourceHeader.findIndex((s) => normalizeHeader(s) === normalizeHeader(h));
          const cell = at >= 0 ? row[at] : '';
          return isEmptyCell(cell) ? '' : (cell as Cell);
        });
      });
    if (created) {
      (created.values as Cell[][]).splice(0, created.values.length, header, ...rows);
    } else if (headerWrites.length > 0 || rows.length > 0)
      patches.push({ tab: spec.name, writes: headerWrites, appends: rows });
  }
  const archivedLog = decodeWorkbook(held, { face: 'api', timeZone }).workbook.log;
  const entry = makeLogEntry(archivedLog, ctx, {
    action: 'archive',
    entity: 'Archive',
    summary: `received ${summary}`,
  });
  const lp = logPatch(entry, held.Log, newTabs, timeZone);
  if (lp) patches.push(lp);
  await archive.write(patches, newTabs);

  // 2. The working workbook drops what the archive now holds.
  const mainEntry = makeLogEntry(m.workbook.log, ctx, {
    action: 'archive',
    entity: 'Archive',
    summary: `moved out ${summary}`,
  });
  await main.write(
    planWrites(m.tabs, { ...changes, log: { updated: [], added: [mainEntry] } }, 'engine', m.context),
  );
  return summary;
}
