/**
 * What a single-entity action is about (docs/addon.md, "Read plan"): the orders, backorders, SKUs
 * and POs a command names, and the rows its `expected` versions name. A batch has no keys (null): it
 * reads whole tabs. Pure; shared/io/row-scope.ts grows these keys to the rows the action decides from.
 */
import type { Command } from '../commands/schema';
import { TABS } from '../workbook';

/** What an action is about: the entities it names. */
export interface ScopeKeys {
  readonly orders: readonly string[];
  readonly backorders: readonly string[];
  readonly skus: readonly string[];
  readonly pos: readonly string[];
  /**
   * The lines of the named POs the action changes (a receipt of some lines): only their SKUs'
   * stock and queues are read. Absent: every line of the PO.
   */
  readonly poLines?: readonly number[];
}

export const NO_KEYS: ScopeKeys = { orders: [], backorders: [], skus: [], pos: [] };
const NONE = NO_KEYS;

/** The entities a command names, or null for a batch (which reads whole tabs). */
export function commandKeys(command: Command): ScopeKeys | null {
  const c = command as Command & Partial<Record<'orderId' | 'backorderId' | 'sku' | 'po', string>>;
  let keys: ScopeKeys;
  switch (command.action) {
    case 'allocate':
      if (!command.orderId) return null;
      keys = { ...NONE, orders: [command.orderId] };
      break;
    case 'ship':
    case 'create-backorder':
    case 'cancel-line':
    case 'change-line':
    case 'hold':
    case 'release':
      keys = { ...NONE, orders: [command.orderId] };
      break;
    case 'receive': {
      const lines = command.lines ?? (command.line === undefined ? undefined : [command.line]);
      keys = { ...NONE, pos: [command.po], ...(lines ? { poLines: lines } : {}) };
      break;
    }
    case 'change-po':
    case 'cancel-po-line':
      keys = { ...NONE, pos: [command.po], poLines: [command.line] };
      break;
    case 'send-po':
      keys = { ...NONE, pos: [command.po] };
      break;
    case 'fulfill':
      if (!command.backorderId && !command.sku) return null;
      keys = { ...NONE, backorders: c.backorderId ? [c.backorderId] : [], skus: c.sku ? [c.sku] : [] };
      break;
    case 'cancel':
    case 'reschedule':
    case 'drop-ship':
    case 'record-notice':
      keys = { ...NONE, backorders: [command.backorderId] };
      break;
    case 'substitute':
      keys = { ...NONE, backorders: [command.backorderId], skus: [command.sku] };
      break;
    case 'log-call':
      keys = {
        ...NONE,
        backorders: c.backorderId ? [c.backorderId] : [],
        orders: c.orderId ? [c.orderId] : [],
      };
      break;
    case 'transfer':
      keys = { ...NONE, skus: [command.sku] };
      break;
    default:
      return null;
  }
  return withExpected(keys, command.expected);
}

/** Adds the rows a command's `expected` versions name (`Orders:SO-1#2`, `Inventory:SKU#WH`…). */
function withExpected(keys: ScopeKeys, expected: Record<string, string> | undefined): ScopeKeys {
  const out = {
    orders: [...keys.orders],
    backorders: [...keys.backorders],
    skus: [...keys.skus],
    pos: [...keys.pos],
    ...(keys.poLines ? { poLines: keys.poLines } : {}),
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
