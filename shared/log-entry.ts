/**
 * Log rows for work that is not a command (init, import): who, what, when, with the next LogID.
 */
import type { CommandContext } from './desk';
import { formatId, highestId } from './ids';
import type { LogEntry } from './tabs/log';

export function makeLogEntry(
  log: readonly LogEntry[],
  ctx: CommandContext,
  fields: Pick<LogEntry, 'action' | 'entity' | 'summary'> & Partial<Pick<LogEntry, 'detail'>>,
): LogEntry {
  return {
    logId: formatId(
      'LG',
      highestId(
        'LG',
        log.map((l) => l.logId),
      ) + 1,
    ),
    when: ctx.now,
    actor: ctx.actor,
    requestId: ctx.requestId,
    detail: '',
    ...fields,
  };
}
