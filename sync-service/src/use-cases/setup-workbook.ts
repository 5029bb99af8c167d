/**
 * `init`: creates or upgrades every tab in one read and one write, and logs what it did.
 */
import { decodeTab, encodeChanges, type RawTab, type TabPatch } from '../../../shared/codec';
import { normalizeHeader } from '../../../shared/columns';
import type { CommandContext } from '../../../shared/desk';
import { formatId, highestId } from '../../../shared/ids';
import type { SpreadsheetPort } from '../../../shared/ports';
import { planSetup } from '../../../shared/setup';
import { type LogEntry, LogTab } from '../../../shared/tabs/log';
import { DEFAULT_SETTINGS } from '../../../shared/tabs/settings';
import { ALL_TAB_NAMES } from './load';

/** Appends one Log row to a tab that exists, or is created, in this same write. */
export function logPatch(
  entry: LogEntry,
  existing: RawTab | undefined,
  newTabs: RawTab[],
  timeZone: string,
): TabPatch | undefined {
  const ctx = { face: 'api' as const, timeZone, currencyDigits: DEFAULT_SETTINGS.CurrencyDigits };
  const created = newTabs.find((t) => t.name === LogTab.name);
  const decoded = decodeTab(LogTab, created ?? existing ?? { name: LogTab.name, values: [[]] }, ctx);
  const patch = encodeChanges(decoded, { updated: [], added: [entry] }, 'engine', ctx);
  if (created) {
    (created.values as unknown[][]).push(...patch.appends);
    return undefined;
  }
  return patch;
}

export async function setupWorkbook(port: SpreadsheetPort, ctx: CommandContext): Promise<string[]> {
  const { tabs, timeZone } = await port.read(ALL_TAB_NAMES);
  const plan = planSetup(tabs);
  if (plan.newTabs.length === 0 && plan.patches.length === 0) return plan.report;
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
    const patch = logPatch(entry, existingLog, newTabs, timeZone);
    if (patch) patches.push(patch);
  }
  await port.write(patches, newTabs);
  return plan.report;
}
