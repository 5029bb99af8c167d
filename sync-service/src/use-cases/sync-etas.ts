/**
 * One sync run for one spreadsheet: read every vendor feed, validate each row against the workbook's
 * POs (one read of the tabs a sync decides from: shared/io/read-plan.ts `SYNC_TABS`), apply the good ones through the core's `apply-etas` action (one read, one write, one Log row
 * holding the report), or with `dryRun` only say what would change. A feed that cannot be read is a
 * problem of that vendor, not the end of the run.
 */

import { applyChanges } from '../../../shared/apply-changes';
import { runCommand } from '../../../shared/commands/run';
import type { CommandContext } from '../../../shared/desk';
import { batchTabNames, SYNC_TABS } from '../../../shared/io/read-plan';
import { agingWrite } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import { DeskError } from '../../../shared/primitives/errors';
import { computeAging } from '../../../shared/reports/aging';
import { renderAging } from '../../../shared/reports/render-aging';
import type { Cell } from '../../../shared/sheet/cells';
import { type FeedProblem, readFeed, type VendorEta } from '../../../shared/vendor-etas';
import { AGING_TAB, planWrites } from '../../../shared/workbook';
import type { SyncConfig } from '../feeds/config';
import { readFeedRecords } from '../feeds/read-feed';
import { loadWorkbook } from './load';

export interface SyncReport {
  readonly applied: boolean;
  readonly etas: number;
  readonly problems: FeedProblem[];
  readonly messages: readonly string[];
  readonly changed: Readonly<Record<string, { updated: number; added: number }>>;
}

/** The "Sync issues" section under the Aging report: what the feeds said that was not applied. */
function syncIssues(problems: readonly FeedProblem[]): Cell[][] {
  if (problems.length === 0) return [];
  const shown = problems.slice(0, 200).map((p) => [p.vendor, p.row, p.field, p.value, p.reason] as Cell[]);
  const more = problems.length > 200 ? [[`(+${problems.length - 200} more in the Log)`]] : [];
  return [[], ['Sync issues'], ['Vendor', 'Feed row', 'Field', 'Value', 'Reason'], ...shown, ...more];
}

export async function syncEtas(
  port: SpreadsheetPort,
  config: SyncConfig & { baseDir: string },
  ctx: CommandContext,
  dryRun = false,
): Promise<SyncReport> {
  const { workbook, tabs, context, raw } = await loadWorkbook(port, batchTabNames(SYNC_TABS, [AGING_TAB]));
  const etas: VendorEta[] = [];
  const problems: FeedProblem[] = [];
  for (const feed of config.vendors) {
    try {
      const { records, columns, firstRow } = await readFeedRecords(feed, config.baseDir);
      const result = readFeed(feed, records, columns, workbook.pos, ctx.today, firstRow);
      // A loop, not push(...): a feed with 130,000 bad rows would overflow the call stack.
      for (const eta of result.etas) etas.push(eta);
      for (const p of result.problems) problems.push(p);
    } catch (e) {
      if (!(e instanceof DeskError)) throw e;
      problems.push({ vendor: feed.vendor, row: 0, field: '', value: '', reason: e.message });
    }
  }
  const outcome = runCommand(workbook, { action: 'apply-etas', etas }, ctx);
  const report = problems
    .slice(0, 50)
    .map((p) => `${p.vendor} row ${p.row} ${p.field} "${p.value}": ${p.reason}`);
  // A run that changes nothing and finds the problems the last sync logged writes nothing at all.
  const lastSync = [...workbook.log].reverse().find((l) => l.action === 'sync');
  const sameProblems =
    (lastSync?.summary.split('\n').filter((s) => report.includes(s)).length ?? -1) === report.length;
  // The Aging tab follows the new dates, with the run's problems as its "Sync issues" section.
  const aging = renderAging(
    computeAging(applyChanges(workbook, outcome.changes), ctx.today),
    syncIssues(problems),
  ).values;
  const agingWrites = agingWrite(raw[AGING_TAB], aging, workbook.config.AgingBuckets.length);
  const agingChanged = agingWrites.patches.length + agingWrites.newTabs.length > 0;
  const nothing =
    Object.keys(outcome.result.changed).length === 0 &&
    (problems.length === 0 || sameProblems) &&
    !agingChanged;
  if (!dryRun && !nothing) {
    const log = outcome.log && {
      ...outcome.log,
      action: 'sync',
      summary: [
        outcome.log.summary,
        `${problems.length} feed problem(s)`,
        ...report,
        problems.length > 50 ? `(+${problems.length - 50} more)` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    };
    const changes = log ? { ...outcome.changes, log: { updated: [], added: [log] } } : outcome.changes;
    const patches = [...planWrites(tabs, changes, ['sync', 'engine'], context), ...agingWrites.patches];
    await port.write(patches, agingWrites.newTabs);
  }
  return {
    applied: !dryRun && !nothing,
    etas: etas.length,
    problems,
    messages: outcome.result.messages,
    changed: outcome.result.changed,
  };
}
