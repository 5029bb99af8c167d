/**
 * What a call costs in Apps Script, as parameters: the twin's cost model prices an execution with
 * them (twin/apps-script/cost-model.ts, three sets from published measurements) and `measureSpeed`
 * measures them on a real Sheet (addon/src/measure.ts), so the two name them alike. Types only.
 */

export interface CostParameters {
  /** One google.script.run call, sidebar to server and back (s). */
  readonly roundTrip: number;
  /** One call that reads data from the spreadsheet: values, a search, the last row (s). */
  readonly perDataCall: number;
  /** One call about the spreadsheet's shape: a sheet by name, a grid's size, a toast (s). */
  readonly perMetaCall: number;
  /**
   * One call about the execution itself, which every action makes five of: the active spreadsheet,
   * the document lock asked for, taken and released, the signed-in user (s). No published figure
   * prices them; the sets price them as metadata calls until `measureSpeed` times each.
   */
  readonly perSessionCall: number;
  /** One call that writes: values, rows, formats, a flush (s). */
  readonly perWriteCall: number;
  /**
   * One call that only makes or asks a range object (LOCAL_CALLS) (s): measured about 3 ms for a
   * getRange and its getValue in a loop; `high` prices it as a full service call.
   */
  readonly perLocalCall: number;
  /** One cell read by getValues and its kin (s). */
  readonly perCellRead: number;
  /** One cell written by setValues and its kin (s): writing costs several times reading. */
  readonly perCellWritten: number;
  /** Committing an execution's writes (s), when it wrote anything. */
  readonly commit: number;
  /**
   * One cell a TextFinder search covers (s): the search runs on Google's side over every cell of its
   * range, so its cost grows with the tab, not with what it finds (docs/twin.md, "Cost model").
   */
  readonly perScannedCell: number;
}
