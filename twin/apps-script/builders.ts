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

/** A chart as the workbook file stores it: the Sheets API's EmbeddedChart. */
export interface StoredChart {
  chartId?: number;
  spec: {
    title?: string;
    basicChart?: {
      chartType?: string;
      legendPosition?: string;
      axis?: { position: string; title?: string }[];
      domains?: { domain: { sourceRange: { sources: GridRange[] } } }[];
      series?: { series: { sourceRange: { sources: GridRange[] } }; dataLabel?: { type: string } }[];
    };
  };
  position?: {
    overlayPosition?: { anchorCell?: { sheetId: number; rowIndex: number; columnIndex: number } };
  };
}

export interface GridRange {
  sheetId: number;
  startRowIndex: number;
  endRowIndex: number;
  startColumnIndex: number;
  endColumnIndex: number;
}

/**
 * EmbeddedChartBuilder (a new chart, or `modify()` of one), stored in the Sheets API's shape so both
 * faces and the page agree: the first range is the labels (domain), the others the series; the
 * options the add-on sets land where the Sheets API keeps them (`hAxis.title` on the bottom axis,
 * `vAxis.title` on the left one, `series` `{0: {dataLabel: 'value'}}` as a data label, `legend`
 * `{position: 'none'}` as no legend). Other options are kept by Google and ignored here.
 */
export function chartBuilder(sheetId: number, base?: StoredChart) {
  const basic = base?.spec.basicChart;
  let ranges: GridRange[] = [
    ...(basic?.domains ?? []).flatMap((d) => d.domain.sourceRange.sources),
    ...(basic?.series ?? []).flatMap((x) => x.series.sourceRange.sources),
  ];
  let title = base?.spec.title ?? '';
  let type = basic?.chartType ?? 'COLUMN';
  const axisTitle = (position: string) => basic?.axis?.find((a) => a.position === position)?.title;
  let hAxis = axisTitle('BOTTOM_AXIS');
  let vAxis = axisTitle('LEFT_AXIS');
  let dataLabel = basic?.series?.[0]?.dataLabel !== undefined;
  let legend = basic?.legendPosition;
  let anchor = base?.position?.overlayPosition?.anchorCell ?? { sheetId, rowIndex: 0, columnIndex: 6 };
  // What the chart keeps of a range, read without counting a call: the script made none.
  const grid = (r: TwinRange): GridRange => ({
    sheetId: r.sheetId,
    startRowIndex: r.row,
    endRowIndex: r.row + r.rows,
    startColumnIndex: r.col,
    endColumnIndex: r.col + r.cols,
  });
  const option = (key: string, value: unknown) => {
    if (key === 'title') title = String(value);
    else if (key === 'hAxis.title') hAxis = String(value);
    else if (key === 'vAxis.title') vAxis = String(value);
    else if (key === 'series')
      dataLabel = (value as Record<number, { dataLabel?: string }>)?.[0]?.dataLabel === 'value';
    else if (key === 'legend')
      legend = (value as { position?: string })?.position === 'none' ? 'NO_LEGEND' : undefined;
  };
  const b = {
    asColumnChart: () => ((type = 'COLUMN'), b),
    asBarChart: () => ((type = 'BAR'), b),
    addRange: (r: TwinRange) => (ranges.push(grid(r)), b),
    clearRanges: () => ((ranges = []), b),
    setOption: (k: string, v: unknown) => (option(k, v), b),
    setPosition: (row: number, column: number) => (
      (anchor = { sheetId, rowIndex: row - 1, columnIndex: column - 1 }), b
    ),
    build: (): StoredChart => ({
      ...(base?.chartId !== undefined ? { chartId: base.chartId } : {}),
      spec: {
        title,
        basicChart: {
          chartType: type,
          ...(legend ? { legendPosition: legend } : {}),
          axis: [
            ...(hAxis !== undefined ? [{ position: 'BOTTOM_AXIS', title: hAxis }] : []),
            ...(vAxis !== undefined ? [{ position: 'LEFT_AXIS', title: vAxis }] : []),
          ],
          domains: ranges.slice(0, 1).map((r) => ({ domain: { sourceRange: { sources: [r] } } })),
          series: ranges.slice(1).map((r) => ({
            series: { sourceRange: { sources: [r] } },
            ...(dataLabel ? { dataLabel: { type: 'DATA' } } : {}),
          })),
        },
      },
      position: { overlayPosition: { anchorCell: anchor } },
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
