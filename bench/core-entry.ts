/**
 * Everything of the domain core the add-on will run inside Apps Script, as one entry, so the bench can
 * measure what the core weighs once esbuild bundles it the way the add-on build does.
 */

export { planImport } from '../shared/bulk/import';
export { runCommand } from '../shared/commands/run';
export { CommandSchema } from '../shared/commands/schema';
export { checkInvariants } from '../shared/invariants';
export { exportRows } from '../shared/reports/export';
export { planSetup } from '../shared/setup/setup';
export { decodeWorkbook, planWrites } from '../shared/workbook';
