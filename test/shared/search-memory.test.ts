/**
 * The memory a view hands to the action taken from it (shared/io/search-memory.ts): its stamp moves
 * with anything the index shows (a row added, a grid grown, a header changed, any action's Log id),
 * and it is recalled only with the same stamp, within MEMORY_SECONDS, and within its bounds.
 */
import { describe, expect, it } from 'vitest';
import { benchState } from '../../bench/addon-cost-state';
import { commandScope } from '../../shared/io/command-scope';
import type { IndexedShape } from '../../shared/io/index-tab';
import { readScoped } from '../../shared/io/row-scope';
import {
  MEMORY_ROWS,
  MEMORY_SECONDS,
  MEMORY_WORDS,
  memoryRecorder,
  recallFrom,
  stampOf,
} from '../../shared/io/search-memory';
import { memorySource, rawOf } from '../support/scope-oracle';

const shape = (over: Partial<IndexedShape> = {}): IndexedShape => ({
  header: ['LogID', 'When'],
  gridRows: 1000,
  gridCols: 8,
  keyCells: 40,
  highest: new Map([['LG-', 39]]),
  ...over,
});
const index = (log: Partial<IndexedShape> = {}, orders: Partial<IndexedShape> = {}) =>
  new Map([
    ['Log', shape(log)],
    ['Orders', shape({ header: ['OrderID'], highest: new Map(), ...orders })],
  ]);

describe('search memory', () => {
  it('stamps the index so that anything it shows moving changes the stamp', () => {
    const base = stampOf(index());
    expect(base).not.toBe('');
    expect(stampOf(index())).toBe(base);
    for (const changed of [
      index({ highest: new Map([['LG-', 40]]) }),
      index({}, { keyCells: 41 }),
      index({}, { gridRows: 2000 }),
      index({}, { header: ['OrderID', 'Line'] }),
      new Map([['Log', shape()]]),
    ])
      expect(stampOf(changed)).not.toBe(base);
    // Without the Log's ids no action could be seen to have run: nothing is stamped.
    expect(stampOf(index({ highest: new Map() }))).toBe('');
  });

  it('recalls only with the same stamp and within its minutes', () => {
    const stamp = stampOf(index());
    const memory = { stamp, at: 1_000_000, found: [['Orders', 0, 'SO\\-1', [2, 3]] as const] };
    const at = (s: number) => 1_000_000 + s * 1000;
    expect(recallFrom(memory, stamp, at(MEMORY_SECONDS))?.rows('Orders', 0, 'SO\\-1')).toEqual([2, 3]);
    expect(recallFrom(memory, stamp, at(1))?.rows('Orders', 1, 'SO\\-1')).toBeUndefined();
    expect(recallFrom(memory, stamp, at(MEMORY_SECONDS + 1))).toBeUndefined();
    expect(recallFrom(memory, stamp, at(-1))).toBeUndefined();
    expect(recallFrom(memory, stampOf(index({}, { keyCells: 41 })), at(1))).toBeUndefined();
    expect(recallFrom({ ...memory, stamp: '' }, '', at(1))).toBeUndefined();
    expect(recallFrom(undefined, stamp, at(1))).toBeUndefined();
  });

  it('records within its bounds: a word with too many rows is left to be searched', () => {
    const r = memoryRecorder();
    r.record(['Orders', 9, 'TILE', Array.from({ length: MEMORY_ROWS + 1 }, (_, i) => i + 2)]);
    expect(r.found).toEqual([]);
    for (let i = 0; i < MEMORY_WORDS + 5; i++) r.record(['Orders', 0, `SO-${i}`, [i + 2]]);
    expect(r.found).toHaveLength(MEMORY_WORDS);
  });

  it("holds every search of a 40-line PO's receipt: prepared from a line's row, it searches only what the index answers", () => {
    const { wb, po } = benchState(1000, 0);
    const raw = rawOf(wb);
    const ref = { sheet: 'POs', row: wb.pos.findIndex((l) => l.po === po) + 2 };
    expect(wb.pos.filter((l) => l.po === po)).toHaveLength(40);
    const scope = commandScope({ action: 'receive', po }, ref);
    if (!scope) throw new Error('a receipt has a scope');
    const prepared = memoryRecorder();
    readScoped(memorySource(raw).source, scope.keys, { ...scope, remember: (f) => prepared.record(f) });
    const byWord = new Map(prepared.found.map(([tab, col, word, rows]) => [`${tab}|${col}|${word}`, rows]));
    const { source } = memorySource(raw);
    const searched: string[] = [];
    const counting = {
      ...source,
      find: (...a: Parameters<typeof source.find>) => {
        searched.push(`${a[0]} ${a[1]}`);
        return source.find(...a);
      },
    };
    readScoped(counting, scope.keys, {
      ...scope,
      recall: { rows: (tab, col, word) => byWord.get(`${tab}|${col}|${word}`) },
    });
    // Only the waiting lines of its SKUs (Orders' SKU column, 0-based 9), which the add-on's index
    // lists with no search (shared/io/waiting-lines.ts) and this source does not.
    expect(searched).toEqual(['Orders 9']);
    // The sidebar carries it with every call while the row shows: a few kilobytes.
    expect(JSON.stringify(prepared.found).length).toBeLessThan(20_000);
  });
});
