/**
 * The sidebar's list reader (addon/src/ui/list-reader.ts) over the built Code.js in the twin: a
 * backorder list in parts while the parts' executions overlap, the list one call gives; one call for
 * the rest of the session once they did not, or once the views found Google queues calls; one call
 * when a part fails or the bands do not tile the tab. The twin runs one execution at a time, so
 * where a test needs them side by side it says so by the clocks the parts report (`ran`).
 */
import { describe, expect, it } from 'vitest';
import { listReader } from '../../addon/src/ui/list-reader';
import { LIST_PARTS, type ListPart } from '../../shared/sidebar/list-parts';
import type { ListFilter, ListRow } from '../../shared/sidebar/rpc';
import { type Desk, lastUnitShop } from '../support/addon';

/** google.script.run as the sidebar sees it; `sideBySide` sets the parts' clocks, `spoil` changes a part. */
function server(desk: Desk, sideBySide: boolean, spoil?: (p: ListPart, i: number) => ListPart) {
  const calls: string[] = [];
  const call = async <T>(fn: string, ...args: unknown[]): Promise<T> => {
    calls.push(fn);
    await Promise.resolve();
    const out = desk.run<unknown>(fn, ...args);
    if (fn !== 'sidebarListPart') return out as T;
    const i = args[1] as number;
    const at = sideBySide ? 1000 : 1000 + 2000 * i;
    const part = { ...(out as ListPart), ran: [at, at + 1500] as const };
    return (spoil ? spoil(part, i) : part) as T;
  };
  return { call, calls };
}

async function shop(): Promise<Desk> {
  const desk = await lastUnitShop(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  desk.run(
    'sidebarAction',
    { command: { action: 'allocate' }, requestId: 'list-reader-1', attempt: 1 },
    null,
  );
  return desk;
}

const PARTS: string[] = Array(LIST_PARTS).fill('sidebarListPart');
const views = (inParts: boolean | undefined) => ({ inParts });

describe('add-on: the sidebar’s list reader', () => {
  it('reads lists in parts while they run side by side, the list one call gives', async () => {
    const desk = await shop();
    const { call, calls } = server(desk, true);
    const read = listReader(call, views(undefined));
    for (const filter of [{}, { when: 'due today' }, { limit: 2 }] as ListFilter[]) {
      const got = await read(filter);
      expect(got).toEqual(desk.run<ListRow[]>('sidebarList', filter));
    }
    expect((await read({})).length).toBe(6);
    expect(calls).toEqual([...PARTS, ...PARTS, ...PARTS, ...PARTS]);
  });

  it('asks in one call for the rest of the session once the parts ran one after the other', async () => {
    const desk = await shop();
    const { call, calls } = server(desk, false);
    const read = listReader(call, views(undefined));
    const first = await read({});
    expect(first).toEqual(desk.run<ListRow[]>('sidebarList', {}));
    await read({});
    expect(calls).toEqual([...PARTS, 'sidebarList']);
  });

  it('asks in one call where views found Google queues calls', async () => {
    const desk = await shop();
    const { call, calls } = server(desk, true);
    await listReader(call, views(false))({});
    expect(calls).toEqual(['sidebarList']);
  });

  it('asks in one call when a part fails or the bands do not tile the tab', async () => {
    const desk = await shop();
    const whole = desk.run<ListRow[]>('sidebarList', {});
    const shifted = server(desk, true, (p, i) =>
      i === 1 && p.rows ? { ...p, rows: [p.rows[0] + 1, p.rows[1]] as const } : p,
    );
    expect(await listReader(shifted.call, views(undefined))({})).toEqual(whole);
    expect(shifted.calls).toEqual([...PARTS, 'sidebarList']);
    const failing = server(desk, true, (p, i) => {
      if (i === 3) throw new Error('Exception: Service Spreadsheets timed out');
      return p;
    });
    expect(await listReader(failing.call, views(undefined))({})).toEqual(whole);
    expect(failing.calls.at(-1)).toBe('sidebarList');
  });
});
