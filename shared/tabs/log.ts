/**
 * Log tab: one row per applied action: who, what, when, a before/after summary and the RequestID
 * that makes the action idempotent. Detail holds the before-images of changed rows (JSON) so an
 * action can be explained and undone.
 */
import { defineTab, id, type RecordOf, text, timestamp } from '../sheet/columns';

export const LogTab = defineTab(
  'Log',
  {
    logId: id('LogID', 'engine', { required: true }),
    when: timestamp('When', 'engine'),
    actor: text('Actor', 'engine'),
    action: text('Action', 'engine'),
    entity: text('Entity', 'engine'),
    summary: text('Summary', 'engine'),
    requestId: text('RequestID', 'engine'),
    detail: text('Detail', 'engine'),
  },
  ['logId'],
);
export type LogEntry = RecordOf<typeof LogTab.columns>;
