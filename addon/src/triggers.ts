/**
 * Triggers. The simple `onEdit` runs on every edit without authorisation, so it only looks at the
 * edited range's header cells and, where a person typed over a column the engine, the sync service or a
 * formula owns, leaves a note on the cell that Check workbook lists (it never undoes the edit). The
 * installable daily trigger rebuilds Aging and sets follow-ups for overdue backorders; it is installed
 * once per document however often setup runs, and its last failure is kept in the document's properties
 * for the sidebar to show, because add-ons get no failure e-mails.
 */

import { ALL_TAB_NAMES, planAction, planAging } from '../../shared/plans';
import { formulaColumns } from '../../shared/setup/sheet-rules';
import { normalizeHeader } from '../../shared/sheet/columns';
import { TAB_KEYS, TABS } from '../../shared/workbook';
import { mendIndexTab } from './index-tab';
import { dailyScope, readDecideWriteEach, withDocumentLock } from './server';
import { writeFormulas } from './sheet-io';
import { today } from './who-when';

export const LAST_FAILURE_KEY = 'backorderDesk.lastDailyFailure';
export const DAILY_HANDLER = 'dailyRun';
export const OVERRIDE_NOTE = 'Backorder Desk: typed over a column the engine keeps';

const OWNED: Map<string, Set<string>> = new Map(
  TAB_KEYS.map((k) => [
    TABS[k].name,
    new Set(
      Object.values(TABS[k].columns as Record<string, { header: string; owner: string }>)
        .filter((c) => c.owner !== 'user')
        .map((c) => normalizeHeader(c.header)),
    ),
  ]),
);

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  const range = e?.range;
  if (!range || range.getRow() < 2) return;
  const sheet = range.getSheet();
  const owned = OWNED.get(sheet.getName());
  if (!owned) return;
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  // A row typed by hand gets its formula columns at once (Available, Age).
  for (const f of formulaColumns(sheet.getName())) {
    const at = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(f.header));
    if (at < 0) continue;
    const cells = sheet.getRange(range.getRow(), at + 1, range.getNumRows(), 1);
    const current = cells.getFormulas();
    if (!current.some((r) => r[0] === '')) continue;
    // A value typed over the formula stays (Check workbook reports it); only blank cells get one.
    const values = cells.getValues();
    const blank = current.flatMap((r, i) =>
      r[0] === '' && values[i]?.[0] === '' ? [range.getRow() + i] : [],
    );
    writeFormulas(sheet, at, blank, f, header);
  }
  const edited = header.slice(range.getColumn() - 1, range.getColumn() - 1 + range.getNumColumns());
  if (!edited.some((h) => owned.has(normalizeHeader(h)))) return;
  // The day where the spreadsheet is (a simple trigger may read its time zone), not UTC's.
  const day = today(SpreadsheetApp.getActiveSpreadsheet());
  range.setNote(`${OVERRIDE_NOTE} on ${day}; Check workbook reviews it.`);
}

/** The document property holding the unique id of this document's daily trigger. */
export const DAILY_TRIGGER_KEY = 'backorderDesk.dailyTrigger';
/** A user property (shared by the user's documents), one per trigger that found no spreadsheet. */
const missedKey = (triggerUid: string) => `backorderDesk.dailyMissed.${triggerUid}`;

/**
 * Installs the daily trigger unless this document already has one of this user's. Looks only at this
 * spreadsheet's triggers: `getProjectTriggers()` lists the user's triggers in every document, so a
 * second spreadsheet would never get its own (fidelity A26). Remembers the trigger's id in the
 * document, so a run that finds no spreadsheet can still be reported here.
 */
export function ensureDailyTrigger(): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const props = PropertiesService.getDocumentProperties();
  const mine = ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === DAILY_HANDLER);
  const existing = mine[0];
  if (existing) {
    props.setProperty(DAILY_TRIGGER_KEY, existing.getUniqueId());
    return false;
  }
  // 06:00 where the spreadsheet's people are: atHour alone is in the script's zone (the manifest's),
  // ClockTriggerBuilder.inTimezone sets the zone the hour is read in.
  const created = ScriptApp.newTrigger(DAILY_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(6)
    .inTimezone(ss.getSpreadsheetTimeZone())
    .create();
  props.setProperty(DAILY_TRIGGER_KEY, created.getUniqueId());
  return true;
}

/**
 * The daily run. A time-driven run of an add-on may find no active spreadsheet, and then no document
 * properties or lock either (fidelity A27–A28); with the `spreadsheets.currentonly` scope it cannot open
 * one by id. Such a run records why in the user's properties, under its trigger, and returns: the
 * sidebar of the spreadsheet shows it, and *Rebuild aging* does the same work by hand. It never
 * throws from its own error handling.
 */
export function runDaily(e?: { triggerUid?: string }): void {
  const stamp = new Date().toISOString().slice(0, 16);
  // When, for a person reading the sidebar: a run without a spreadsheet has no time zone to ask.
  const when = `${stamp.replace('T', ' ')} UTC`;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const props = ss ? PropertiesService.getDocumentProperties() : null;
  const user = PropertiesService.getUserProperties();
  const uid = e?.triggerUid ?? '';
  if (!ss || !props) {
    user.setProperty(
      missedKey(uid),
      `${when}: the daily run found no spreadsheet to work on; use Rebuild aging from the menu`,
    );
    return;
  }
  try {
    // One read for both: Aging is decided from the workbook as the follow-ups left it.
    readDecideWriteEach(
      [
        {
          decide: (loaded, ctx) => planAction(loaded, { action: 'follow-up' }, ctx),
          requestId: `daily-follow-up-${stamp}`,
        },
        { decide: (loaded, ctx) => planAging(loaded, ctx), requestId: `daily-aging-${stamp}` },
      ],
      ALL_TAB_NAMES,
      dailyScope(),
    );
    // People's inserted or moved columns leave index rows untrusted (slower clicks): mended daily.
    // The index only speeds clicks up, so a failure to mend it is no failure of the daily run.
    try {
      withDocumentLock(() => mendIndexTab(ss));
    } catch {
      // The next daily run, or Set up, mends it.
    }
    props.deleteProperty(LAST_FAILURE_KEY);
    if (uid) user.deleteProperty(missedKey(uid));
  } catch (err) {
    props.setProperty(
      LAST_FAILURE_KEY,
      `${when}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 2000),
    );
    throw err;
  }
}

/** The daily run's last failure in this document: its own, or a run of its trigger that found no spreadsheet. */
export function lastDailyFailure(): string {
  const props = PropertiesService.getDocumentProperties();
  const own = props.getProperty(LAST_FAILURE_KEY);
  if (own) return own;
  const uid = props.getProperty(DAILY_TRIGGER_KEY);
  return (uid && PropertiesService.getUserProperties().getProperty(missedKey(uid))) || '';
}
