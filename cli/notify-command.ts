/**
 * `notify` and `follow-ups`: the customer e-mails due (sent by SMTP, never twice:
 * sync-service/src/use-cases/notify-customers.ts) and the list of whom each rep should contact
 * today (shared/follow-ups.ts). Text for a person by default, one JSON object with `--json`.
 */

import type { CommandContext } from '../shared/desk';
import { followUpsDue } from '../shared/follow-ups';
import type { SpreadsheetPort } from '../shared/ports';
import type { IsoDate } from '../shared/primitives/dates';
import { smtpMailer } from '../sync-service/src/mail/smtp-mailer';
import { loadWorkbook } from '../sync-service/src/use-cases/load';
import { type NotifyReport, notifyCustomers } from '../sync-service/src/use-cases/notify-customers';
import { type Options, UsageError } from './args';
import type { Io } from './io';

const FOLLOW_UP_TABS = ['Backorders', 'Notifications', 'Settings'];

/** Milliseconds between two messages: BACKORDER_DESK_MAIL_PACE_MS, 1,000 unless set. */
function mailPace(io: Io): number {
  const pace = io.env.BACKORDER_DESK_MAIL_PACE_MS ?? '1000';
  if (!/^\d+$/.test(pace))
    throw new UsageError(`BACKORDER_DESK_MAIL_PACE_MS must be a whole number of milliseconds, got "${pace}"`);
  return Number(pace);
}

/** The notices due on `port`, sent (or, on a dry run, listed): what `notify` and `sync --notify` report. */
export function sendNotices(
  port: SpreadsheetPort,
  ctx: CommandContext,
  io: Io,
  dryRun: boolean,
): Promise<NotifyReport> {
  return notifyCustomers(port, ctx, () => smtpMailer(io.env), { dryRun, paceMs: mailPace(io) });
}

export async function notifyCommand(
  port: SpreadsheetPort,
  options: Options,
  ctx: CommandContext,
  io: Io,
): Promise<number> {
  const report = await sendNotices(port, ctx, io, options['dry-run'] === true);
  if (options.json) io.stdout(`${JSON.stringify(report)}\n`);
  else {
    for (const m of report.messages) io.stdout(`note: ${m}\n`);
    for (const d of report.due) io.stdout(`would send: ${d.kind} ${d.backorderId} → ${d.to}\n`);
    for (const s of report.sent)
      io.stdout(`sent: ${s.noticeId} ${s.kind} ${s.backorderId} → ${s.to}: ${s.subject}\n`);
    for (const f of report.failed)
      io.stdout(`not sent (${f.outcome}): ${f.noticeId} → ${f.to}: ${f.detail}\n`);
    if (report.noAddress.length > 0)
      io.stdout(`no e-mail address (call instead): ${report.noAddress.join(', ')}\n`);
    const total = options['dry-run'] ? report.due.length : report.sent.length;
    io.stdout(
      `${total} notice(s) ${options['dry-run'] ? 'due' : 'sent'}, ${report.failed.length} not sent\n`,
    );
  }
  return report.failed.length > 0 ? 1 : 0;
}

export async function followUpsCommand(
  port: SpreadsheetPort,
  options: Options,
  ctx: CommandContext,
  io: Io,
): Promise<number> {
  const { workbook } = await loadWorkbook(port, FOLLOW_UP_TABS);
  await port.release?.();
  const items = followUpsDue(workbook, ctx.today as IsoDate, options.rep);
  if (options.json) io.stdout(`${JSON.stringify({ today: ctx.today, items })}\n`);
  else {
    let rep: string | undefined;
    for (const f of items) {
      if (f.rep !== rep) io.stdout(`${f.rep || '(no rep)'}\n`);
      rep = f.rep;
      io.stdout(`  ${f.backorderId}  ${f.customer}  ${f.orderId}  ${f.why}\n`);
    }
    io.stdout(`${items.length} follow-up(s) due ${ctx.today}${options.rep ? ` for ${options.rep}` : ''}\n`);
  }
  return 0;
}
