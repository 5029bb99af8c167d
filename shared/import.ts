/**
 * CSV import as a plan: rows of a CSV become added or updated records of one tab, matched by key
 * (PRODUCT.md section 7). CSV headers use the tab's column names (matched like sheet headers). Only
 * people's columns can be imported, and the decisions people keep in an engine column (a PO line's
 * Status Draft / Sent / Cancelled); every cell is validated and every bad one reported
 * ("orders.csv row 12: Qty must be a whole number ≥ 0, got "ten""), and one bad row refuses the file.
 */
import { type Cell, type CellContext, decodeCell } from './cells';
import type { DecodedTab, TabChanges } from './codec';
import { type Columns, keyOf, normalizeHeader, type RecordOf, type TabSpec } from './columns';
import { DeskError } from './errors';
import { assertTransition, derivePoStatus, PO_TRANSITIONS } from './status';
import type { PoLine } from './tabs/purchase-orders';

/**
 * Engine-owned columns that hold people's decisions, which an import may carry when a distributor
 * moves an existing sheet in (issue #13): a PO line's Status Draft, Sent or Cancelled, an order
 * line's Hold. The received states stay the engine's (derived from QtyReceived), so an import never
 * sets them.
 */
const DECISIONS: Record<string, Record<string, readonly string[]>> = {
  POs: { status: ['Draft', 'Sent', 'Cancelled'] },
  Orders: { hold: ['Held'] },
};

/**
 * A PO line as the engine keeps it after an import set its Status: a line with units received
 * stays Partially Received / Received whatever the file said, and a line may only move the way the
 * lifecycle allows (a Cancelled line is never sent again). Returns the refusal, if any.
 */
function settlePo(before: PoLine | undefined, after: PoLine): { record: PoLine } | { refused: string } {
  const record = { ...after, status: derivePoStatus(after) };
  try {
    if (before)
      assertTransition(PO_TRANSITIONS, `PO ${after.po} line ${after.line}`, before.status, record.status);
  } catch (e) {
    return { refused: (e as Error).message };
  }
  return { record };
}

/** Whether an import may write `field` of `tab` (people's columns, and the decisions above). */
export function importable(tab: string, field: string, owner: string): boolean {
  return owner === 'user' || DECISIONS[tab]?.[field] !== undefined;
}

export interface ImportPlan<C extends Columns> {
  /** Whether the plan writes a decision column (the import then writes as people and engine). */
  readonly decisions: boolean;
  readonly changes: TabChanges<RecordOf<C>>;
  /** Values for people's own columns (not the engine's): record key → sheet column index → text. */
  readonly extras: Map<string, Map<number, string>>;
  readonly summary: string;
}

function decisionHint(spec: TabSpec<Columns>): string {
  const d = DECISIONS[spec.name];
  if (!d) return '';
  return ` (and ${Object.entries(d)
    .map(([field, values]) => `${spec.columns[field]?.header} ${values.join(' / ')}`)
    .join(', ')})`;
}

export function planImport<C extends Columns>(
  tab: DecodedTab<C>,
  csv: readonly (readonly string[])[],
  source: string,
  ctx: CellContext,
  sheetHeader: readonly Cell[] = [],
): ImportPlan<C> {
  const { spec } = tab;
  const header = csv[0] ?? [];
  const problems: string[] = [];
  const fields = new Map<number, string>();
  /** CSV column → the sheet column people added with that header. */
  const own = new Map<number, number>();
  const byHeader = new Map(Object.entries(spec.columns).map(([f, c]) => [normalizeHeader(c.header), f]));
  header.forEach((h, i) => {
    const field = byHeader.get(normalizeHeader(h));
    if (!field) {
      const at = sheetHeader.findIndex((s) => normalizeHeader(s) === normalizeHeader(h));
      if (at >= 0) own.set(i, at);
      else if (normalizeHeader(h) !== '')
        problems.push(
          `${source}: column "${h}" is neither a column of ${spec.name} nor one people added to it`,
        );
      return;
    }
    const column = spec.columns[field];
    if (column && !importable(spec.name, field, column.owner))
      problems.push(
        `${source}: column ${column.header} is written by the ${column.owner}; imports set people's columns only${decisionHint(spec as unknown as TabSpec<Columns>)}`,
      );
    fields.set(i, field);
  });
  const present = new Set(fields.values());
  for (const k of spec.key)
    if (!present.has(k)) problems.push(`${source}: key column ${spec.columns[k]?.header} is missing`);
  if (problems.length > 0)
    throw new DeskError('BAD_INPUT', `Cannot import ${source} into ${spec.name}:`, problems);

  const updated = new Map<string, RecordOf<C>>();
  const added = new Map<string, RecordOf<C>>();
  const seenAt = new Map<string, number>();
  const extras = new Map<string, Map<number, string>>();
  for (let r = 1; r < csv.length; r++) {
    const row = csv[r] ?? [];
    if (row.every((c) => c.trim() === '')) continue;
    const values: Record<string, unknown> = {};
    let bad = false;
    for (const [i, field] of fields) {
      const column = spec.columns[field] as Columns[string];
      const d = decodeCell(column, (row[i] ?? '') as Cell, ctx);
      const allowed = DECISIONS[spec.name]?.[field];
      if (d.ok && allowed && (row[i] ?? '').trim() !== '' && !allowed.includes(String(d.value))) {
        bad = true;
        problems.push(
          `${source} row ${r + 1}: ${column.header} may be ${allowed.join(', ')} in an import (the engine derives the rest), got ${JSON.stringify(row[i])}`,
        );
      } else if (d.ok) values[field] = d.value;
      else {
        bad = true;
        problems.push(
          `${source} row ${r + 1}: ${column.header} ${d.expected}, got ${JSON.stringify(row[i] ?? '')}`,
        );
      }
    }
    if (bad) continue;
    const key = keyOf(spec, values as RecordOf<C>);
    const dup = seenAt.get(key);
    if (dup !== undefined) {
      problems.push(`${source} row ${r + 1}: key ${key} repeats row ${dup}`);
      continue;
    }
    seenAt.set(key, r + 1);
    if (own.size > 0) extras.set(key, new Map([...own].map(([ci, at]) => [at, row[ci] ?? ''])));
    const at = tab.byKey.get(key);
    const existing = at === undefined ? undefined : (tab.records[at] as RecordOf<C>);
    const settle = (record: RecordOf<C>): RecordOf<C> | undefined => {
      if (spec.name !== 'POs' || !('status' in values)) return record;
      const out = settlePo(existing as unknown as PoLine | undefined, record as unknown as PoLine);
      if ('refused' in out) {
        problems.push(`${source} row ${r + 1}: ${out.refused}`);
        return undefined;
      }
      return out.record as unknown as RecordOf<C>;
    };
    if (existing) {
      const merged = settle({ ...existing, ...values });
      if (merged) updated.set(key, merged);
      continue;
    }
    const record: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(spec.columns)) {
      if (field in values) continue;
      const d = decodeCell(column, '', ctx);
      if (d.ok) record[field] = d.value;
      else
        problems.push(
          `${source} row ${r + 1}: ${column.header} ${d.expected} for a new row, and the CSV has no such column`,
        );
    }
    const fresh = settle({ ...record, ...values } as RecordOf<C>);
    if (fresh) added.set(key, fresh);
  }
  if (problems.length > 0)
    throw new DeskError(
      'BAD_CELL',
      `${source}: nothing imported; fix these rows and import again:`,
      problems,
    );
  const decisionFields = Object.keys(DECISIONS[spec.name] ?? {});
  return {
    decisions: [...fields.values()].some((f) => decisionFields.includes(f)),
    changes: { updated: [...updated.values()], added: [...added.values()] },
    extras,
    summary: `${spec.name}: ${added.size} added, ${updated.size} updated from ${source}`,
  };
}
