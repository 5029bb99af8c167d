/**
 * The workbook as an .xlsx file that any spreadsheet program opens (PRODUCT.md section 6): every tab
 * (or one), values with dates as dates where the engine knows the column is a date, formulas with
 * their last computed result, the header row frozen. Written with exceljs (MIT).
 */
import ExcelJS from 'exceljs';
import { columnLetter as columnLetters } from '../shared/sheet/a1';
import { workbookFormulas } from './formulas';
import { isDatePattern, type WorkbookFile } from './workbook-file';

/** Column header → date pattern, for tabs whose columns the engine declares as dates. */
export type DateColumns = (tab: string, header: string) => boolean;

export async function toXlsx(
  file: WorkbookFile,
  tabs: readonly string[],
  isDateColumn: DateColumns,
  clock: () => Date = () => new Date(),
): Promise<Buffer> {
  const formulas = workbookFormulas(file, clock);
  const book = new ExcelJS.Workbook();
  book.creator = 'Backorder Desk';
  for (const sheet of file.sheets.filter((s) => tabs.includes(s.properties.title))) {
    const ws = book.addWorksheet(sheet.properties.title, {
      views: [{ state: 'frozen', ySplit: sheet.properties.gridProperties.frozenRowCount ?? 0 }],
    });
    const header = (sheet.values[0] ?? []).map((h) => String(h ?? ''));
    sheet.values.forEach((row, r) => {
      const cells = row.map((v, c) => {
        const formula = sheet.formulas[`${columnLetters(c)}${r + 1}`];
        const value = formula ? formulas.valueAt(sheet.properties.title, r, c) : v;
        const dated =
          r > 0 &&
          typeof value === 'number' &&
          (isDateColumn(sheet.properties.title, header[c] ?? '') ||
            isDatePattern(sheet.columnFormats[columnLetters(c)]));
        // xlsx dates carry no zone: the sheet's wall clock is written as is (serials share 1899-12-30).
        const plain = dated
          ? new Date(Math.round(((value as number) - 25_569) * 86_400_000))
          : (value ?? null);
        return formula ? { formula: formula.replace(/^=/, ''), result: plain } : plain;
      });
      ws.addRow(cells);
    });
    header.forEach((h, c) => {
      if (isDateColumn(sheet.properties.title, h)) ws.getColumn(c + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
