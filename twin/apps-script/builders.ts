/**
 * The builders of the twin's SpreadsheetApp: data validation and conditional-format rules recorded as
 * plain data (the workbook file and the playground read them; a rule read back gets the methods the
 * add-on reads it with), and EmbeddedChartBuilder, which stores a chart in the Sheets API's shape so
 * both faces and the page agree.
 */
import { TwinRange } from './range';

/** A rule read back: its data plus the methods the add-on reads it with. */
export function conditionalRule(state: Record<string, unknown>) {
  return {
    state,
    getBooleanCondition: () => ({
      getCriteriaValues: () => (state.whenFormulaSatisfied ? [state.whenFormulaSatisfied] : []),
    }),
    getRanges: () => (state.setRanges as unknown[]) ?? [],
  };
}

/** A range argument is kept as "Sheet!A1" text (a live range cannot be stored in the file). */
function plain(v: unknown, sheetTitle: (sheetId: number) => string): unknown {
  if (Array.isArray(v)) return v.map((x) => plain(x, sheetTitle));
  if (v instanceof TwinRange)
    return `${sheetTitle((v.getSheet() as { getSheetId(): number }).getSheetId())}!${v.getA1Notation()}`;
  return v;
}

/** EmbeddedChartBuilder: stored in the Sheets API's chart shape, so both faces and the page agree. */
export function chartBuilder(sheetId: number) {
  const ranges: TwinRange[] = [];
  let title = '';
  let type = 'COLUMN';
  const grid = (r: TwinRange) => ({
    sheetId: (r.getSheet() as { getSheetId(): number }).getSheetId(),
    startRowIndex: r.row,
    endRowIndex: r.row + r.rows,
    startColumnIndex: r.col,
    endColumnIndex: r.col + r.cols,
  });
  const b = {
    asColumnChart: () => ((type = 'COLUMN'), b),
    asBarChart: () => ((type = 'BAR'), b),
    addRange: (r: TwinRange) => (ranges.push(r), b),
    setOption: (k: string, v: unknown) => (k === 'title' ? (title = String(v)) : undefined, b),
    setPosition: () => b,
    build: () => ({
      spec: {
        title,
        basicChart: {
          chartType: type,
          domains: ranges.slice(0, 1).map((r) => ({ domain: { sourceRange: { sources: [grid(r)] } } })),
          series: ranges.slice(1).map((r) => ({ series: { sourceRange: { sources: [grid(r)] } } })),
        },
      },
      position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 0, columnIndex: 6 } } },
    }),
  };
  return b;
}

/** DataValidationBuilder and ConditionalFormatRuleBuilder: each call records its arguments as data. */
export function valueBuilder(kind: string, sheetTitle: (sheetId: number) => string) {
  const state: Record<string, unknown> = {};
  const b: Record<string, unknown> = {};
  const set =
    (key: string) =>
    (...args: unknown[]) => {
      state[key] = plain(args.length === 1 ? args[0] : args, sheetTitle);
      return b;
    };
  for (const key of [
    'requireValueInList',
    'requireValueInRange',
    'requireNumberGreaterThanOrEqualTo',
    'requireNumberBetween',
    'requireDate',
    'requireFormulaSatisfied',
    'setAllowInvalid',
    'setHelpText',
    'whenFormulaSatisfied',
    'whenTextEqualTo',
    'setBackground',
    'setFontColor',
    'setRanges',
  ])
    b[key] = set(key);
  b.build = () => (kind === 'conditionalFormat' ? conditionalRule({ kind, ...state }) : { kind, ...state });
  return b;
}
