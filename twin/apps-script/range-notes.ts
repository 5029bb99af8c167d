/**
 * Cell notes of the twin's ranges (`Range.getNotes` / `setNotes` / `setNote`): they live in the
 * sheet's metadata keyed by A1 cell, and an empty note removes the cell's note, as in Sheets.
 */
import type { Sheet } from '../../local-store/workbook-file';
import { columnLetters } from '../a1';

/** A range's place on its sheet (0-based row and column). */
export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export const a1 = (r: number, c: number) => `${columnLetters(c)}${r + 1}`;

function notesOf(sheet: Sheet): Record<string, string> {
  const existing = sheet.metadata.notes as Record<string, string> | undefined;
  if (existing) return existing;
  const fresh: Record<string, string> = {};
  sheet.metadata.notes = fresh;
  return fresh;
}

export function readNotes(sheet: Sheet, at: Area): string[][] {
  const notes = notesOf(sheet);
  return Array.from({ length: at.rows }, (_, r) =>
    Array.from({ length: at.cols }, (_, c) => notes[a1(at.row + r, at.col + c)] ?? ''),
  );
}

/** Each cell's note from `noteAt` (0-based within the range); an empty note removes it. */
export function writeNotes(sheet: Sheet, at: Area, noteAt: (r: number, c: number) => string): void {
  const notes = notesOf(sheet);
  for (let r = 0; r < at.rows; r++)
    for (let c = 0; c < at.cols; c++) {
      const cell = a1(at.row + r, at.col + c);
      const note = noteAt(r, c);
      if (note) notes[cell] = String(note);
      else delete notes[cell];
    }
}
