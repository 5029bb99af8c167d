/**
 * The daily run as Google runs an add-on's time-driven trigger (docs/fidelity.md A24–A28), through
 * the built Code.js: every spreadsheet a rep sets up gets its own trigger (getProjectTriggers would
 * see the first spreadsheet's and install none in the second); fired with its spreadsheet it sets
 * follow-ups and rebuilds Aging; fired with no active spreadsheet it writes nothing, does not crash
 * in its own error handling, and the spreadsheet's sidebar says what happened.
 */
import { describe, expect, it } from 'vitest';
import { newWorkbookFile } from '../../local-store/workbook-file';
import type { SidebarStatus } from '../../shared/sidebar/rpc';
import { newProjectState } from '../../twin/apps-script/services';
import { openDesk, typeWorkedExample } from '../support/addon';

describe('add-on: the daily run', () => {
  it('installs one trigger in each spreadsheet the rep sets up, and none twice', async () => {
    const project = newProjectState();
    const first = await openDesk({ project });
    const second = await openDesk({ project });
    first.run('menuSetUpWorkbook');
    second.run('menuSetUpWorkbook');
    first.run('menuSetUpWorkbook');
    expect(project.triggers.map((t) => [t.fn, t.documentId])).toEqual([
      ['dailyRun', first.twin.id],
      ['dailyRun', second.twin.id],
    ]);
  });

  it('runs at 06:00 in the spreadsheet’s time zone, not the script’s', async () => {
    const project = newProjectState();
    const desk = await openDesk({ project, file: newWorkbookFile('Berlin shop', 'Europe/Berlin') });
    desk.run('menuSetUpWorkbook');
    expect(project.triggers.map((t) => [t.atHour, t.timeZone])).toEqual([[6, 'Europe/Berlin']]);
  });

  it('runs with its spreadsheet: follow-ups and Aging, logged; its failure shows in the sidebar', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    desk.run('menuAllocateAll');
    const trigger = desk.rt.state.triggers[0];
    desk.rt.fireTimeDriven(trigger?.id ?? '', true);
    expect(
      desk
        .rows('Log')
        .slice(-2)
        .map((l) => l.Action),
    ).toEqual(['follow-up', 'aging']);
    expect(desk.run<SidebarStatus>('sidebarStatus').lastTriggerFailure).toBe('');
    desk.twin.write('Settings!B3', [['not a list of days']], 'USER_ENTERED');
    expect(() => desk.rt.fireTimeDriven(trigger?.id ?? '', true)).toThrow();
    expect(desk.run<SidebarStatus>('sidebarStatus').lastTriggerFailure).toMatch(/^2026-11-23 15:00 UTC: /);
  });

  it('with no active spreadsheet, changes nothing, throws nothing, and the sidebar tells why', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    const before = JSON.stringify(desk.twin.file);
    const trigger = desk.rt.state.triggers[0];
    expect(() => desk.rt.fireTimeDriven(trigger?.id ?? '', false)).not.toThrow();
    expect(JSON.stringify(desk.twin.file)).toBe(before);
    expect(desk.run<SidebarStatus>('sidebarStatus').lastTriggerFailure).toMatch(
      /^2026-11-23 15:00 UTC: the daily run found no spreadsheet to work on; use Rebuild aging from the menu$/,
    );
    // The next run that finds its spreadsheet clears the note.
    desk.rt.fireTimeDriven(trigger?.id ?? '', true);
    expect(desk.run<SidebarStatus>('sidebarStatus').lastTriggerFailure).toBe('');
  });
});
