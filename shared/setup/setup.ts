/**
 * Setup as a plan (PRODUCT.md section 1): create every missing tab with its headers, add missing
 * columns at the end of existing tabs, and add missing Settings keys with their defaults and notes.
 * Existing rows, values and people's own columns are never touched, so running it again changes
 * nothing (idempotent) and running it on an older workbook upgrades it.
 */

import { agingChart } from '../reports/aging-charts';
import { agingFormats } from '../reports/render-aging';
import type { Cell } from '../sheet/cells';
import type { RawTab, TabPatch } from '../sheet/codec';
import { type Columns, normalizeHeader, type TabSpec } from '../sheet/columns';
import { DEFAULT_SETTINGS, SETTING_NOTES, xeroDefaultsFor } from '../tabs/settings';
import { AGING_TAB, TAB_KEYS, TABS } from '../workbook';

export interface SetupPlan {
  readonly newTabs: RawTab[];
  readonly patches: TabPatch[];
  readonly report: string[];
}

/** Every setting with its default; Xero's date style and tax rate are the region's of `currency` (the workbook's). */
function settingRows(currency = DEFAULT_SETTINGS.Currency): Cell[][] {
  const defaults = { ...DEFAULT_SETTINGS, ...xeroDefaultsFor(currency) };
  return (Object.keys(defaults) as (keyof typeof defaults)[]).map((k) => {
    const v = defaults[k];
    return [k, Array.isArray(v) ? v.join(', ') : String(v), SETTING_NOTES[k]];
  });
}

export function planSetup(existing: Record<string, RawTab>): SetupPlan {
  const newTabs: RawTab[] = [];
  const patches: TabPatch[] = [];
  const report: string[] = [];
  for (const key of TAB_KEYS) {
    const spec = TABS[key] as TabSpec<Columns>;
    const headers = Object.values(spec.columns).map((c) => c.header);
    const raw = existing[spec.name];
    if (!raw) {
      const values: Cell[][] = [headers];
      if (key === 'settings') values.push(...settingRows());
      newTabs.push({ name: spec.name, values });
      report.push(`${spec.name}: created with ${headers.length} columns`);
      continue;
    }
    const header = raw.values[0] ?? [];
    const have = new Set(header.map(normalizeHeader));
    const missing = headers.filter((h) => !have.has(normalizeHeader(h)));
    const writes = missing.map((h, i) => ({ row: 0, col: header.length + i, value: h as Cell }));
    const appends: Cell[][] = [];
    if (key === 'settings') {
      const keyCol = header.findIndex((h) => normalizeHeader(h) === 'key');
      const keys = new Set(raw.values.slice(1).map((r) => normalizeHeader(r[Math.max(keyCol, 0)])));
      const valueCol = header.findIndex((h) => normalizeHeader(h) === 'value');
      const currency = raw.values
        .slice(1)
        .find((r) => normalizeHeader(r[Math.max(keyCol, 0)]) === normalizeHeader('Currency'))?.[valueCol];
      const width = header.length + missing.length;
      for (const row of settingRows(currency ? String(currency) : undefined)) {
        if (keys.has(normalizeHeader(row[0]))) continue;
        // Place Key / Value / Notes by header position, whatever order people gave the columns.
        const full: Cell[] = new Array(width).fill('');
        const all = [...header, ...missing];
        ['Key', 'Value', 'Notes'].forEach((h, i) => {
          const at = all.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
          if (at >= 0) full[at] = row[i] ?? '';
        });
        appends.push(full);
      }
      if (appends.length > 0) report.push(`Settings: ${appends.length} missing key(s) added with defaults`);
    }
    if (missing.length > 0) report.push(`${spec.name}: added column(s) ${missing.join(', ')}`);
    if (writes.length > 0 || appends.length > 0) patches.push({ tab: spec.name, writes, appends });
  }
  if (!existing[AGING_TAB]) {
    newTabs.push({
      name: AGING_TAB,
      values: [['Aging report: rebuilt by `backorder-desk aging`; do not edit']],
      charts: [agingChart(DEFAULT_SETTINGS.AgingBuckets.length + 1)],
      formats: agingFormats(),
    });
    report.push(`${AGING_TAB}: created`);
  }
  if (report.length === 0) report.push('every tab and column is already in place; nothing changed');
  return { newTabs, patches, report };
}
