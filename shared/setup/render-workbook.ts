/**
 * A whole workbook of records as fresh tabs (what setup creates, filled with every record): how the
 * demo and benchmark workbooks are written to a file or a spreadsheet in one go.
 */

import type { CellContext } from '../sheet/cells';
import { applyPatch, decodeTab, encodeChanges, type RawTab } from '../sheet/codec';
import type { Columns, RecordOf, TabSpec } from '../sheet/columns';
import { TABS, tabKeyOf, type Workbook } from '../workbook';
import { planSetup } from './setup';

export function renderWorkbook(wb: Workbook, ctx: CellContext): RawTab[] {
  const { newTabs } = planSetup({});
  return newTabs.map((tab) => {
    const key = tabKeyOf(tab.name);
    const values = tab.values.map((r) => [...r]);
    if (!key || key === 'settings') return { ...tab, values };
    const spec = TABS[key] as TabSpec<Columns>;
    const decoded = decodeTab(spec, { name: tab.name, values }, ctx);
    const patch = encodeChanges(
      decoded,
      { updated: [], added: wb[key] as RecordOf<Columns>[] },
      'engine',
      ctx,
    );
    applyPatch(values, patch);
    return { name: tab.name, values };
  });
}
