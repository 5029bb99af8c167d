/**
 * Archive's decisions, once shared/bulk/archive.ts has chosen the orders that move: what the working
 * workbook loses (refused before anything is written when nothing moves or a balance would break),
 * and what the archive workbook gains. The archive gets every column the working tabs have (people's
 * own columns too, added to its headers), skips rows it already holds (so a run cut short can simply
 * be run again), and is set up where it lacks tabs. Both workbooks log the move. Pure: the `archive`
 * use-case reads both workbooks, writes the archive first, then the working workbook.
 */
import { applyChanges } from '../apply-changes';
import type { CommandContext } from '../desk';
import { checkInvariants } from '../invariants';
import { makeLogEntry } from '../log-entry';
import { type Loaded, logPatch } from '../plans';
import type { IsoDate } from '../primitives/dates';
import { DeskError } from '../primitives/errors';
import { planSetup } from '../setup/setup';
import { type Cell, isEmptyCell } from '../sheet/cells';
import { decodeTab, type RawTab, type TabPatch } from '../sheet/codec';
import { keyOf, normalizeHeader } from '../sheet/columns';
import { decodeWorkbook, planWrites, TABS, tabSpec, type WorkbookChanges } from '../workbook';
import { type ArchivePlan, planArchive } from './archive';

const MOVED = ['orders', 'backorders', 'shipments', 'calls'] as const;

export interface ArchiveRemoval {
  readonly plan: ArchivePlan;
  readonly changes: WorkbookChanges;
  /** "3 order(s) closed before …: 7 lines, 2 backorders, 5 shipments, 1 calls". */
  readonly summary: string;
}

/** What leaves the working workbook; refused when nothing was closed before `before` or a balance would break. */
export function planArchiveRemoval(m: Loaded, before: IsoDate): ArchiveRemoval {
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
  return { plan, changes, summary };
}

/** The moved rows as the archive's tabs take them: new tabs whole, patches to the tabs it has. */
export function planArchiveCopy(
  m: Loaded,
  removal: ArchiveRemoval,
  held: Record<string, RawTab>,
  timeZone: string,
  ctx: CommandContext,
): { readonly patches: TabPatch[]; readonly newTabs: RawTab[] } {
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
    const rows = (removal.plan[t] as never[])
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
    summary: `received ${removal.summary}`,
  });
  const lp = logPatch(entry, held.Log, newTabs, timeZone);
  if (lp) patches.push(lp);
  return { patches, newTabs };
}

/** The working workbook's write: the moved rows removed, and its Log row. */
export function planArchiveRemovalWrite(m: Loaded, removal: ArchiveRemoval, ctx: CommandContext): TabPatch[] {
  const entry = makeLogEntry(m.workbook.log, ctx, {
    action: 'archive',
    entity: 'Archive',
    summary: `moved out ${removal.summary}`,
  });
  return planWrites(
    m.tabs,
    { ...removal.changes, log: { updated: [], added: [entry] } },
    'engine',
    m.context,
  );
}
