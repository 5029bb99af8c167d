/**
 * What an execution would cost in real Apps Script, from what the twin counted: in Apps Script time
 * follows the service calls made and the cells they move, plus a round trip per `google.script.run`
 * and a commit of the writes at the end. Three parameter sets from published measurements
 * (docs/twin.md, "Cost model"): `low` the fastest reported, `high` the slowest, `central` between.
 */
import type { CostParameters } from '../../shared/io/cost-parameters';
import type { CallCounter } from './counter';

export const COST: Readonly<Record<'low' | 'central' | 'high', CostParameters>> = {
  low: {
    roundTrip: 0.3,
    perDataCall: 0.06,
    perMetaCall: 0.02,
    perSessionCall: 0.02,
    perWriteCall: 0.03,
    perLocalCall: 0.001,
    perCellRead: 5e-6,
    perCellWritten: 30e-6,
    commit: 0.3,
    perScannedCell: 1e-6,
  },
  central: {
    roundTrip: 0.6,
    perDataCall: 0.1,
    perMetaCall: 0.06,
    perSessionCall: 0.06,
    perWriteCall: 0.06,
    perLocalCall: 0.003,
    perCellRead: 10e-6,
    perCellWritten: 60e-6,
    commit: 0.45,
    perScannedCell: 2.5e-6,
  },
  high: {
    roundTrip: 1.5,
    perDataCall: 0.16,
    perMetaCall: 0.1,
    perSessionCall: 0.1,
    perWriteCall: 0.1,
    perLocalCall: 0.16,
    perCellRead: 20e-6,
    perCellWritten: 100e-6,
    commit: 0.6,
    perScannedCell: 5e-6,
  },
};

/**
 * Methods that make a range or read its coordinates, and a TextFinder before its search: Apps Script
 * answers them without a trip to the spreadsheet (docs/twin.md, "Cost model"). The sets below name
 * methods; a counted kind is `Class.method`.
 */
export const LOCAL_CALLS: ReadonlySet<string> = new Set([
  'getRange',
  'getRow',
  'getColumn',
  'getNumRows',
  'getNumColumns',
  'getA1Notation',
  'getSheet',
  'createTextFinder',
]);

/**
 * Calls about the execution itself, as counted (`Class.method`): every action makes each once
 * (addon/src/server.ts, who-when.ts). Priced as metadata calls until a real Sheet times them.
 */
export const SESSION_CALLS: ReadonlySet<string> = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'LockService.getDocumentLock',
  'Lock.tryLock',
  'Lock.waitLock',
  'Lock.releaseLock',
  'Session.getActiveUser',
  'Session.getEffectiveUser',
]);

/** Methods that fetch data: values, formulas, notes, formats, a search, the extent of the data. */
export const DATA_CALLS: ReadonlySet<string> = new Set([
  'getValues',
  'getFormulas',
  'getNotes',
  'getNumberFormat',
  'getDataValidation',
  'getLastRow',
  'getLastColumn',
  'getDataRange',
  'findAll',
]);

/** Methods that change the spreadsheet (or force its pending changes through: flush). */
export const WRITE_CALLS: ReadonlySet<string> = new Set([
  'setValues',
  'setFormulas',
  'setNote',
  'setNotes',
  'setNumberFormat',
  'clearFormat',
  'setDataValidation',
  'clearContent',
  'protect',
  'remove',
  'activate',
  'appendRow',
  'deleteRow',
  'insertRowsAfter',
  'insertColumnsAfter',
  'setFrozenRows',
  'hideSheet',
  'setName',
  'insertChart',
  'updateChart',
  'setConditionalFormatRules',
  'insertSheet',
  'deleteSheet',
  'setNamedRange',
  'flush',
]);

/** A counted call's class, by its method (`Range.getValues` → data). */
export function callClass(kind: string): 'local' | 'data' | 'write' | 'meta' | 'session' {
  if (SESSION_CALLS.has(kind)) return 'session';
  const method = kind.slice(kind.lastIndexOf('.') + 1);
  if (LOCAL_CALLS.has(method)) return 'local';
  if (DATA_CALLS.has(method)) return 'data';
  if (WRITE_CALLS.has(method)) return 'write';
  return 'meta';
}

/** What `counter` recorded, by class of call. */
export function callsByClass(
  counter: CallCounter,
): Record<'local' | 'data' | 'write' | 'meta' | 'session', number> {
  const out = { local: 0, data: 0, write: 0, meta: 0, session: 0 };
  for (const [kind, n] of Object.entries(counter.counts)) out[callClass(kind)] += n;
  return out;
}

/** Estimated seconds of what `counter` recorded, as `executions` calls from the sidebar or menu. */
export function estimateSeconds(counter: CallCounter, executions = 1): Record<keyof typeof COST, number> {
  const calls = callsByClass(counter);
  const out = {} as Record<keyof typeof COST, number>;
  for (const [name, p] of Object.entries(COST) as [keyof typeof COST, CostParameters][])
    out[name] =
      Math.round(
        (executions * p.roundTrip +
          calls.data * p.perDataCall +
          calls.meta * p.perMetaCall +
          calls.session * p.perSessionCall +
          calls.write * p.perWriteCall +
          calls.local * p.perLocalCall +
          counter.cells.read * p.perCellRead +
          counter.cells.written * p.perCellWritten +
          counter.cells.scanned * p.perScannedCell +
          (counter.cells.written > 0 ? p.commit : 0)) *
          100,
      ) / 100;
  return out;
}
