/**
 * `backorder-desk sync`: vendor ETAs in, once (for cron or a scheduler) or `--every MINUTES` until
 * SIGTERM or SIGINT, which let the run in flight finish. `--dry-run` says what would change and
 * writes nothing; `--json` prints each run's report; `--notify` then sends the customer notices due
 * (a slipped date's among them) in the same run, under the same lease.
 */
import { randomUUID } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../shared/desk';
import type { SpreadsheetPort } from '../shared/ports';
import { DeskError } from '../shared/primitives/errors';
import { cellBudget } from '../shared/sheet/grid-plan';
import { loadSyncConfig, type SyncConfig } from '../sync-service/src/feeds/config';
import { takeLease } from '../sync-service/src/feeds/lease';
import { runEvery } from '../sync-service/src/use-cases/every';
import { syncEtas } from '../sync-service/src/use-cases/sync-etas';
import { type Options, UsageError } from './args';
import type { Io } from './io';
import { sendNotices } from './notify-command';

function stopOnSignals(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return controller.signal;
}

/** How long a sync run's lease on a spreadsheet lasts; the run renews it while it works. */
const LEASE_MS = 2 * 60_000;

/** A failure as one line for a person or a log: a refusal's reason, else the error's kind only. */
function failure(e: unknown): string {
  return e instanceof DeskError ? e.message : `internal error (${e instanceof Error ? e.name : typeof e})`;
}

/**
 * `ports`: the spreadsheets to sync, by name — the one of --workbook/--spreadsheet, or every
 * spreadsheet of the configuration. Each run takes each spreadsheet's lease first and skips one that
 * another instance holds; a run that skipped or failed one exits 1 (once) after reporting every one.
 */
export async function syncCommand(
  ports: (config: SyncConfig) => { name: string; port: SpreadsheetPort }[],
  options: Options,
  ctx: CommandContext,
  io: Io,
): Promise<number> {
  if (!options.feeds) throw new UsageError('sync needs --feeds FILE (the vendor feed configuration)');
  const config = await loadSyncConfig(resolve(io.cwd, options.feeds));
  const dryRun = options['dry-run'] === true;
  const leases = io.env.BACKORDER_DESK_LEASES ?? join(tmpdir(), 'backorder-desk-leases');
  const holder = `${hostname()}:${process.pid}`;
  const targets = ports(config);
  if (targets.length === 0)
    throw new UsageError(
      'sync needs --workbook FILE, --spreadsheet ID, or "spreadsheets" in the configuration',
    );
  /** One run over every target; a failure or a skip is reported and the run goes on to the next. */
  const once = async (): Promise<boolean> => {
    let whole = true;
    for (const { name, port } of targets) {
      const lease = await takeLease(leases, name, holder, LEASE_MS);
      if (typeof lease === 'string') {
        whole = false;
        io.stdout(
          options.json
            ? `${JSON.stringify({ spreadsheet: name, skipped: `leased by ${lease}` })}\n`
            : `sync ${name}: skipped, leased by ${lease}\n`,
        );
        continue;
      }
      try {
        // Google's 10 million cells: warned from 80 %; from 99 % this spreadsheet is not read at all.
        const used = await port.cellsUsed?.();
        const budget = used === undefined ? undefined : cellBudget(used);
        if (budget?.level === 'full') throw new DeskError('REFUSED', budget.message);
        if (budget?.level === 'warn') io.stderr(`warning: sync ${name}: ${budget.message}\n`);
        const report = await syncEtas(
          port,
          config,
          { ...ctx, requestId: options['request-id'] ?? randomUUID() },
          dryRun,
        );
        if (options.json) io.stdout(`${JSON.stringify({ spreadsheet: name, ...report })}\n`);
        else {
          io.stdout(
            `sync ${name}: ${report.etas} ETA(s) read; ${report.applied ? 'applied' : dryRun ? 'dry run, nothing written' : 'nothing new to write'}\n`,
          );
          for (const m of report.messages) io.stdout(`  ${m}\n`);
          for (const p of report.problems)
            io.stdout(`  problem: ${p.vendor} row ${p.row} ${p.field} "${p.value}": ${p.reason}\n`);
        }
        // The customers whose dates this run moved hear of it in the same run (`--notify`).
        if (options.notify && !dryRun) {
          const sent = await sendNotices(port, { ...ctx, requestId: `${randomUUID()}:notify` }, io, false);
          if (sent.failed.length > 0) whole = false;
          io.stdout(
            options.json
              ? `${JSON.stringify({ spreadsheet: name, notify: sent })}\n`
              : `notify ${name}: ${sent.sent.length} notice(s) sent, ${sent.failed.length} not sent\n`,
          );
        }
      } catch (e) {
        // One spreadsheet's failure (a missing tab, a refused credential, a hung server) does not stop
        // the others: it is reported with its name, and the run's exit code says not everything synced.
        if (targets.length === 1) throw e;
        whole = false;
        const reason = failure(e);
        if (options.json) io.stdout(`${JSON.stringify({ spreadsheet: name, failed: reason })}\n`);
        else io.stdout(`sync ${name}: failed: ${reason}\n`);
      } finally {
        await port.release?.();
        await lease.release();
      }
    }
    return whole;
  };
  // A run that skipped or failed a spreadsheet exits 1, so a scheduler sees that something did not sync.
  if (!options.every) return (await once()) ? 0 : 1;
  const minutes = Number(options.every);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new UsageError(`--every must be a number of minutes, got "${options.every}"`);
  const runs = await runEvery({
    minutes,
    signal: io.stop ?? stopOnSignals(),
    runOnce: async () => void (await once()),
    onError: (e) => {
      const reason = failure(e);
      io.stderr(
        options.json
          ? `${JSON.stringify({ severity: 'ERROR', level: 'error', event: 'sync.run.failed', reason })}\n`
          : `backorder-desk: sync run failed: ${reason}\n`,
      );
    },
  });
  io.stdout(
    options.json
      ? `${JSON.stringify({ severity: 'INFO', level: 'info', event: 'sync.stopped', runs })}\n`
      : `sync stopped after ${runs} run(s)\n`,
  );
  return 0;
}
