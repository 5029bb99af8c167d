/**
 * The history segment served row by row (local-store/segment-rows.ts) against the whole replay as
 * an oracle: on a segment with cells written over after their rows (a key retyped, a delivery
 * settled), a key holding a `"`, and rows of several tabs interleaved, every search, row, column and
 * whole tab must read as the replayed tabs read through shared/io/tab-source.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSpreadsheet } from '../../local-store/file-spreadsheet';
import { HISTORY_TAB_NAMES, SEGMENT_FROM_ROWS } from '../../local-store/history-segment';
import { SegmentRows } from '../../local-store/segment-rows';
import {
  readWorkbookFile,
  readWorkbookFileDeferred,
  workbookFileOf,
  writeWorkbookFile,
} from '../../local-store/workbook-file';
import { literal } from '../../shared/io/row-patterns';
import { tabSource } from '../../shared/io/tab-source';
import type { Cell } from '../../shared/sheet/cells';
import type { RawTab } from '../../shared/sheet/codec';
import { tempDir } from '../support/cli';

async function segmented() {
  const path = join(tempDir(), 'w.json');
  const shipments: Cell[][] = [['ShipmentID', 'BackorderID', 'DeliveredAt']];
  const log: Cell[][] = [['LogID', 'Summary']];
  for (let i = 1; i <= SEGMENT_FROM_ROWS; i++) {
    log.push([`LG-${i}`, `action ${i}`]);
    if (i % 50 === 0) shipments.push([`SH-${i}`, `BO-${i % 7}`, '']);
  }
  shipments.push(['SH-Q', 'BO-"quoted"', ''], ['SH-B', 'BO-\\back', 46000]);
  await writeWorkbookFile(
    path,
    workbookFileOf('rows', 'UTC', [
      { name: 'Orders', values: [['OrderID'], ['SO-1']] },
      { name: 'Shipments', values: shipments },
      { name: 'Log', values: log },
    ]),
  );
  // Cells written over after their rows, appended as records: a key retyped, a delivery settled.
  const port = await FileSpreadsheet.open(path, 'rows', 'segment-rows.test');
  await port.read(['Shipments', 'Log']);
  await port.write([
    {
      tab: 'Shipments',
      writes: [
        { row: 1, col: 1, value: 'BO-retyped' },
        { row: 3, col: 2, value: 46111 },
        { row: 3, col: 4, value: 'past the header' },
      ],
      appends: [['SH-NEW', 'BO-3', '']],
    },
    { tab: 'Log', writes: [{ row: 2, col: 1, value: 'said again' }], appends: [['LG-NEW', 'new']] },
  ]);
  return path;
}

describe('a history segment read row by row', () => {
  it('reads as the whole replay reads, searches included', async () => {
    const path = await segmented();
    const whole = await readWorkbookFile(path);
    const tabs: Record<string, RawTab> = {};
    for (const s of whole?.sheets ?? [])
      tabs[s.properties.title] = { name: s.properties.title, values: s.values as Cell[][] };
    const oracle = tabSource(tabs);
    const deferred = await readWorkbookFileDeferred(path);
    expect(deferred?.segment).toBeDefined();
    const headers = new Map(
      (deferred?.file.sheets ?? [])
        .filter((s) => HISTORY_TAB_NAMES.has(s.properties.title))
        .map((s) => [s.properties.title, s.values[0] as Cell[]] as const),
    );
    const rows = new SegmentRows(deferred?.segment as never, headers).source;

    for (const tab of ['Shipments', 'Log']) {
      expect(rows.shape(tab, true)).toEqual(oracle.shape(tab, true));
      expect(rows.whole(tab)).toEqual(oracle.whole(tab));
      const some = [1, 2, 3, 4, 50, (oracle.shape(tab, true)?.lastRow ?? 2) - 1];
      expect(rows.rows(tab, some, 3)).toEqual(oracle.rows(tab, some, 3));
      expect(rows.column?.(tab, some, 1)).toEqual(oracle.column?.(tab, some, 1));
    }
    const words = [
      'BO-3',
      'BO-retyped',
      'BO-1',
      'BO-"quoted"',
      'BO-\\back',
      'BO-nothing',
      'SH-NEW',
      'said again',
      'action 2',
    ];
    for (const tab of ['Shipments', 'Log'])
      for (const col of [0, 1])
        for (const pattern of [
          ...words.map((w) => `(?:${literal(w)})`),
          `(?:${words.map(literal).join('|')})`,
          '(?:BO)-\\d+',
          '[\\s_-]*[Bb][Oo]-3',
        ])
          expect(rows.find(tab, col, pattern, 2), `${tab} ${col} ${pattern}`).toEqual(
            oracle.find(tab, col, pattern, 2),
          );
  });
});
