/**
 * Log rows for work that is not a command (init, import, Aging, an export): who, what, when, with the
 * next LogID above those given and any the caller knows of (`ctx.highestIds`).
 */
import type { CommandContext } from './desk';
import { formatId, highestId } from './primitives/ids';
import type { LogEntry } from './tabs/log';

export function makeLogEntry(
  log: readonly LogEntry[],
  ctx: CommandContext,
  fields: Pick<LogEntry, 'action' | 'entity' | 'summary'> & Partial<Pick<LogEntry, 'detail'>>,
): LogEntry {
  return {
    logId: formatId(
      'LG',
      Math.max(
        highestId(
          'LG',
          log.map((l) => l.logId),
        ),
        ctx.highestIds?.['LG-'] ?? 0,
      ) + 1,
    ),
    when: ctx.now,
    actor: ctx.actor,
    requestId: ctx.requestId,
    detail: '',
    ...fields,
  };
}
