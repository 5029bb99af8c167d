/**
 * What each menu item does. Each runs one read–decide–write under the document lock (setup and
 * repair run setup's plan and the rules), and tells the person what happened in a toast or an alert.
 * Questions (which PO, which format, repair or not) are asked with Apps Script's own prompts.
 */

import type { CommandResult } from '../../shared/commands/run';
import type { Command } from '../../shared/commands/schema';
import { commandTabs } from '../../shared/io/read-plan';
import { ALL_TAB_NAMES, planAction, planAging, planInit } from '../../shared/plans';
import type { InvoiceFormat } from '../../shared/reports/invoice-export';
import { planInvoiceExport } from '../../shared/reports/invoice-export-plan';
import { inspectWorkbook } from '../../shared/setup/inspect';
import { cellBudget } from '../../shared/sheet/grid-plan';
import { SettingsTab } from '../../shared/tabs/settings';
import { placeAgingCharts } from './charts';
import { toCsv } from './csv';
import { writeIndexTab } from './index-tab';
import { ADDON_NAME } from './menu-items';
import { agingScope, commandScope, patchedTabs, readDecideWrite, reason, withDocumentLock } from './server';
import { readTabs, sheetsByName, writeTabs } from './sheet-io';
import { ensureDailyTrigger } from './triggers';
import { contextFor } from './who-when';
import { applyRules, checkRules, clearOverrideNotes } from './workbook-rules';

const ui = () => SpreadsheetApp.getUi();
const requestId = (what: string) => `menu-${what}-${Utilities.getUuid()}`;

function say(message: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, ADDON_NAME, 8);
}

/** An alert shows at most 25 lines, then how many more there are. */
function firstLines(lines: readonly string[]): string {
  const shown = lines.slice(0, 25);
  if (lines.length > shown.length) shown.push(`… and ${lines.length - shown.length} more`);
  return shown.join('\n');
}

function report(title: string, lines: readonly string[]): void {
  ui().alert(title, firstLines(lines), ui().ButtonSet.OK);
}

function runMenuCommand(command: Command, title: string): CommandResult | undefined {
  try {
    const { plan } = readDecideWrite(
      (loaded, ctx) => planAction(loaded, command, ctx),
      requestId(command.action),
      undefined,
      commandTabs(command),
      commandScope(command),
    );
    const r = plan.result;
    if (r.messages.length > 1) report(title, r.messages);
    else say(r.messages[0] ?? `${title}: done`);
    return r;
  } catch (e) {
    report(title, [reason(e).message]);
    return undefined;
  }
}

/** Set up workbook: missing tabs, columns and settings (one write), then the rules and the daily trigger. */
export function setUpWorkbook(): string[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const lines = withDocumentLock(() => {
      const read = readTabs(ss, ALL_TAB_NAMES);
      const plan = planInit(read.tabs, read.timeZone, contextFor(ss, requestId('setup')), 'apps-script');
      writeTabs(ss, read, plan.patches, plan.newTabs, placeAgingCharts);
      // The rules need each tab's header as written: the read plus the plan, not a second read.
      const tabs = patchedTabs(read, plan);
      const out = [...plan.report];
      for (const name of ALL_TAB_NAMES) {
        const sheet = read.sheets.get(name);
        const tab = tabs[name];
        if (sheet && tab) out.push(...applyRules(ss, sheet, tab));
      }
      writeIndexTab(ss);
      if (ensureDailyTrigger())
        out.push('Daily run installed (rebuilds Aging and sets follow-ups each morning)');
      return out;
    });
    report(`${ADDON_NAME}: workbook set up`, lines);
    return lines;
  } catch (e) {
    report('Set up workbook', [reason(e).message]);
    return [];
  }
}

export function openSettings(): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SettingsTab.name);
  if (sheet) sheet.activate();
  else report('Settings', ['There is no Settings tab yet: run Set up workbook first']);
}

export const allocateAll = () => runMenuCommand({ action: 'allocate' }, 'Allocate all');
export const fulfillReady = () => runMenuCommand({ action: 'fulfill' }, 'Fulfill ready backorders');
export const undoLast = () => runMenuCommand({ action: 'undo' }, 'Undo last action');

export function receivePo(): CommandResult | undefined {
  const answer = ui().prompt(
    'Receive PO',
    'PO number to receive in full (e.g. PO-1001):',
    ui().ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui().Button.OK) return undefined;
  const po = answer.getResponseText().trim();
  if (!po) return void report('Receive PO', ['No PO number was typed; nothing received']);
  return runMenuCommand({ action: 'receive', po }, `Receive ${po}`);
}

export function reorderNow(): CommandResult | undefined {
  const answer = ui().alert(
    'Reorder',
    'Create purchase orders for every SKU under its reorder point or short for backorders?',
    ui().ButtonSet.YES_NO,
  );
  if (answer !== ui().Button.YES) return undefined;
  return runMenuCommand({ action: 'reorder' }, 'Reorder');
}

export function rebuildAgingNow(): string {
  try {
    const { plan } = readDecideWrite(
      (loaded, ctx) => planAging(loaded, ctx),
      requestId('aging'),
      undefined,
      ALL_TAB_NAMES,
      agingScope(),
    );
    say(`Aging rebuilt: ${plan.summary}`);
    return plan.summary;
  } catch (e) {
    report('Rebuild aging', [reason(e).message]);
    return '';
  }
}

/**
 * The CSV files for one importer, marked Exported in the same write; the dialog offers every one as a
 * download. `again` exports what was exported before (every line, or one batch) and marks nothing.
 */
export function exportInvoicesCsv(
  format: InvoiceFormat,
  again?: true | number,
): { name: string; csv: string; batch: number }[] {
  const { plan } = readDecideWrite(
    (loaded, ctx) => planInvoiceExport(loaded, { format, again }, ctx, toCsv),
    requestId(`invoices-${format}`),
  );
  return plan.files.map((csv, i) => ({ name: plan.names[i] as string, csv, batch: plan.batch }));
}

/** What to export once the importer is chosen: "" new lines, "again" every exported line, "again 3" one batch. */
export function parseAgain(typed: string): { again?: true | number } | undefined {
  const m = /^\s*(?:(again)(?:\s+(\d+))?)?\s*$/i.exec(typed);
  if (!m) return undefined;
  if (!m[1]) return {};
  return { again: m[2] ? Number(m[2]) : true };
}

const IMPORTER: Record<InvoiceFormat, string> = { quickbooks: 'QuickBooks Online', xero: 'Xero' };

/**
 * Export invoices for QuickBooks… / for Xero… (two menu items: the importer is a choice, never typed).
 * OK exports the lines not exported yet; "again" and a batch number export a batch again.
 */
export function exportInvoices(format: InvoiceFormat): void {
  const answer = ui().prompt(
    `Export invoices for ${IMPORTER[format]}`,
    'OK exports every invoice line not exported yet and marks it Exported. To export a batch again, type "again" and its number (again 3), or "again" for every exported line.',
    ui().ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui().Button.OK) return;
  const asked = parseAgain(answer.getResponseText());
  if (!asked)
    return void report(`Export invoices for ${IMPORTER[format]}`, [
      `Expected nothing, "again", or "again" and a batch number, got "${answer.getResponseText()}"`,
    ]);
  const wanted = { format, ...asked };
  let files: { name: string; csv: string; batch: number }[];
  try {
    files = exportInvoicesCsv(wanted.format, wanted.again);
  } catch (e) {
    return void report('Export invoices', [reason(e).message]);
  }
  // The page is built from file names, numbers and base64 only: no sheet value reaches it as HTML.
  const links = files
    .map(
      (f) =>
        `<p><a download="${f.name}" href="data:text/csv;base64,${Utilities.base64Encode(f.csv, Utilities.Charset.UTF_8)}">${f.name}</a></p>`,
    )
    .join('');
  const batch = files[0]?.batch ?? 0;
  const after = wanted.again
    ? 'Exported again; nothing was re-marked.'
    : `Export batch ${batch}: the lines are marked Exported. Save every file; a lost one can be exported again (Export invoices for ${IMPORTER[format]}…, then type "again ${batch}").`;
  const html = HtmlService.createHtmlOutput(
    `<div style="font:13px Arial,sans-serif"><p>${files.length} file(s):</p>${links}<p>${after}</p></div>`,
  )
    .setWidth(380)
    // Every link visible without scrolling: a line of 34 px a file, up to the dialog's useful height.
    .setHeight(Math.min(600, 150 + 34 * files.length));
  ui().showModalDialog(html, `Invoices for ${IMPORTER[format]}`);
}

/** Check workbook: every problem with its cell address; repairs what can be repaired when asked. */
export function checkWorkbook(): string[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readTabs(ss, ALL_TAB_NAMES);
  const ctx = contextFor(ss, requestId('check'));
  const found = inspectWorkbook(read.tabs, read.timeZone, 'apps-script', ctx);
  const problems = [...found.problems, ...checkRules(read.sheets, read.tabs)];
  // Google's 10 million cells, every sheet's grid counted (two calls a sheet, in Check only).
  let used = 0;
  for (const s of read.sheets.values()) used += s.getMaxRows() * s.getMaxColumns();
  const cells = cellBudget(used);
  if (problems.length === 0) {
    report('Check workbook', ['No problems found.', `Cells: ${cells.message}`, ...found.alerts]);
    return [];
  }
  const answer = ui().alert(
    'Check workbook',
    `${firstLines(problems)}${cells.level === 'ok' ? '' : `\n\n${cells.message}`}\n\nRepair what can be repaired (setup, rules, formulas, statuses)? Broken balances are only reported.`,
    ui().ButtonSet.YES_NO,
  );
  if (answer === ui().Button.YES) {
    setUpWorkbook();
    if (found.needsRefresh) runMenuCommand({ action: 'refresh' }, 'Repair statuses');
    clearOverrideNotes(sheetsByName(ss));
  }
  return problems;
}
