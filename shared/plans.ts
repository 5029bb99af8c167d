/**
 * What an action writes, decided from what was read: the pure middle of every use-case, shared by the
 * Node edges (async ports: workbook file, Sheets API) and the add-on (Apps Script's synchronous
 * services). Each edge reads the tabs named by ALL_TAB_NAMES once, calls one plan, and applies the
 * patches it returns in one write. `face` says how cells arrive and must be written (API serials or
 * Apps Script Date objects and apostrophe-escaped text).
 */

import { type CommandResult, runCommand } from './commands/run';
import type { Command } from './commands/schema';
import type { CommandContext } from './desk';
import { makeLogEntry } from './log-entry';
import { DeskError } from './primitives/errors';
import { formatId, highestId } from './primitives/ids';
import { computeAging } from './reports/aging';
import { agingCharts } from './reports/aging-charts';
import { type AgingSheet, agingNumberFormats, renderAging, sameGrid } from './reports/render-aging';
import { planSetup } from './setup/setup';
import type { CellContext } from './sheet/cells';
import { applyPatch, decodeTab, encodeChanges, type RawTab, type TabPatch } from './sheet/codec';
import { normalizeHeader } from './sheet/columns';
import { type LogEntry, LogTab } from './tabs/log';
import { DEFAULT_SETTINGS, type Settings } from './tabs/settings';
import { AGING_TAB, decodeWorkbook, planWrites, TAB_KEYS, TABS, type WorkbookChanges } from './workbook';

export const ALL_TAB_NAMES = [...TAB_KEYS.map((k) => TABS[k].name), AGING_TAB];

export type Face = CellContext['face'];

/** A workbook as one batched read returned it, decoded; a missing typed tab is refused with the way out. */
export function decodeLoaded(tabs: Record<string, RawTab>, timeZone: string, face: Face) {
  const missing = TAB_KEYS.map((k) => TABS[k].name).filter((name) => !tabs[name]);
  if (missing.length > 0)
    throw new DeskError(
      'MISSING_TAB',
      `The workbook has no ${missing.join(', ')} tab${missing.length > 1 ? 's' : ''}: run \`backorder-desk init\` (or Set up workbook) to add ${missing.length > 1 ? 'them' : 'it'}`,
    );
  return { raw: tabs, ...decodeWorkbook(tabs, { face, timeZone }) };
}

export type Loaded = ReturnType<typeof decodeLoaded>;

/** The tabs as a write plan leaves them (copies: the read is not touched), without reading them again. */
export function tabsAfter(
  tabs: Record<string, RawTab>,
  plan: Pick<WritePlan, 'patches' | 'newTabs'>,
): Record<string, RawTab> {
  const out: Record<string, RawTab> = {};
  for (const [name, tab] of Object.entries(tabs)) out[name] = { name, values: tab.values.map((r) => [...r]) };
  for (const t of plan.newTabs) out[t.name] = t;
  for (const p of plan.patches) {
    const tab = out[p.tab];
    if (tab) applyPatch(tab.values as never, p);
  }
  return out;
}

export interface WritePlan {
  readonly patches: TabPatch[];
  readonly newTabs: RawTab[];
}

/** One core command: every changed cell and the Log row, as patches. */
export function planAction(
  loaded: Loaded,
  command: Command,
  ctx: CommandContext,
): WritePlan & { result: CommandResult; changes: WorkbookChanges } {
  const outcome = runCommand(loaded.workbook, command, ctx);
  return {
    patches: planWrites(loaded.tabs, outcome.changes, 'engine', loaded.context),
    newTabs: [],
    result: outcome.result,
    changes: outcome.changes,
  };
}

/** The Aging tab rebuilt whole (created when missing), with its chart, and the Log row. */
export function planAging(loaded: Loaded, ctx: CommandContext): WritePlan & AgingSheet & { summary: string } {
  const { workbook, tabs, raw, context } = loaded;
  const report = computeAging(workbook, ctx.today);
  const sheet = renderAging(report);
  const summary = `${report.kpis.openBackorders} open backorders, ${report.kpis.qtyWaiting} units, ${report.kpis.overdue} overdue, ${report.stale.length} stale, ${report.lowStock.length} low-stock SKUs`;
  const entry = makeLogEntry(workbook.log, ctx, { action: 'aging', entity: AGING_TAB, summary });
  const patches = planWrites(tabs, { log: { updated: [], added: [entry] } }, 'engine', context);
  const aging = agingWrite(raw[AGING_TAB], sheet, workbook.config);
  return { patches: [...patches, ...aging.patches], newTabs: aging.newTabs, ...sheet, summary };
}

/**
 * How the Aging tab takes a report (Rebuild aging, the daily run, a sync): replaced whole with its
 * charts and its amounts in the workbook's currency when it shows anything else, created when missing, left as it is when it already shows
 * this report (a second rebuild the same day writes nothing).
 */
export function agingWrite(
  shown: RawTab | undefined,
  sheet: Pick<AgingSheet, 'values' | 'charts' | 'money'>,
  money: Pick<Settings, 'Currency' | 'CurrencyDigits'>,
): { patches: TabPatch[]; newTabs: RawTab[] } {
  const charts = agingCharts(sheet);
  const numberFormats = agingNumberFormats(sheet, money.Currency, money.CurrencyDigits);
  const grid = sheet.values;
  if (!shown) return { patches: [], newTabs: [{ name: AGING_TAB, values: grid, charts, numberFormats }] };
  if (sameGrid(shown.values, grid)) return { patches: [], newTabs: [] };
  return {
    patches: [{ tab: AGING_TAB, writes: [], appends: [], replace: grid, charts, numberFormats }],
    newTabs: [],
  };
}

/** Appends one Log row to a tab that exists, or is created, in this same write. */
export function logPatch(
  entry: LogEntry,
  existing: RawTab | undefined,
  newTabs: RawTab[],
  timeZone: string,
  face: Face = 'api',
): TabPatch | undefined {
  const ctx = { face, timeZone, currencyDigits: DEFAULT_SETTINGS.CurrencyDigits };
  const created = newTabs.find((t) => t.name === LogTab.name);
  const decoded = decodeTab(LogTab, created ?? existing ?? { name: LogTab.name, values: [[]] }, ctx);
  const patch = encodeChanges(decoded, { updated: [], added: [entry] }, 'engine', ctx);
  if (created) {
    for (const row of patch.appends) (created.values as unknown[][]).push(row); // no spread: appends can be 100,000+
    return undefined;
  }
  return patch;
}

/** `init` / Set up workbook: missing tabs, columns and settings, and a Log row when anything changed. */
export function planInit(
  tabs: Record<string, RawTab>,
  timeZone: string,
  ctx: CommandContext,
  face: Face = 'api',
): WritePlan & { report: string[] } {
  const plan = planSetup(tabs);
  if (plan.newTabs.length === 0 && plan.patches.length === 0)
    return { patches: [], newTabs: [], report: plan.report };
  const existingLog = tabs[LogTab.name];
  const idColumn = (existingLog?.values[0] ?? []).findIndex((h) => normalizeHeader(h) === 'logid');
  const ids = idColumn < 0 ? [] : (existingLog?.values ?? []).slice(1).map((r) => String(r[idColumn] ?? ''));
  const entry: LogEntry = {
    logId: formatId('LG', highestId('LG', ids) + 1),
    when: ctx.now,
    actor: ctx.actor,
    action: 'init',
    entity: 'Workbook',
    summary: plan.report.join('\n'),
    requestId: ctx.requestId,
    detail: '',
  };
  const newTabs = plan.newTabs.map((t) => ({ ...t, values: t.values.map((r) => [...r]) }));
  const patches = [...plan.patches];
  // The Log may itself be missing columns that this plan adds: log only into a Log tab that is complete.
  if (!plan.patches.some((p) => p.tab === LogTab.name)) {
    const patch = logPatch(entry, existingLog, newTabs, timeZone, face);
    if (patch) patches.push(patch);
  }
  return { patches, newTabs, report: plan.report };
}
