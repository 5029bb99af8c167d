/**
 * `import`: adds or updates rows of one tab from a CSV, all or nothing. The CSV is parsed by csv-parse
 * (BOM, CRLF, quoted newlines; `;` files detected from the header line), validated cell by cell by
 * the core, and refused whole if any row is bad or if the result would break an invariant. With
 * `opening`, an Orders or POs file brings its shipped and received quantities as opening
 * balances (shared/bulk/opening.ts): opening shipments and statuses, all in the import's one Log entry.
 */
import { parse } from 'csv-parse/sync';
import { applyChanges, thenChanges } from '../../../shared/apply-changes';
import { type ImportOptions, type ImportPlan, planImport } from '../../../shared/bulk/import';
import { planOpening } from '../../../shared/bulk/opening';
import { runCommand } from '../../../shared/commands/run';
import { parseCustomerDefaults } from '../../../shared/customer-defaults';
import type { CommandContext } from '../../../shared/desk';
import { checkInvariants } from '../../../shared/invariants';
import { makeLogEntry } from '../../../shared/log-entry';
import type { SpreadsheetPort } from '../../../shared/ports';
import { DeskError } from '../../../shared/primitives/errors';
import { type Cell, type CellContext, encodeText } from '../../../shared/sheet/cells';
import type { DecodedTab, TabPatch } from '../../../shared/sheet/codec';
import type { Columns } from '../../../shared/sheet/columns';
import { keyOf } from '../../../shared/sheet/columns';
import { parseSettings } from '../../../shared/tabs/settings';
import {
  planWrites,
  TAB_KEYS,
  TABS,
  tabKeyByName,
  type Workbook,
  type WorkbookChanges,
} from '../../../shared/workbook';
import { loadWorkbook } from './load';

/** Parses CSV text into rows of strings; the delimiter is `;` when the header line has `;` and no `,`. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  return parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
}

/** Adds the values of people's own columns to the import's patch: by row for updates, in place for new rows. */
function withOwnColumns(
  patches: TabPatch[],
  plan: ImportPlan<Columns>,
  tab: DecodedTab<Columns>,
  ctx: CellContext,
): TabPatch[] {
  if (plan.extras.size === 0) return patches;
  const addedAt = new Map(plan.changes.added.map((r, i) => [keyOf(tab.spec, r), i]));
  return patches.map((p) => {
    if (p.tab !== tab.spec.name) return p;
    const writes = [...p.writes];
    const appends = p.appends.map((row) => [...row]);
    for (const [key, values] of plan.extras) {
      const existing = tab.byKey.get(key);
      for (const [col, text] of values) {
        const value = encodeText(text, ctx);
        if (existing !== undefined)
          writes.push({ row: (tab.rowNumbers[existing] as number) - 1, col, value });
        else {
          const row = appends[addedAt.get(key) as number] as Cell[];
          while (row.length <= col) row.push('');
          row[col] = value;
        }
      }
    }
    return { ...p, writes, appends };
  });
}

/**
 * What the engine derives from an import (statuses, queue positions, OnOrder: the refresh of
 * `check --repair`) on the workbook as imported, so `check` is clean straight after an import. Its
 * changes join the import's in one write and one Log entry: the refresh's own entry is dropped.
 */
function derivedFrom(imported: Workbook, ctx: CommandContext): WorkbookChanges {
  const { log: _refreshLog, ...derived } = runCommand(
    imported,
    { action: 'refresh' },
    { ...ctx, requestId: '' },
  ).changes;
  return derived;
}

export async function importCsv(
  port: SpreadsheetPort,
  tabName: string,
  csvText: string,
  source: string,
  ctx: CommandContext,
  options: ImportOptions = {},
): Promise<string> {
  const key = tabKeyByName(tabName);
  if (!key)
    throw new DeskError(
      'BAD_INPUT',
      `No tab called ${tabName}; tabs: ${TAB_KEYS.map((k) => TABS[k].name).join(', ')}`,
    );
  const { workbook, tabs, context, raw } = await loadWorkbook(port);
  // The same --request-id again (a script's retry after a lost answer): the import is already in.
  const done = workbook.log.find((l) => l.action === 'import' && l.requestId === ctx.requestId);
  if (done) {
    await port.release?.();
    return `already applied (${done.logId}): ${done.summary}`;
  }
  let rows: string[][];
  try {
    rows = parseCsv(csvText);
  } catch (e) {
    throw new DeskError('BAD_INPUT', `${source} is not valid CSV: ${(e as Error).message}`);
  }
  const tab = tabs[key] as unknown as DecodedTab<Columns>;
  const sheetHeader = raw[TABS[key].name]?.values[0] ?? [];
  const plan = planImport(tab, rows, source, context, sheetHeader, {
    ...options,
    customerDefaults: parseCustomerDefaults(workbook.settings, (i) => i + 2),
    // A workbook with no Inventory yet has no catalogue to check against (orders came in first).
    knownSkus: workbook.inventory.length > 0 ? new Set(workbook.inventory.map((i) => i.sku)) : undefined,
  });
  const opening = options.opening ? planOpening(workbook, TABS[key].name, plan, source) : undefined;
  const imported = opening?.changes ?? ({ [key]: plan.changes } as WorkbookChanges);
  const summary = `${plan.summary}${opening?.summary ?? ''}`;
  const after = applyChanges(workbook, imported);
  // Settings as they would stand must still be readable (a time zone, a number, a date style):
  // otherwise every command after the import would be refused.
  if (key === 'settings')
    try {
      parseSettings(after.settings, (i) => i + 2);
    } catch (e) {
      throw e instanceof DeskError
        ? new DeskError(
            'BAD_INPUT',
            `${source}: nothing imported; Settings would have bad values:`,
            e.details,
          )
        : e;
    }
  const before = new Set(checkInvariants(workbook).map((v) => `${v.tab}|${v.key}|${v.message}`));
  const broken = checkInvariants(after).filter((v) => !before.has(`${v.tab}|${v.key}|${v.message}`));
  if (broken.length > 0)
    throw new DeskError(
      'INVARIANT',
      `${source}: nothing imported; these rows would break the workbook's balances:`,
      broken.map((v) => `${v.tab} ${v.key}: ${v.message}`),
    );
  // Derived only once the balances hold: a refresh never runs on a workbook the import would break.
  const dataChanges = thenChanges(imported, derivedFrom(after, ctx));
  const entry = makeLogEntry(workbook.log, ctx, {
    action: 'import',
    entity: TABS[key].name,
    summary,
  });
  const patches = [
    ...withOwnColumns(
      // People's columns and the decisions the plan validated, and the engine's derived columns.
      planWrites(tabs, dataChanges, ['user', 'engine'], context),
      plan,
      tab,
      context,
    ),
    ...planWrites(tabs, { log: { updated: [], added: [entry] } }, 'engine', context),
  ];
  await port.write(patches);
  return summary;
}
