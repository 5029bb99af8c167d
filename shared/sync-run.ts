/**
 * One vendor-feed sync of one workbook, decided: the ETAs the feeds gave go through the core's
 * `apply-etas` action; the Aging tab follows the new dates with the run's problems as its "Sync
 * issues" section; the Log row holds the report (the first 50 problems). A run that changes nothing
 * and finds only the problems the last sync logged writes nothing at all, so a quiet feed leaves
 * no trace. Pure: the `sync` use-case reads the feeds and the workbook, then writes what this plans.
 */
import { applyChanges } from './apply-changes';
import { runCommand } from './commands/run';
import type { CommandContext } from './desk';
import { agingWrite, type Loaded } from './plans';
import { computeAging } from './reports/aging';
import { renderAging } from './reports/render-aging';
import type { Cell } from './sheet/cells';
import type { RawTab, TabPatch } from './sheet/codec';
import type { FeedProblem, VendorEta } from './vendor-etas';
import { AGING_TAB, planWrites } from './workbook';

/** Problems a Log row and the Aging tab list in full; the rest are counted. */
const LOGGED = 50;
const SHOWN = 200;

export interface SyncPlan {
  /** Nothing to write: no change, no new problem, the Aging tab as it is. */
  readonly nothing: boolean;
  readonly patches: TabPatch[];
  readonly newTabs: RawTab[];
  readonly messages: readonly string[];
  readonly changed: Readonly<Record<string, { updated: number; added: number }>>;
}

/** The "Sync issues" section under the Aging report: what the feeds said that was not applied. */
function syncIssues(problems: readonly FeedProblem[]): Cell[][] {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, SHOWN).map((p) => [p.vendor, p.row, p.field, p.value, p.reason] as Cell[]);
  const more = problems.length > SHOWN ? [[`(+${problems.length - SHOWN} more in the Log)`]] : [];
  return [[], ['Sync issues'], ['Vendor', 'Feed row', 'Field', 'Value', 'Reason'], ...shown, ...more];
}

export function planSync(
  loaded: Loaded,
  etas: VendorEta[],
  problems: readonly FeedProblem[],
  ctx: CommandContext,
): SyncPlan {
  const { workbook, tabs, context, raw } = loaded;
  const outcome = runCommand(workbook, { action: 'apply-etas', etas }, ctx);
  const report = problems
    .slice(0, LOGGED)
    .map((p) => `${p.vendor} row ${p.row} ${p.field} "${p.value}": ${p.reason}`);
  const lastSync = [...workbook.log].reverse().find((l) => l.action === 'sync');
  const sameProblems =
    (lastSync?.summary.split('\n').filter((s) => report.includes(s)).length ?? -1) === report.length;
  const aging = renderAging(
    computeAging(applyChanges(workbook, outcome.changes), ctx.today),
    syncIssues(problems),
  );
  const agingWrites = agingWrite(raw[AGING_TAB], aging, workbook.config);
  const agingChanged = agingWrites.patches.length + agingWrites.newTabs.length > 0;
  const nothing =
    Object.keys(outcome.result.changed).length === 0 &&
    (problems.length === 0 || sameProblems) &&
    !agingChanged;
  const log = outcome.log && {
    ...outcome.log,
    action: 'sync',
    summary: [
      outcome.log.summary,
      `${problems.length} feed problem(s)`,
      ...report,
      problems.length > LOGGED ? `(+${problems.length - LOGGED} more)` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  };
  const changes = log ? { ...outcome.changes, log: { updated: [], added: [log] } } : outcome.changes;
  return {
    nothing,
    patches: nothing
      ? []
      : [...planWrites(tabs, changes, ['sync', 'engine'], context), ...agingWrites.patches],
    newTabs: nothing ? [] : agingWrites.newTabs,
    messages: outcome.result.messages,
    changed: outcome.result.changed,
  };
}
