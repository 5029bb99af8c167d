/**
 * Errors of the domain core. A `DeskError` is thrown only for refusals that stop a whole command
 * (bad input, a broken invariant, stale data, an unknown id); expected shortfalls are results, not errors.
 * Every error carries a stable `code` so each edge (CLI, sidebar, sync) can render it its own way.
 */

export type DeskErrorCode =
  | 'BAD_INPUT'
  | 'BAD_CELL'
  | 'MISSING_COLUMN'
  /** A typed tab the workbook lacks (Set up / init adds it). */
  | 'MISSING_TAB'
  | 'NOT_FOUND'
  | 'STALE'
  | 'INVARIANT'
  /** A business rule or a limit refused the command. */
  | 'REFUSED'
  /** Another process's action holds the workbook: nothing changed; the same command may run again. */
  | 'BUSY'
  /** Google refused or failed: credentials, permission, quota, an outage, no answer. */
  | 'GOOGLE'
  | 'NOT_AVAILABLE';

export class DeskError extends Error {
  readonly code: DeskErrorCode;
  /** One line per problem, e.g. every bad row of an import. */
  readonly details: readonly string[];

  constructor(code: DeskErrorCode, message: string, details: readonly string[] = []) {
    super(details.length > 0 ? `${message}\n${details.map((d) => `  ${d}`).join('\n')}` : message);
    this.name = 'DeskError';
    this.code = code;
    this.details = details;
  }
}

/** Throws a REFUSED error unless `condition` holds. */
export function refuseUnless(condition: unknown, message: string): asserts condition {
  if (!condition) throw new DeskError('REFUSED', message);
}
