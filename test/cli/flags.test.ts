/**
 * `do ACTION`'s flags come from one table (shared/commands/flags.ts): the actions it lists are the
 * ones the usage text offers, every flag it names is an option the parser knows, and a field the
 * schema misses is reported by its flag, never by the core's field name.
 */
import { describe, expect, it } from 'vitest';
import { commandFromFlags, parseCommandLine, USAGE } from '../../cli/args';
import { COMMAND_FLAGS } from '../../shared/commands/catalog';

describe('do ACTION flags', () => {
  it('offers in the usage exactly the actions the table maps', () => {
    const block = /ACTION: ([\s\S]*?)\(/.exec(USAGE)?.[1] ?? '';
    const listed = block.split('|').map((a) => a.trim());
    expect(listed.sort()).toEqual(Object.keys(COMMAND_FLAGS).sort());
  });

  it('names only flags the parser knows', () => {
    const flags = new Set(Object.values(COMMAND_FLAGS).flatMap((fields) => (fields ?? []).map(([, f]) => f)));
    for (const flag of flags)
      expect(() => parseCommandLine(['do', 'ship', `--${flag}`, '1']), flag).not.toThrow();
  });

  it('reports a missing or bad field by its flag', () => {
    expect(() => commandFromFlags('cancel', parseCommandLine(['do', 'cancel']).options)).toThrow(
      'do cancel: --backorder is required; --reason is required',
    );
    expect(() =>
      commandFromFlags(
        'change-po',
        parseCommandLine(['do', 'change-po', '--po', 'PO-1', '--line', '1', '--date', '2026-02-30']).options,
      ),
    ).toThrow('do change-po: --date: must be a real date written YYYY-MM-DD, got "2026-02-30"');
    // A change-line's date is its requiredDate: refused as --date, the flag the person typed.
    expect(() =>
      commandFromFlags(
        'change-line',
        parseCommandLine(['do', 'change-line', '--order', 'SO-1', '--line', '1', '--date', '2026-13-01'])
          .options,
      ),
    ).toThrow('do change-line: --date: must be a real date written YYYY-MM-DD, got "2026-13-01"');
    expect(
      commandFromFlags(
        'log-call',
        parseCommandLine(['do', 'log-call', '--order', 'SO-1', '--note', 'told']).options,
      ),
    ).toMatchObject({
      action: 'log-call',
      orderId: 'SO-1',
      method: 'Phone',
      summary: 'told',
    });
    expect(() => commandFromFlags('valueOf', parseCommandLine(['do']).options)).toThrow(
      'unknown action "valueOf"',
    );
  });
});
