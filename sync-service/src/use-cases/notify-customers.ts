/**
 * `notify`: every customer notice due (shared/notify.ts) sent by e-mail, never twice. In batches:
 * the core records a batch as Pending (one write, logged), each message goes out paced, then the
 * core records every outcome (one write, logged; a Sent one gets its Calls row). A process that dies
 * between the two writes leaves Pending rows, which the next run marks Unconfirmed and never sends
 * again by itself. A stop-the-run failure (the server unreachable, the login refused) ends the run
 * after recording it; the notices not yet tried stay due. `--dry-run` reads and writes nothing.
 */

import type { SettleResult } from '../../../shared/commands/notify';
import type { CommandContext } from '../../../shared/desk';
import { commandTabs } from '../../../shared/io/read-plan';
import { templateProblems } from '../../../shared/notices';
import { dueNotices, refuseBadTemplates } from '../../../shared/notify';
import { planAction } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import type { IsoDate } from '../../../shared/primitives/dates';
import type { Notice } from '../../../shared/tabs/notifications';
import type { Mailer } from '../mail/smtp-mailer';
import { loadWorkbook } from './load';

export interface NotifyOptions {
  readonly dryRun?: boolean;
  /** Notices recorded Pending per batch: at most this many can end Unconfirmed after a crash. */
  readonly batch?: number;
  /** Milliseconds between two messages (mail servers throttle bursts). */
  readonly paceMs?: number;
}

export interface NotifyReport {
  readonly sent: { noticeId: string; kind: string; backorderId: string; to: string; subject: string }[];
  readonly failed: { noticeId: string; to: string; outcome: string; detail: string }[];
  /** What the core said: Unconfirmed leftovers, bad addresses. */
  readonly messages: string[];
  /** A dry run: the notices that would go. */
  readonly due: { kind: string; backorderId: string; to: string }[];
  /** Backorders whose customer has no address: a rep calls instead. */
  readonly noAddress: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BEGIN = { action: 'notify-begin' } as const;

export async function notifyCustomers(
  port: SpreadsheetPort,
  ctx: CommandContext,
  mailer: () => Mailer,
  options: NotifyOptions = {},
): Promise<NotifyReport> {
  const report: NotifyReport = { sent: [], failed: [], messages: [], due: [], noAddress: [] };
  if (options.dryRun) {
    const { workbook } = await loadWorkbook(port, commandTabs(BEGIN));
    await port.release?.();
    refuseBadTemplates(templateProblems(workbook.settings, (i) => i + 2));
    const plan = dueNotices(workbook, ctx.today as IsoDate);
    report.messages.push(...plan.problems);
    report.due.push(
      ...plan.due.map((d) => ({ kind: d.kind, backorderId: d.backorder.backorderId, to: d.to })),
    );
    report.noAddress.push(...plan.noAddress.map((b) => b.backorderId));
    return report;
  }
  let transport: Mailer | undefined;
  const tried: string[] = [];
  try {
    for (let round = 1; ; round++) {
      const loaded = await loadWorkbook(port, commandTabs(BEGIN));
      if (round === 1)
        report.noAddress.push(
          ...dueNotices(loaded.workbook, ctx.today as IsoDate).noAddress.map((b) => b.backorderId),
        );
      const begin = planAction(
        loaded,
        { ...BEGIN, limit: options.batch ?? 10, skip: tried },
        { ...ctx, requestId: `${ctx.requestId}:begin:${round}` },
      );
      report.messages.push(...begin.result.messages.filter((m) => !/^NT-\d+ /.test(m)));
      const pending = (begin.changes.notifications?.added ?? []) as Notice[];
      // Nothing due and nothing left Pending: no write, no Log row (a run every few minutes stays quiet).
      if (!begin.changes.notifications) {
        await port.release?.();
        break;
      }
      await port.write(begin.patches);
      if (pending.length === 0) break;
      tried.push(...pending.map((n) => n.backorderId));
      transport ??= mailer();
      const results: SettleResult[] = [];
      let stop = false;
      for (const [i, n] of pending.entries()) {
        if (i > 0 && options.paceMs) await sleep(options.paceMs);
        const sent = await transport.send({
          to: n.to,
          subject: n.subject,
          text: n.body,
          messageId: `<${n.noticeId}.${ctx.requestId}@backorder-desk>`,
        });
        results.push({
          noticeId: n.noticeId,
          outcome: sent.outcome === 'unknown' ? 'unconfirmed' : sent.outcome,
          detail: sent.detail,
        });
        if (sent.outcome === 'sent')
          report.sent.push({
            noticeId: n.noticeId,
            kind: n.kind,
            backorderId: n.backorderId,
            to: n.to,
            subject: n.subject,
          });
        else {
          report.failed.push({ noticeId: n.noticeId, to: n.to, outcome: sent.outcome, detail: sent.detail });
          if (sent.stop) {
            stop = true;
            // The ones not tried were not sent: due again next run.
            for (const rest of pending.slice(i + 1))
              results.push({
                noticeId: rest.noticeId,
                outcome: 'retry',
                detail: 'not tried: the run stopped',
              });
            break;
          }
        }
      }
      const settle = planAction(
        await loadWorkbook(port, commandTabs(BEGIN)),
        { action: 'notify-settle', results },
        { ...ctx, requestId: `${ctx.requestId}:settle:${round}` },
      );
      await port.write(settle.patches);
      if (stop || pending.length < (options.batch ?? 10)) break;
    }
  } finally {
    transport?.close();
  }
  return report;
}
