/**
 * The sidebar's cache of the views it showed (addon/src/ui/view-cache.ts): a row's latest view is
 * found again by its row, the least recently kept goes first, and the empty view is never kept.
 */
import { describe, expect, it } from 'vitest';
import { ViewCache } from '../../../addon/src/ui/view-cache';
import type { RowView } from '../../../shared/sidebar/rpc';

const view = (row: number, title = `row ${row}`): RowView =>
  ({ kind: 'backorder', ref: { sheet: 'Backorders', row }, title }) as RowView;

describe('view cache', () => {
  it('keeps the latest view of each row, and forgets the least recent past its size', () => {
    const cache = new ViewCache(2);
    cache.put(view(2));
    cache.put(view(3));
    cache.put(view(2, 'row 2 again'));
    cache.put(view(4));
    expect(cache.get({ sheet: 'Backorders', row: 2 })?.title).toBe('row 2 again');
    expect(cache.get({ sheet: 'Backorders', row: 3 })).toBeUndefined();
    expect(cache.get({ sheet: 'Backorders', row: 4 })?.title).toBe('row 4');
    expect(cache.get(null)).toBeUndefined();
  });

  it('never keeps the empty view', () => {
    const cache = new ViewCache();
    cache.put({ kind: 'none', ref: { sheet: 'Settings', row: 2 }, title: 'Select a row' } as RowView);
    expect(cache.get({ sheet: 'Settings', row: 2 })).toBeUndefined();
  });
});
