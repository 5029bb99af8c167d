/**
 * One sync run for one spreadsheet: read every vendor feed, validate each row against the workbook's
 * POs (one read of the tabs a sync decides from: shared/io/read-plan.ts `SYNC_TABS`), and write what
 * shared/sync-run.ts plans (the good ETAs applied, the Aging tab, one Log row holding the report), or
 * with `dryRun` only say what would change. A feed that cannot be read is a problem of that vendor,
 * not the end of the run.
 */

import type { CommandContext } from '../../../shared/desk';
import { batchTabNames, batchTails, SYNC_TABS } from '../../../shared/io/read-plan';
import type { SpreadsheetPort } from '../../../shared/ports';
import { DeskError } from '../../../shared/primitives/errors';
import { planSync } from '../../../shared/sync-run';
import { type FeedProblem, readFeed, type VendorEta } from '../../../shared/vendor-etas';
import { AGING_TAB } from '../../../shared/workbook';
import type { SyncConfig } from '../feeds/config';
import { readFeedRecords } from '../feeds/read-feed';
import { decodeNamed } from './load';

export interface SyncReport {
  readonly applied: boolean;
  readonly etas: number;
  readonly problems: FeedProblem[];
  readonly messages: readonly string[];
  readonly changed: Readonly<Record<string, { updated: number; added: number }>>;
}

export async function syncEtas(
  port: SpreadsheetPort,
  config: SyncConfig & { baseDir: string },
  ctx: CommandContext,
  dryRun = false,
): Promise<SyncReport> {
  // The Log and Calls by their last rows: a sync adds to them and decides nothing from their past.
  const names = batchTabNames(SYNC_TABS, [AGING_TAB]);
  const read = await port.read(names, batchTails(SYNC_TABS));
  const loaded = decodeNamed(read.tabs, names, read.timeZone);
  const { workbook } = loaded;
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
  const plan = planSync(
    loaded,
    etas,
    problems,
    read.highestIds ? { ...ctx, highestIds: read.highestIds } : ctx,
  );
  if (!dryRun && !plan.nothing) await port.write(plan.patches, plan.newTabs);
  return {
    applied: !dryRun && !plan.nothing,
    etas: etas.length,
    problems,
    messages: plan.messages,
    changed: plan.changed,
  };
}
