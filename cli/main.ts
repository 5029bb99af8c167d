import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FileSpreadsheet } from '../local-store/file-spreadsheet';
import { isIsoDate } from '../shared/primitives/dates';
import { DeskError } from '../shared/primitives/errors';
import { DEFAULT_SETTINGS } from '../shared/tabs/settings';
import { DEFAULT_RETRY, Retrier } from '../sync-service/src/sheets/retry';
import { SheetsSpreadsheet } from '../sync-service/src/sheets/sheets-spreadsheet';
import { archiveWorkbook } from '../sync-service/src/use-cases/archive-workbook';
import { checkWorkbook } from '../sync-service/src/use-cases/check-workbook';
import { importCsv } from '../sync-service/src/use-cases/import-csv';
import { rebuildAging } from '../sync-service/src/use-cases/rebuild-aging';
import { renderDocument } from '../sync-service/src/use-cases/render-document';
import { runAction } from '../sync-service/src/use-cases/run-action';
import { setupWorkbook } from '../sync-service/src/use-cases/setup-workbook';
import { commandFromFlags, type Options, parseCommandLine, USAGE, UsageError } from './args';
import { printCheck } from './check-output';
import { context, packageVersion, renderResult } from './context';
import { exportCommand, invoicesCommand, output } from './export-command';
import type { Io } from './io';
import { heedLimits } from './limits';
import { followUpsCommand, notifyCommand } from './notify-command';
import { lockWait, openWorkbook, sheetsClient } from './open-workbook';
import { withProgress } from './progress';
import { syncCommand } from './sync-command';

export type { Io } from './io';

async function dispatch(positionals: string[], options: Options, io: Io): Promise<number> {
  const [command, action] = positionals;
  if (options.version) {
    io.stdout(`${await packageVersion()}\n`);
    return 0;
  }
  // Asked for, the usage is the output (exit 0); given no command, it is a usage error (stderr, exit 2).
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (!command) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const known = [
    'init',
    'import',
    'export',
    'do',
    'check',
    'aging',
    'invoices',
    'archive',
    'document',
    'sync',
    'notify',
    'follow-ups',
  ];
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (command === 'do' && !action) throw new UsageError('do needs an ACTION, e.g. `do allocate`');
  const command_ = command === 'do' ? commandFromFlags(action as string, options) : undefined;
  if (command === 'sync' && !options.workbook && !options.spreadsheet) {
    // The scheduled service: every spreadsheet of the configuration, each through its own port.
    const ctx = context(options, io, DEFAULT_SETTINGS.TimeZone);
    const client = await sheetsClient(io.env);
    return syncCommand(
      (config) =>
        config.spreadsheets.map((id) => ({
          name: id,
          port: new SheetsSpreadsheet(client, id, new Retrier({ ...DEFAULT_RETRY, ...io.retry })),
        })),
      options,
      ctx,
      io,
    );
  }
  const opened = await openWorkbook(
    options,
    io,
    action && command === 'do' ? `do ${action}` : command,
    // A new workbook starts with init or with its first import (PRODUCT.md section 7: created when
    // missing); a command that only reads or acts on what is there refuses a missing file.
    command === 'init' || command === 'import',
  );
  try {
    return await runCommand(command, command_, opened, options, io);
  } finally {
    // Whatever happened, the workbook's lock is not kept past the command.
    await opened.file?.release();
  }
}

async function runCommand(
  command: string,
  command_: ReturnType<typeof commandFromFlags> | undefined,
  opened: Awaited<ReturnType<typeof openWorkbook>>,
  options: Options,
  io: Io,
): Promise<number> {
  const { port } = opened;
  const ctx = context(options, io, opened.timeZone);
  // Google's cells or the file's text: a warning from 80 %, and when full only the ways out run.
  const { cells: budget, text } = await heedLimits(port, opened.file, command, io);
  // PRODUCT.md section 7: the workbook file is created when missing, whatever the command.
  if (opened.created && command !== 'init')
    await setupWorkbook(port, { ...ctx, requestId: `${ctx.requestId}:init` });
  switch (command) {
    case 'init': {
      const report = await setupWorkbook(port, ctx);
      io.stdout(
        options.json
          ? `${JSON.stringify({ workbook: opened.label, created: opened.created, report })}\n`
          : `${opened.label}: ${opened.created ? 'created' : 'set up'}\n${report.map((r) => `  ${r}`).join('\n')}\n`,
      );
      return 0;
    }
    case 'import': {
      if (!options.tab || !options.csv) throw new UsageError('import needs --tab TAB and --csv FILE');
      const text = await readFile(resolve(io.cwd, options.csv), 'utf8');
      const summary = await importCsv(port, options.tab, text, options.csv, ctx, {
        opening: options.opening === true,
      });
      // Stock checked at entry (000 step 1): the new lines join the queue now, not at the next Allocate all.
      const allocated =
        options.allocate === true
          ? await runAction(port, { action: 'allocate' }, { ...ctx, requestId: `${ctx.requestId}:allocate` })
          : undefined;
      if (options.json)
        io.stdout(`${JSON.stringify({ imported: summary, ...(allocated ? { allocated } : {}) })}\n`);
      else io.stdout(`${summary}\n${allocated ? renderResult(allocated) : ''}`);
      return 0;
    }
    case 'export':
      return exportCommand(opened, options, ctx, io);
    case 'invoices':
      return invoicesCommand(port, options, ctx, io);
    case 'sync':
      return syncCommand(() => [{ name: opened.label, port }], options, ctx, io);
    case 'archive': {
      if (!options.before || !isIsoDate(options.before) || !options.to)
        throw new UsageError('archive needs --before YYYY-MM-DD and --to FILE');
      const target = await FileSpreadsheet.open(
        resolve(io.cwd, options.to),
        'Backorder Desk archive',
        'backorder-desk archive',
        lockWait(io),
      );
      const summary = await archiveWorkbook(port, target, options.before, ctx).finally(() =>
        target.release(),
      );
      io.stdout(
        options.json
          ? `${JSON.stringify({ archivedTo: options.to, summary })}\n`
          : `archived to ${options.to}: ${summary}\n`,
      );
      return 0;
    }
    case 'notify':
      return notifyCommand(port, options, ctx, io);
    case 'follow-ups':
      return followUpsCommand(port, options, ctx, io);
    case 'document': {
      await output(options, io, await renderDocument(port, options, ctx.today));
      return 0;
    }
    case 'aging': {
      const sheet = await rebuildAging(port, ctx);
      io.stdout(
        options.json
          ? `${JSON.stringify({ summary: sheet.summary, chart: sheet.chart })}\n`
          : `Aging rebuilt: ${sheet.summary}\n`,
      );
      return 0;
    }
    case 'check': {
      const report = await checkWorkbook(port, ctx, options.repair === true);
      if (options.json)
        io.stdout(
          `${JSON.stringify({ ...report, ...(budget ? { cells: budget } : {}), ...(text ? { file: text } : {}) })}\n`,
        );
      else printCheck(report, io, budget, text);
      return report.problems.length > 0 && !options.repair ? 1 : 0;
    }
    default: {
      const result = await runAction(port, command_ as NonNullable<typeof command_>, ctx, {
        firstTry: options['request-id'] === undefined,
      });
      io.stdout(options.json ? `${JSON.stringify(result)}\n` : renderResult(result));
      return 0;
    }
  }
}

/** File system refusals a person can act on (a path, a permission, a full disk): no stack trace. */
const FILE_ERRORS = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EMFILE',
  'ENAMETOOLONG',
]);

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: readonly string[], given: Io): Promise<number> {
  let stop = () => {};
  let io = given;
  try {
    const { positionals, options } = parseCommandLine(argv);
    // A person at a terminal sees long work going on; `sync --every` reports each run itself.
    const long = positionals.length > 0 && !(positionals[0] === 'sync' && options.every);
    ({ io, stop } = withProgress(
      given,
      long ? `backorder-desk ${positionals.slice(0, 2).join(' ')}` : undefined,
    ));
    return await dispatch(positionals, options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`backorder-desk: ${e.message}\n(run \`backorder-desk --help\` for usage)\n`);
      return 2;
    }
    if (e instanceof DeskError) {
      io.stderr(`backorder-desk: ${e.message}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (FILE_ERRORS.has(err.code ?? '')) {
      // Writes go to a temporary file first, so a full disk or a bad path leaves the workbook as it was.
      io.stderr(`backorder-desk: ${err.message}; the workbook was not changed\n`);
      return 1;
    }
    if (err instanceof Error && /is not (a valid )?(a )?Backorder Desk workbook/.test(err.message)) {
      io.stderr(`backorder-desk: ${err.message}\n`);
      return 1;
    }
    io.stderr(
      `backorder-desk: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 1;
  } finally {
    stop();
  }
}
