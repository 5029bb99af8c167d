/**
 * What a single-entity action is about (docs/addon.md, "Read plan"): the orders, backorders, SKUs
 * and POs a command names, and the rows its `expected` versions name. A batch has no keys (null): it
 * reads whole tabs. Pure; shared/io/row-scope.ts grows these keys to the rows the action decides from.
 */
import { ACTION_SPECS } from '../commands/catalog';
import type { Command } from '../commands/schema';
import { type Entities, NO_ENTITIES } from '../commands/spec';
import { TABS } from '../workbook';

/** What an action is about: the entities it names (shared/commands/spec.ts). */
export type ScopeKeys = Entities;

export const NO_KEYS: ScopeKeys = NO_ENTITIES;

/** The entities a command names (its spec says), or null for a batch (which reads whole tabs). */
export function commandKeys(command: Command): ScopeKeys | null {
  const names = ACTION_SPECS[command.action].names as ((c: Command) => Entities | null) | undefined;
  const keys = names?.(command) ?? null;
  return keys && withExpected(keys, command.expected);
}

/** Adds the rows a command's `expected` versions name (`Orders:SO-1#2`, `Inventory:SKU#WH`…). */
function withExpected(keys: ScopeKeys, expected: Record<string, string> | undefined): ScopeKeys {
  const out = {
    orders: [...keys.orders],
    backorders: [...keys.backorders],
    skus: [...keys.skus],
    pos: [...keys.pos],
    ...(keys.poLines ? { poLines: keys.poLines } : {}),
    ...(keys.orderLines ? { orderLines: keys.orderLines } : {}),
  };
  for (const ref of Object.keys(expected ?? {})) {
    const at = ref.indexOf(':');
    const tab = ref.slice(0, at);
    const key = ref.slice(at + 1);
    const first = key.split('#')[0] ?? '';
    if (tab === TABS.orders.name) out.orders.push(first);
    else if (tab === TABS.backorders.name) out.backorders.push(key);
    else if (tab === TABS.inventory.name) out.skus.push(first);
    else if (tab === TABS.pos.name) out.pos.push(first);
  }
  return out;
}
