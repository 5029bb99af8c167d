/**
 * The sidebar's view reader (addon/src/ui/view-reader.ts) over the built Code.js in the twin: views
 * in parts while the parts' executions overlap, one call for the rest of the session once they
 * did not, one call again when a write lands between the parts, and a list entry's Go moving the
 * selection with its parts. The twin runs one execution at a time, so where a test needs them side by
 * side it says so by the clocks the parts report (`ran`), the one thing it stands in for.
 */
import { describe, expect, it } from 'vitest';
import { viewReader } from '../../addon/src/ui/view-reader';
import type { RowView } from '../../shared/sidebar/rpc';
import { VIEW_PARTS, type ViewPart } from '../../shared/sidebar/view-parts';
import { type Desk, lastUnitShop } from '../support/addon';

let n = 0;
const rid = () => `view-reader-${String(++n).padStart(4, '0')}`;

/** google.script.run as the sidebar sees it, over the built add-on; `sideBySide` sets the parts' clocks. */
function server(desk: Desk, sideBySide: boolean, between?: () => void) {
  const calls: string[] = [];
  let parts = 0;
  const call = async <T>(fn: string, ...args: unknown[]): Promise<T> => {
    calls.push(fn);
    await Promise.resolve();
    const index = fn === 'sidebarViewPart' ? parts++ % VIEW_PARTS.length : -1;
    if (index === 1) between?.();
    const out = desk.run<unknown>(fn, ...args);
    if (fn !== 'sidebarViewPart') return out as T;
    const part = out as ViewPart;
    const at = sideBySide ? 1000 : 1000 + 2000 * index;
    return { ...part, ran: [at, at + 1500] } as T;
  };
  return { call, calls };
}

async function shop() {
  const desk = await lastUnitShop(['A', 'B', 'C']);
  desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid(), attempt: 1 }, null);
  return desk;
}

const PARTS: string[] = Array(VIEW_PARTS.length).fill('sidebarViewPart');
const shown = (v: RowView) => ({ ...v, memory: undefined });

describe('add-on: the sidebar’s view reader', () => {
  it('reads views in parts while they run side by side, and they show what one call shows', async () => {
    const desk = await shop();
    const { call, calls } = server(desk, true);
    const reader = viewReader(call);
    const ref = { sheet: 'Backorders', row: 3 };
    for (let i = 0; i < 2; i++) {
      const view = await reader.view(ref, undefined);
      expect(shown(view)).toEqual(shown(desk.run<RowView>('sidebarView', ref)));
    }
    expect(calls).toEqual(Array(2 * VIEW_PARTS.length).fill('sidebarViewPart'));
    expect(reader.inParts).toBe(true);
    // A row with no view (another tab) is one call.
    await reader.view({ sheet: 'Log', row: 2 }, undefined);
    expect(calls.at(-1)).toBe('sidebarView');
  });

  it('asks in one call for the rest of the session once the parts ran one after the other', async () => {
    const desk = await shop();
    const { call, calls } = server(desk, false);
    const reader = viewReader(call);
    const ref = { sheet: 'Orders', row: 3 };
    await reader.view(ref, undefined);
    expect(reader.inParts).toBe(false);
    const view = await reader.view(ref, undefined);
    expect(shown(view)).toEqual(shown(desk.run<RowView>('sidebarView', ref)));
    expect(calls).toEqual([...PARTS, 'sidebarView']);
    await reader.go({ sheet: 'Backorders', row: 2 }, undefined);
    expect(calls.at(-1)).toBe('sidebarGo');
  });

  it('asks in one call when a write lands between the parts, and shows the row as it now is', async () => {
    const desk = await shop();
    const { call, calls } = server(desk, true, () =>
      desk.run('sidebarAction', {
        command: { action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'between' },
        requestId: rid(),
        attempt: 1,
      }),
    );
    const reader = viewReader(call);
    const ref = { sheet: 'Backorders', row: 2 };
    const view = await reader.view(ref, undefined);
    expect(calls).toEqual([...PARTS, 'sidebarView']);
    expect(view.calls.map(([, what]) => what)).toEqual(['between']);
  });

  it('asks in one call when a part fails, and shows that call’s failure when it fails too', async () => {
    const desk = await shop();
    const { call, calls } = server(desk, true);
    let failing = true;
    const flaky = async <T>(fn: string, ...args: unknown[]): Promise<T> => {
      if (fn === 'sidebarViewPart' && args[1] === 'stock')
        throw new Error('Exception: Service Spreadsheets timed out');
      if (fn === 'sidebarView' && failing) throw new Error('Exception: Service Spreadsheets failed');
      return call<T>(fn, ...args);
    };
    const reader = viewReader(flaky);
    const ref = { sheet: 'Backorders', row: 2 };
    await expect(reader.view(ref, undefined)).rejects.toThrow('Service Spreadsheets failed');
    failing = false;
    const view = await reader.view(ref, undefined);
    expect(shown(view)).toEqual(shown(desk.run<RowView>('sidebarView', ref)));
    expect(calls.at(-1)).toBe('sidebarView');
  });

  it('moves the selection with a list entry’s Go, its view read in parts', async () => {
    const desk = await shop();
    const { call, calls } = server(desk, true);
    const reader = viewReader(call);
    const reply = await reader.go({ sheet: 'Backorders', row: 3 }, undefined);
    expect(calls.sort()).toEqual(['sidebarJump', ...PARTS]);
    expect(reply.ref).toEqual({ sheet: 'Backorders', row: 3 });
    expect(desk.run('sidebarSelection')).toEqual({ sheet: 'Backorders', row: 3 });
    expect(reply.view?.title).toMatch(/^BO-000002/);
  });
});
