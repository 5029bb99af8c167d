/**
 * The memory a view hands to the action taken from it (shared/io/search-memory.ts): its stamp moves
 * with anything the index shows (a row added, a grid grown, a header changed, any action's Log id),
 * and it is recalled only with the same stamp, within MEMORY_SECONDS, and within its bounds.
 */
import { describe, expect, it } from 'vitest';
import type { IndexedShape } from '../../shared/io/index-tab';
import {
  MEMORY_ROWS,
  MEMORY_SECONDS,
  MEMORY_WORDS,
  memoryRecorder,
  recallFrom,
  stampOf,
} from '../../shared/io/search-memory';

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
});
