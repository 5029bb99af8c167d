/**
 * Whole numbers for people (shared/primitives/quantity.ts `grouped`): written as en-US's Intl writes
 * them, for any safe integer, without loading Intl.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from '../../shared/primitives/quantity';

describe('grouped', () => {
  it('groups digits by thousands as toLocaleString("en-US") does', () => {
    for (const n of [0, 7, 999, 1000, 11_022, 10_000_000, -1234])
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => grouped(n) === n.toLocaleString('en-US')),
      { numRuns: 2000, seed: 7 },
    );
  });
});
