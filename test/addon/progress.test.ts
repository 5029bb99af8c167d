/**
 * A long action says what it is doing: through the built Code.js in the twin, an action whose
 * execution runs past two seconds notes its stage in the user's cache, which `sidebarProgress`
 * (the sidebar's concurrent call) reads back; a quick click stores nothing and makes no extra call.
 */
import { describe, expect, it } from 'vitest';
import { NOW, openDesk, typeWorkedExample } from '../support/addon';

/** A clock that moves `stepMs` every time the script reads it: every service call takes time. */
function slowClock(stepMs: number) {
  let t = NOW;
  return () => {
    t += stepMs;
    return t;
  };
}

describe('add-on: progress of a long action', () => {
  it('notes the stage of an action that runs past two seconds, for the sidebar to show', async () => {
    const desk = await openDesk({ now: slowClock(400) });
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    const requestId = 'progress-0001';
    expect(desk.run('sidebarProgress', requestId)).toBe('');
    desk.run('sidebarAction', { command: { action: 'receive', po: 'PO-1' }, requestId, attempt: 1 });
    const stage = desk.run<string>('sidebarProgress', requestId);
    expect(stage).toMatch(/^(reading: \d+ rows of \d+ tabs so far|writing \w+: \d+ of \d+ ranges)$/);
    // Another action's stage is its own.
    expect(desk.run('sidebarProgress', 'progress-other')).toBe('');
  });

  it('stores nothing for a quick click', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    desk.rt.counter.reset();
    desk.run('sidebarAction', {
      command: { action: 'receive', po: 'PO-1' },
      requestId: 'progress-0002',
      attempt: 1,
    });
    expect(desk.rt.counter.counts['Cache.put'] ?? 0).toBe(0);
    expect(desk.run('sidebarProgress', 'progress-0002')).toBe('');
  });

  it('refuses a request id that is not text', async () => {
    const desk = await openDesk();
    expect(() => desk.run('sidebarProgress', { id: 1 })).toThrow(/request id/);
  });
});
