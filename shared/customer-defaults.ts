/**
 * A customer's defaults: Settings rows keyed `Customer: <name>` whose Value names a ship
 * policy and / or a priority, in any order ("Ship complete, VIP"). An order line that leaves its
 * Priority or ShipPolicy cell blank takes its customer's default, else the tab's (Normal, Ship
 * partial). Applied as the workbook is decoded, so every edge and every action sees the same line;
 * the blank cell stays blank (the engine never writes a person's column it did not change), so a
 * new default reaches every such line at once. Decision: Settings rows rather than a Customers tab,
 * because the product has no other customer data to keep and Settings already is where people tune
 * the engine by typing a key and a value.
 */

import { DeskError } from './primitives/errors';
import type { RawTab } from './sheet/codec';
import type { OrderLine } from './tabs/orders';
import type { SettingRow } from './tabs/settings';
import {
  matchVocabulary,
  PRIORITIES,
  type Priority,
  SHIP_POLICIES,
  type ShipPolicy,
} from './tabs/vocabulary';

export interface CustomerDefault {
  readonly priority?: Priority;
  readonly shipPolicy?: ShipPolicy;
  /** Where notices go when none of the order's lines carries a CustomerEmail. */
  readonly email?: string;
  /** "No email": the customer gets no notices at all. */
  readonly optOut?: boolean;
}

/** A plain address: something@domain.tld, no spaces, brackets or second @. */
export const isEmailAddress = (text: string): boolean =>
  /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/.test(text.trim());
const OPT_OUT = /^no\s*(e-?mails?|notices|notifications)$/i;

const PREFIX = /^\s*customer\s*:\s*/i;
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The `Customer: <name>` rows of Settings; a value naming anything else is refused with its cell. */
export function parseCustomerDefaults(
  rows: readonly SettingRow[],
  rowOf: (index: number) => number,
): Map<string, CustomerDefault> {
  const out = new Map<string, CustomerDefault>();
  const problems: string[] = [];
  rows.forEach((row, index) => {
    if (!PREFIX.test(row.key) || row.value.trim() === '') return;
    const d: { priority?: Priority; shipPolicy?: ShipPolicy; email?: string; optOut?: boolean } = {};
    for (const token of row.value
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter(Boolean)) {
      const policy = matchVocabulary(SHIP_POLICIES, token);
      const priority = matchVocabulary(PRIORITIES, token);
      if (policy) d.shipPolicy = policy;
      else if (priority) d.priority = priority;
      else if (OPT_OUT.test(token)) d.optOut = true;
      else if (token.includes('@') && isEmailAddress(token)) d.email = token;
      else if (token.includes('@'))
        problems.push(
          `Settings!B${rowOf(index)}: ${row.key.trim()} has an e-mail address that is not one (expected name@example.com), got "${token}"`,
        );
      else
        problems.push(
          `Settings!B${rowOf(index)}: ${row.key.trim()} may name a ship policy (${SHIP_POLICIES.join(', ')}), a priority (${PRIORITIES.join(', ')}), an e-mail address and "No email", got "${token}"`,
        );
    }
    out.set(nameKey(row.key.replace(PREFIX, '')), d);
  });
  if (problems.length > 0) throw new DeskError('BAD_CELL', 'Settings has bad values:', problems);
  return out;
}

/** The defaults of a customer, by name as people type it (any case, any spacing). */
export const customerDefaultOf = (defaults: ReadonlyMap<string, CustomerDefault>, customer: string) =>
  defaults.get(nameKey(customer));

const blank = (cell: unknown) => cell === undefined || cell === null || String(cell).trim() === '';

/** Gives each line whose Priority or ShipPolicy cell is blank its customer's default, in place. */
export function applyCustomerDefaults(
  lines: OrderLine[],
  rowNumbers: readonly number[],
  columns: { readonly priority: number; readonly shipPolicy: number },
  raw: RawTab | undefined,
  defaults: ReadonlyMap<string, CustomerDefault>,
): void {
  if (defaults.size === 0) return;
  lines.forEach((line, i) => {
    const d = defaults.get(nameKey(line.customer));
    if (!d) return;
    const cells = raw?.values[(rowNumbers[i] as number) - 1] ?? [];
    if (d.priority && blank(cells[columns.priority])) line.priority = d.priority;
    if (d.shipPolicy && blank(cells[columns.shipPolicy])) line.shipPolicy = d.shipPolicy;
  });
}
