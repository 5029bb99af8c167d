/**
 * The tab rules of sheet-rules.ts as Sheets API `batchUpdate` requests: the same plan the add-on's Set
 * up applies through Apps Script, for a spreadsheet set up over the API (the CLI's `--spreadsheet`,
 * the sync service). Frozen header, number formats and validation on open-ended column ranges (rows
 * added later are covered), warning-only protection of the engine's columns, conditional colours.
 *
 * Idempotent: a protection of ours (its description starts with PROTECTION_PREFIX) is recognised by the
 * columns it covers, kept once when it is still wanted and deleted otherwise; a conditional format of
 * ours by its formula, replaced. People's own protections and formats are left alone.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request
 */
import { columnLetter } from '../sheet/a1';
import { normalizeHeader } from '../sheet/columns';
import { PROTECTION_PREFIX, type SheetRules, type ValidationRule } from './sheet-rules';

type Request = Record<string, unknown>;

/** What the spreadsheet already holds on one sheet (from `spreadsheets.get`). */
export interface SheetState {
  readonly sheetId: number;
  readonly protectedRanges?: readonly {
    protectedRangeId?: number | null;
    description?: string | null;
    range?: { startColumnIndex?: number | null; endColumnIndex?: number | null } | null;
  }[];
  readonly conditionalFormats?: readonly {
    booleanRule?: { condition?: { values?: { userEnteredValue?: string | null }[] | null } | null } | null;
  }[];
}

const index = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A column from row 2 down, open-ended, as a GridRange. */
const column = (sheetId: number, letter: string) => ({
  sheetId,
  startRowIndex: 1,
  startColumnIndex: index(letter),
  endColumnIndex: index(letter) + 1,
});

function condition(rule: ValidationRule, letter: string, inventorySku: string | undefined) {
  switch (rule.type) {
    case 'list':
      return {
        condition: { type: 'ONE_OF_LIST', values: rule.values.map((v) => ({ userEnteredValue: v })) },
        inputMessage: `One of: ${rule.values.join(', ')}`,
        showCustomUi: true,
      };
    case 'sku':
      return inventorySku
        ? {
            condition: {
              type: 'ONE_OF_RANGE',
              values: [{ userEnteredValue: `='Inventory'!${inventorySku}2:${inventorySku}` }],
            },
            inputMessage: 'A SKU listed on the Inventory tab',
          }
        : undefined;
    case 'whole':
      return {
        condition: {
          type: 'CUSTOM_FORMULA',
          values: [
            {
              userEnteredValue: `=OR(${letter}2="",AND(ISNUMBER(${letter}2),${letter}2=INT(${letter}2),${letter}2>=0))`,
            },
          ],
        },
        inputMessage: 'A whole number, 0 or more',
      };
    case 'date':
      return { condition: { type: 'DATE_IS_VALID' }, inputMessage: 'A date, e.g. 2026-11-23' };
  }
}

/** The Inventory tab's SKU column letter, for the SKU dropdowns ("A" when the header is not found). */
export function skuLetter(inventoryHeader: readonly unknown[]): string {
  const at = inventoryHeader.findIndex((h) => normalizeHeader(h) === 'sku');
  return columnLetter(Math.max(0, at));
}

const formulaOf = (f: NonNullable<SheetState['conditionalFormats']>[number]) =>
  f.booleanRule?.condition?.values?.[0]?.userEnteredValue ?? '';

/** The requests that bring one sheet to its rules; deletions come first, by descending index. */
export function dressRequests(rules: SheetRules, state: SheetState, inventorySku?: string): Request[] {
  const { sheetId } = state;
  const requests: Request[] = [
    {
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
        fields: 'gridProperties.frozenRowCount',
      },
    },
  ];
  const wanted = new Map<string, SheetRules['protections'][number]>(
    rules.protections.map((p) => {
      const [first, last] = p.columns.split(':') as [string, string];
      return [`${index(first)}:${index(last ?? first) + 1}`, p] as const;
    }),
  );
  const kept = new Set<string>();
  for (const p of state.protectedRanges ?? []) {
    if (!(p.description ?? '').startsWith(PROTECTION_PREFIX)) continue;
    const span = `${p.range?.startColumnIndex ?? 0}:${p.range?.endColumnIndex ?? 0}`;
    if (wanted.has(span) && !kept.has(span)) kept.add(span);
    else requests.push({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } });
  }
  const ours = new Set(rules.highlights.map((h) => h.formula));
  (state.conditionalFormats ?? []).forEach((f, i) => {
    if (ours.has(formulaOf(f))) requests.push({ deleteConditionalFormatRule: { sheetId, index: i } });
  });
  // Several deletions by index must run from the highest index down.
  const deletions = requests.splice(1).sort((a, b) => {
    const ia = (a.deleteConditionalFormatRule as { index?: number } | undefined)?.index ?? -1;
    const ib = (b.deleteConditionalFormatRule as { index?: number } | undefined)?.index ?? -1;
    return ib - ia;
  });
  requests.push(...deletions);
  for (const f of rules.formats)
    requests.push({
      repeatCell: {
        range: column(sheetId, f.column),
        cell: {
          userEnteredFormat: {
            numberFormat: {
              type: /y/.test(f.rule)
                ? /h/.test(f.rule)
                  ? 'DATE_TIME'
                  : 'DATE'
                : f.rule.includes('%')
                  ? 'PERCENT'
                  : 'NUMBER',
              pattern: f.rule,
            },
          },
        },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  for (const v of rules.validations) {
    const c = condition(v.rule, v.column, inventorySku);
    if (!c) continue;
    requests.push({ setDataValidation: { range: column(sheetId, v.column), rule: { ...c, strict: true } } });
  }
  for (const [span, p] of wanted)
    if (!kept.has(span)) {
      const [start, end] = span.split(':').map(Number) as [number, number];
      requests.push({
        addProtectedRange: {
          protectedRange: {
            range: { sheetId, startColumnIndex: start, endColumnIndex: end },
            description: p.description,
            warningOnly: true,
          },
        },
      });
    }
  for (const h of rules.highlights) {
    const [from, to] = h.range.split(':') as [string, string];
    const startRow = Number(/\d+/.exec(from)?.[0] ?? 1) - 1;
    requests.push({
      addConditionalFormatRule: {
        index: 0,
        rule: {
          ranges: [
            {
              sheetId,
              startRowIndex: startRow,
              startColumnIndex: index(from.replace(/\d+/, '')),
              endColumnIndex: index(to.replace(/\d+/, '')) + 1,
            },
          ],
          booleanRule: {
            condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: h.formula }] },
            format: { backgroundColorStyle: { rgbColor: rgb(h.background) } },
          },
        },
      },
    });
  }
  return requests;
}

/** "#f4c7c3" → { red, green, blue } in 0–1, as the API's Color takes it. */
function rgb(hex: string) {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}
