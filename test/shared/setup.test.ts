/**
 * Setup is idempotent and upgrades in place: missing tabs and columns are added, people's rows, values
 * and own columns stay exactly where they were, and missing Settings keys get their defaults.
 */
import { describe, expect, it } from 'vitest';
import { planSetup } from '../../shared/setup/setup';
import type { Cell } from '../../shared/sheet/cells';
import { applyPatch, type RawTab } from '../../shared/sheet/codec';

function apply(tabs: Record<string, RawTab>): Record<string, RawTab> {
  const plan = planSetup(tabs);
  const out: Record<string, RawTab> = {};
  for (const [name, t] of Object.entries(tabs)) out[name] = { name, values: t.values.map((r) => [...r]) };
  for (const t of plan.newTabs) out[t.name] = t;
  for (const p of plan.patches) applyPatch(out[p.tab]?.values as Cell[][], p);
  return out;
}

describe('planSetup', () => {
  it('creates every tab once; a second run changes nothing', () => {
    const once = apply({});
    expect(Object.keys(once)).toEqual([
      'Orders',
      'Inventory',
      'Backorders',
      'POs',
      'Shipments',
      'Calls',
      'Invoices',
      'Log',
      'Settings',
      'ETA History',
      'Notifications',
      'Aging',
    ]);
    const again = planSetup(once);
    expect(again.newTabs).toEqual([]);
    expect(again.patches).toEqual([]);
    expect(again.report).toEqual(['every tab and column is already in place; nothing changed']);
  });

  it('upgrades an older Orders tab without moving a single cell', () => {
    const old: Cell[][] = [
      ['Order ID', 'Line', 'Customer', 'My notes', 'SKU', 'Qty', 'OrderDate'],
      ['SO-1', 1, 'Acme', 'gate code 1234', 'A', 5, 46349],
    ];
    const settings: Cell[][] = [
      ['Notes', 'Key', 'Value'],
      ['mine', 'StaleBackorderDays', '45'],
    ];
    const out = apply({
      Orders: { name: 'Orders', values: old },
      Settings: { name: 'Settings', values: settings },
    });
    const orders = out.Orders?.values ?? [];
    expect(orders[0]?.slice(0, 7)).toEqual(old[0]);
    expect(orders[1]).toEqual(old[1]);
    expect(orders[0]).toContain('QtyBackordered');
    const s = out.Settings?.values ?? [];
    expect(s[1]).toEqual(['mine', 'StaleBackorderDays', '45']);
    expect(s.find((r) => r[1] === 'TimeZone')).toEqual([
      'IANA time zone of dates in this workbook, e.g. America/New_York',
      'TimeZone',
      'America/New_York',
    ]);
    expect(s.filter((r) => r[1] === 'StaleBackorderDays')).toHaveLength(1);
  });
});

describe('Settings', () => {
  it('refuses a time zone the runtime does not know, naming the cell', async () => {
    const { parseSettings } = await import('../../shared/tabs/settings');
    expect(() => parseSettings([{ key: 'TimeZone', value: 'Mars/Olympus', notes: '' }], () => 4)).toThrow(
      'Settings!B4: TimeZone is not valid, got "Mars/Olympus"',
    );
    expect(parseSettings([{ key: 'Time Zone', value: 'Europe/Paris', notes: '' }], () => 2).TimeZone).toBe(
      'Europe/Paris',
    );
  });
});
