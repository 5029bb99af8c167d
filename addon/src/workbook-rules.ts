/**
 * Applies the tab rules of shared/setup/sheet-rules.ts with SpreadsheetApp (frozen header, number formats,
 * data validation, formula columns, warning-only protection, conditional formatting) and checks a
 * workbook against them. Every call is per column or per tab, never per row. Re-applying is
 * idempotent: a protection (by the columns it covers) or formatting rule of ours is recognised and
 * replaced, never stacked, and
 * people's own protections and formatting rules are kept.
 */

import { ALL_TAB_NAMES } from '../../shared/plans';
import { PROTECTION_PREFIX, sheetRules, type ValidationRule } from '../../shared/setup/sheet-rules';
import { columnLetter } from '../../shared/sheet/a1';
import type { RawTab } from '../../shared/sheet/codec';
import { normalizeHeader } from '../../shared/sheet/columns';
import { TABS } from '../../shared/workbook';
import { OVERRIDE_NOTE } from './triggers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function validation(ss: Spreadsheet, column: string, rule: ValidationRule) {
  const b = SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  switch (rule.type) {
    case 'list':
      return b
        .requireValueInList([...rule.values], true)
        .setHelpText(`One of: ${rule.values.join(', ')}`)
        .build();
    case 'sku': {
      const inventory = ss.getSheetByName(TABS.inventory.name);
      const header = inventory
        ? (inventory.getRange(1, 1, 1, Math.max(1, inventory.getLastColumn())).getValues()[0] ?? [])
        : [];
      const at = Math.max(
        0,
        header.findIndex((h) => normalizeHeader(h) === 'sku'),
      );
      const letter = columnLetter(at);
      return inventory
        ? b
            .requireValueInRange(inventory.getRange(`${letter}2:${letter}`), false)
            .setHelpText('A SKU listed on the Inventory tab')
            .build()
        : null;
    }
    case 'whole':
      return b
        .requireFormulaSatisfied(
          `=OR(${column}2="",AND(ISNUMBER(${column}2),${column}2=INT(${column}2),${column}2>=0))`,
        )
        .setHelpText('A whole number, 0 or more')
        .build();
    case 'date':
      return b.requireDate().setHelpText('A date, e.g. 2026-11-23').build();
  }
}

const columnIndex = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** "F:L" → "6:12": the 1-based first and last column, as a Range's getColumn / getLastColumn give. */
function spanOf(columns: string): string {
  const [first, last] = columns.split(':') as [string, string];
  return `${columnIndex(first) + 1}:${columnIndex(last ?? first) + 1}`;
}

function formulaOfRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string {
  return String(rule.getBooleanCondition()?.getCriteriaValues()?.[0] ?? '');
}

export function applyRules(ss: Spreadsheet, sheet: Sheet, tab: RawTab): string[] {
  const rules = sheetRules(tab.name, tab.values[0] ?? []);
  if (!rules) return [];
  const done: string[] = [];
  sheet.setFrozenRows(1);
  for (const f of rules.formats) sheet.getRange(`${f.column}2:${f.column}`).setNumberFormat(f.rule);
  for (const v of rules.validations) {
    const rule = validation(ss, v.column, v.rule);
    if (rule) sheet.getRange(`${v.column}2:${v.column}`).setDataValidation(rule);
  }
  const last = tab.values.length;
  for (const f of rules.formulas) {
    if (last < 2) continue;
    const formulas = [];
    for (let r = 2; r <= last; r++) formulas.push([f.rule(r)]);
    sheet.getRange(`${f.column}2:${f.column}${last}`).setFormulas(formulas);
  }
  // Our protections are recognised by the columns they cover, not by their A1 text (which Google
  // and the twin write differently, and which changes as a grid grows): one per run of engine columns
  // is kept, a duplicate or one over columns that are no longer a run is removed.
  const wanted = new Set(rules.protections.map((p) => spanOf(p.columns)));
  const keptSpans = new Set<string>();
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (!p.getDescription().startsWith(PROTECTION_PREFIX)) continue;
    const range = p.getRange();
    const span = `${range.getColumn()}:${range.getLastColumn()}`;
    if (wanted.has(span) && !keptSpans.has(span)) keptSpans.add(span);
    else p.remove();
  }
  for (const p of rules.protections)
    if (!keptSpans.has(spanOf(p.columns)))
      sheet.getRange(p.columns).protect().setWarningOnly(true).setDescription(p.description);
  const formulas = new Set(rules.highlights.map((h) => h.formula));
  const kept = sheet.getConditionalFormatRules().filter((r) => !formulas.has(formulaOfRule(r)));
  const added = rules.highlights.map((h) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(h.formula)
      .setBackground(h.background)
      .setRanges([sheet.getRange(h.range)])
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...added]);
  done.push(
    `${tab.name}: ${rules.validations.length} validation(s), ${rules.formulas.length} formula column(s), ${rules.protections.length} protected range(s), ${rules.highlights.length} highlight(s)`,
  );
  return done;
}

/** Problems with the rules (validation removed, formulas overwritten or broken, engine cells typed over). */
export function checkRules(sheets: Map<string, Sheet>, tabs: Record<string, RawTab>): string[] {
  const problems: string[] = [];
  for (const name of ALL_TAB_NAMES) {
    const sheet = sheets.get(name);
    const tab = tabs[name];
    const rules = tab && sheetRules(name, tab.values[0] ?? []);
    if (!sheet || !tab || !rules) continue;
    for (const v of rules.validations)
      if (!sheet.getRange(`${v.column}2`).getDataValidation())
        problems.push(`${name}!${v.column}2:${v.column}: the validation of ${v.header} was removed`);
    const last = tab.values.length;
    for (const f of rules.formulas) {
      if (last < 2) continue;
      const found = sheet.getRange(`${f.column}2:${f.column}${last}`).getFormulas();
      const broken: string[] = [];
      found.forEach((row, i) => {
        const want = f.rule(i + 2);
        const value = tab.values[i + 1]?.[columnIndex(f.column)];
        if (row[0] !== want)
          broken.push(
            `${name}!${f.column}${i + 2} holds ${row[0] || JSON.stringify(value ?? '')}, expected ${want}`,
          );
        else if (typeof value === 'string' && value.startsWith('#'))
          broken.push(`${name}!${f.column}${i + 2} shows ${value}`);
      });
      problems.push(...broken.slice(0, 20));
      if (broken.length > 20)
        problems.push(`${name}: ${broken.length - 20} more ${f.header} cells like these`);
    }
    if (last >= 2) {
      const notes = sheet.getDataRange().getNotes();
      notes.forEach((row, r) => {
        row.forEach((note, c) => {
          if (note.startsWith(OVERRIDE_NOTE))
            problems.push(`${name}!${columnLetter(c)}${r + 1}: ${note.replace('Backorder Desk: ', '')}`);
        });
      });
    }
  }
  return problems;
}

/** Clears the override notes once Check workbook has repaired (statuses and formulas re-derived). */
export function clearOverrideNotes(sheets: Map<string, Sheet>): void {
  for (const name of ALL_TAB_NAMES) {
    const sheet = sheets.get(name);
    if (!sheet) continue;
    const range = sheet.getDataRange();
    const notes = range.getNotes();
    if (notes.some((r) => r.some((n) => n.startsWith(OVERRIDE_NOTE))))
      range.setNotes(notes.map((r) => r.map((n) => (n.startsWith(OVERRIDE_NOTE) ? '' : n))));
  }
}
